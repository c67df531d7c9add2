//! Amazon ECR's client errors (all HTTP 400). Messages are AWS's where a real response is on record (the registry's
//! "… in the registry with id '…'" family, seen in CLI output and kept by moto); otherwise the exception's
//! description from the ECR API Reference, which is what a reader of AWS's docs expects to see.
import { AwsError } from '../../aws/index.js'

export interface RepositoryRef {
  registryId: string
  repositoryName: string
}

/** "The repository with name 'x' does not exist in the registry with id '111122223333'" */
export function repositoryNotFound(ref: RepositoryRef): AwsError {
  return new AwsError(
    'RepositoryNotFoundException',
    `The repository with name '${ref.repositoryName}' does not exist in the registry with id '${ref.registryId}'`,
  )
}

/** "The repository with name 'x' already exists in the registry with id '111122223333'" */
export function repositoryAlreadyExists(ref: RepositoryRef): AwsError {
  return new AwsError(
    'RepositoryAlreadyExistsException',
    `The repository with name '${ref.repositoryName}' already exists in the registry with id '${ref.registryId}'`,
  )
}

/** "The repository with name 'x' in registry with id '…' cannot be deleted because it still contains images" */
export function repositoryNotEmpty(ref: RepositoryRef): AwsError {
  return new AwsError(
    'RepositoryNotEmptyException',
    `The repository with name '${ref.repositoryName}' in registry with id '${ref.registryId}' cannot be deleted because it still contains images`,
  )
}

/** "Repository policy does not exist for the repository with name 'x' in the registry with id '…'" */
export function repositoryPolicyNotFound(ref: RepositoryRef): AwsError {
  return new AwsError(
    'RepositoryPolicyNotFoundException',
    `Repository policy does not exist for the repository with name '${ref.repositoryName}' in the registry with id '${ref.registryId}'`,
  )
}

/** SetRepositoryPolicy with a document ECR will not store. */
export function invalidRepositoryPolicy(): AwsError {
  return invalidParameter("Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'")
}

/** DescribeImages: "The image with imageId {imageDigest:'null', imageTag:'v1'} does not exist within the repository …" */
export function imageNotFound(ref: RepositoryRef, imageId: { imageDigest?: string; imageTag?: string }): AwsError {
  const id = `{imageDigest:'${imageId.imageDigest ?? 'null'}', imageTag:'${imageId.imageTag ?? 'null'}'}`
  return new AwsError(
    'ImageNotFoundException',
    `The image with imageId ${id} does not exist within the repository with name '${ref.repositoryName}' in the registry with id '${ref.registryId}'`,
  )
}

/** PutImage of a digest already carrying that tag: "Image with digest '…' and tag 'v1' already exists in the repository …" */
export function imageAlreadyExists(ref: RepositoryRef, digest: string, tag: string | undefined): AwsError {
  return new AwsError(
    'ImageAlreadyExistsException',
    `Image with digest '${digest}' and tag '${tag ?? 'null'}' already exists in the repository with name '${ref.repositoryName}' in registry with id '${ref.registryId}'`,
  )
}

/** An immutable repository refuses to move a tag (the text docker push prints for the same refusal). */
export function imageTagAlreadyExists(ref: RepositoryRef, tag: string): AwsError {
  return new AwsError(
    'ImageTagAlreadyExistsException',
    `The image tag '${tag}' already exists in the '${ref.repositoryName}' repository and cannot be overwritten because the repository is immutable.`,
  )
}

/** PutImage naming blobs that were never uploaded (the registry's answer, as docker and oras clients print it). */
export function layersNotFoundForImage(ref: RepositoryRef, digests: string[]): AwsError {
  return new AwsError(
    'LayersNotFoundException',
    `Layers with digests '[${digests.join(', ')}]' required for pushing image into repository with name '${ref.repositoryName}' in the registry with id '${ref.registryId}' do not exist`,
  )
}

/** GetDownloadUrlForLayer of a digest the repository does not hold. */
export function layerNotFound(ref: RepositoryRef, digest: string): AwsError {
  return new AwsError(
    'LayersNotFoundException',
    `The layer with digest '${digest}' does not exist within the repository with name '${ref.repositoryName}' in the registry with id '${ref.registryId}'`,
  )
}

/** API Reference, LayerInaccessibleException. */
export function layerInaccessible(): AwsError {
  return new AwsError(
    'LayerInaccessibleException',
    'The specified layer is not available because it is not associated with an image. Unassociated image layers may be cleaned up at any time.',
  )
}

/** A manifest list or index naming images the repository does not hold (API Reference wording). */
export function referencedImagesNotFound(digests: string[]): AwsError {
  return new AwsError('ReferencedImagesNotFoundException', `The manifest list is referencing an image that does not exist: [${digests.join(', ')}]`)
}

/** API Reference, ImageDigestDoesNotMatchException. */
export function imageDigestDoesNotMatch(given: string, computed: string): AwsError {
  return new AwsError(
    'ImageDigestDoesNotMatchException',
    `The specified image digest '${given}' does not match the digest that Amazon ECR calculated for the image: '${computed}'`,
  )
}

/** API Reference, UploadNotFoundException. */
export function uploadNotFound(uploadId: string): AwsError {
  return new AwsError(
    'UploadNotFoundException',
    `The upload with id '${uploadId}' could not be found, or the specified upload ID is not valid for this repository.`,
  )
}

/** Parts must follow each other without gap or overlap; carries the last valid byte, as the model's members say. */
export function invalidLayerPart(ref: RepositoryRef, uploadId: string, lastValidByteReceived: number): AwsError {
  return new AwsError(
    'InvalidLayerPartException',
    'The layer part size is not valid, or the first byte specified is not consecutive to the last byte of a previous layer part upload.',
    {
      fields: {
        registryId: ref.registryId,
        repositoryName: ref.repositoryName,
        uploadId,
        // Nothing is valid yet before the first part.
        ...(lastValidByteReceived >= 0 ? { lastValidByteReceived } : {}),
      },
    },
  )
}

/** API Reference, EmptyUploadException. */
export function emptyUpload(): AwsError {
  return new AwsError('EmptyUploadException', 'The specified layer upload does not contain any layer parts.')
}

/** API Reference, LayerPartTooSmallException: every part but the last must be at least 5 MiB. */
export function layerPartTooSmall(): AwsError {
  return new AwsError('LayerPartTooSmallException', 'Layer parts must be at least 5 MiB in size.')
}

/** The uploaded bytes do not hash to the digest the client named (API Reference, InvalidLayerException). */
export function invalidLayer(given: string, computed: string): AwsError {
  return new AwsError(
    'InvalidLayerException',
    `The layer digest calculation performed by Amazon ECR upon receipt of the image layer does not match the digest specified. Expected '${given}', calculated '${computed}'.`,
  )
}

/** API Reference, LayerAlreadyExistsException. */
export function layerAlreadyExists(digest: string): AwsError {
  return new AwsError('LayerAlreadyExistsException', `The image layer '${digest}' already exists in the associated repository.`)
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message)
}

/** "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'" */
export function invalidManifest(reason: string): AwsError {
  return invalidParameter(`Invalid parameter at 'ImageManifest' failed to satisfy constraint: '${reason}'`)
}

export function invalidNextToken(): AwsError {
  return invalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'Invalid pagination token'")
}
