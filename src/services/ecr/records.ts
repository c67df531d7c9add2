//! ECR's records as stored, per registry and Region (scope `<registry>/<region>`): repositories, images (manifest
//! text + tags), layers (blob metadata, bytes kept apart so listing stays cheap), and uploads in progress.
//! Keys: repository name; `<repository>@<digest>` for images and layers (names never contain `@`); upload id.
import type { Store } from '../../store/index.js'
import { ecrScope, type RegistryRef, type RepositoryLocation } from './arns.js'
import { repositoryNotFound } from './errors.js'

export const ECR_COLLECTIONS = {
  repositories: 'ecr.repository',
  images: 'ecr.image',
  layers: 'ecr.layer',
  layerBlobs: 'ecr.layer-blob',
  uploads: 'ecr.upload',
  uploadParts: 'ecr.upload-part',
} as const

export interface EcrTag {
  Key: string
  Value: string
}

export interface RepositoryRecord {
  registryId: string
  region: string
  repositoryName: string
  repositoryArn: string
  repositoryUri: string
  createdAt: string
  imageTagMutability: string
  imageTagMutabilityExclusionFilters?: Array<{ filterType: string; filter: string }>
  imageScanningConfiguration: { scanOnPush: boolean }
  encryptionConfiguration: { encryptionType: string; kmsKey?: string }
  tags: EcrTag[]
  /** The repository policy as the caller wrote it. */
  policyText?: string
  /** Users and roles the policy names -> their unique ids when it was set (a recreated role no longer matches). */
  policyPrincipalIds?: Record<string, string>
}

export interface ImageRecord {
  repositoryName: string
  /** sha256 of the manifest bytes as pushed. */
  digest: string
  manifest: string
  mediaType: string
  /** The config blob's media type (DescribeImages artifactMediaType). */
  artifactMediaType?: string
  tags: string[]
  pushedAt: string
  sizeInBytes: number
  /** Config and layer digests (image manifests). */
  blobs: string[]
  /** Child manifest digests (manifest lists / OCI indexes). */
  manifests: string[]
  lastRecordedPullTime?: string
}

export interface LayerRecord {
  repositoryName: string
  digest: string
  size: number
  /** Learned from the first manifest that references the blob. */
  mediaType?: string
  createdAt: string
}

export interface LayerBlobRecord {
  /** The blob's bytes, base64. */
  data: string
}

export interface UploadRecord {
  repositoryName: string
  uploadId: string
  createdAt: string
  /** -1 before the first part. */
  lastByteReceived: number
  /** Sizes of the parts so far, in order (LayerPartTooSmallException is judged on completion). */
  partSizes: number[]
}

export interface UploadPartRecord {
  firstByte: number
  data: string
}

export function ecrCollections(store: Store) {
  const documents = store.documents
  return {
    repositories: documents.collection<RepositoryRecord>(ECR_COLLECTIONS.repositories),
    images: documents.collection<ImageRecord>(ECR_COLLECTIONS.images),
    layers: documents.collection<LayerRecord>(ECR_COLLECTIONS.layers),
    layerBlobs: documents.collection<LayerBlobRecord>(ECR_COLLECTIONS.layerBlobs),
    uploads: documents.collection<UploadRecord>(ECR_COLLECTIONS.uploads),
    uploadParts: documents.collection<UploadPartRecord>(ECR_COLLECTIONS.uploadParts),
  }
}

export function childKey(repositoryName: string, digest: string): string {
  return `${repositoryName}@${digest}`
}

export function childPrefix(repositoryName: string): string {
  return `${repositoryName}@`
}

/** Upload parts sort by their index, zero-padded. */
export function uploadPartKey(uploadId: string, index: number): string {
  return `${uploadId}/${String(index).padStart(6, '0')}`
}

export function findRepository(store: Store, location: RepositoryLocation): RepositoryRecord | undefined {
  return ecrCollections(store).repositories.get(ecrScope(location), location.repositoryName)
}

export function requireRepository(store: Store, location: RepositoryLocation): RepositoryRecord {
  const repository = findRepository(store, location)
  if (!repository) throw repositoryNotFound(location)
  return repository
}

/** The repository's images ordered by digest. */
export function imagesOf(store: Store, location: RepositoryLocation): ImageRecord[] {
  return ecrCollections(store).images.list(ecrScope(location), { prefix: childPrefix(location.repositoryName) })
}

export function findImageByDigest(store: Store, location: RepositoryLocation, digest: string): ImageRecord | undefined {
  return ecrCollections(store).images.get(ecrScope(location), childKey(location.repositoryName, digest))
}

export function findImageByTag(store: Store, location: RepositoryLocation, tag: string): ImageRecord | undefined {
  return imagesOf(store, location).find((image) => image.tags.includes(tag))
}

export function putImage(store: Store, registry: RegistryRef, image: ImageRecord): void {
  ecrCollections(store).images.put(ecrScope(registry), childKey(image.repositoryName, image.digest), image)
}

export function findLayer(store: Store, location: RepositoryLocation, digest: string): LayerRecord | undefined {
  return ecrCollections(store).layers.get(ecrScope(location), childKey(location.repositoryName, digest))
}

/**
 * The bytes of a layer or config blob, for whoever serves GetDownloadUrlForLayer's URL (the composition root
 * wires it to an admin route); undefined when the repository holds no such blob.
 */
export function readLayerBlob(store: Store, location: RepositoryLocation, digest: string): Buffer | undefined {
  const blob = ecrCollections(store).layerBlobs.get(ecrScope(location), childKey(location.repositoryName, digest))
  return blob ? Buffer.from(blob.data, 'base64') : undefined
}
