//! BatchDeleteImage (ECR API Reference): a tag removes that tag (and the image with its last tag); a digest removes
//! the image with all its tags. Images a manifest list still references stay (ImageReferencedByManifestList).
//! Blobs are left for ECR's own clean-up, as in AWS; GetDownloadUrlForLayer then answers LayerInaccessibleException.
import type { CallContext } from '../../dispatch/index.js'
import { auditRepository, ecrScope, repositoryLocation, type RepositoryLocation } from './arns.js'
import { failure, resolveImageId, type ImageFailure, type ImageIdentifier } from './image-ids.js'
import { childKey, ecrCollections, imagesOf, putImage, requireRepository, type ImageRecord } from './records.js'

interface BatchDeleteImageInput {
  registryId?: string
  repositoryName: string
  imageIds: ImageIdentifier[]
}

function referencingLists(ctx: CallContext, location: RepositoryLocation, image: ImageRecord): string[] {
  return imagesOf(ctx.store, location)
    .filter((other) => other.manifests.includes(image.digest))
    .map((other) => other.digest)
}

function deleteImage(ctx: CallContext, location: RepositoryLocation, image: ImageRecord): void {
  ecrCollections(ctx.store).images.delete(ecrScope(location), childKey(location.repositoryName, image.digest))
}

function batchDeleteImage(input: BatchDeleteImageInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const deleted: ImageIdentifier[] = []
  const failures: ImageFailure[] = []
  for (const imageId of input.imageIds) {
    const resolved = resolveImageId(ctx.store, location, imageId)
    if ('failure' in resolved) {
      failures.push(resolved.failure)
      continue
    }
    const image = resolved.image
    const untagOnly = imageId.imageDigest === undefined && image.tags.length > 1
    if (untagOnly) {
      image.tags = image.tags.filter((tag) => tag !== imageId.imageTag)
      putImage(ctx.store, location, image)
      deleted.push({ imageDigest: image.digest, imageTag: imageId.imageTag })
      continue
    }
    const lists = referencingLists(ctx, location, image)
    if (lists.length) {
      failures.push(failure(imageId, 'ImageReferencedByManifestList', `Requested image referenced by manifest list: [${lists.join(', ')}]`))
      continue
    }
    deleteImage(ctx, location, image)
    if (image.tags.length === 0) deleted.push({ imageDigest: image.digest })
    for (const tag of image.tags) deleted.push({ imageDigest: image.digest, imageTag: tag })
  }
  auditRepository(ctx, location)
  return { imageIds: deleted, failures }
}

export const batchDeleteImageHandlers = { BatchDeleteImage: batchDeleteImage }
