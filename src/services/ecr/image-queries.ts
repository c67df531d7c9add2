//! Reading images: BatchGetImage (the manifests a pull fetches), DescribeImages, ListImages (ECR API Reference).
import type { CallContext } from '../../dispatch/index.js'
import { auditRepository, repositoryLocation, type RepositoryLocation } from './arns.js'
import { imageNotFound, invalidParameter } from './errors.js'
import { resolveImageId, type ImageFailure, type ImageIdentifier } from './image-ids.js'
import { pageOf } from './paging.js'
import { imagesOf, putImage, requireRepository, type ImageRecord } from './records.js'

interface RepositoryInput {
  registryId?: string
  repositoryName: string
}

interface BatchGetImageInput extends RepositoryInput {
  imageIds: ImageIdentifier[]
  acceptedMediaTypes?: string[]
}

interface ImageFilter {
  tagStatus?: 'TAGGED' | 'UNTAGGED' | 'ANY'
  imageStatus?: 'ACTIVE' | 'ARCHIVED' | 'ACTIVATING' | 'ANY'
}

interface DescribeImagesInput extends RepositoryInput {
  imageIds?: ImageIdentifier[]
  nextToken?: string
  maxResults?: number
  filter?: ImageFilter
}

interface ListImagesInput extends RepositoryInput {
  nextToken?: string
  maxResults?: number
  filter?: ImageFilter
}

/**
 * Every requested image found is returned with the identifier as asked (plus its digest); the others are failures.
 * A pull records lastRecordedPullTime, which DescribeImages shows (ECR User Guide, "Image details").
 */
function batchGetImage(input: BatchGetImageInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const images: unknown[] = []
  const failures: ImageFailure[] = []
  for (const imageId of input.imageIds) {
    const resolved = resolveImageId(ctx.store, location, imageId)
    if ('failure' in resolved) {
      failures.push(resolved.failure)
      continue
    }
    const image = resolved.image
    image.lastRecordedPullTime = ctx.now.toISOString()
    putImage(ctx.store, location, image)
    images.push({
      registryId: location.registryId,
      repositoryName: location.repositoryName,
      imageId: { imageDigest: image.digest, imageTag: imageId.imageTag },
      imageManifest: image.manifest,
      imageManifestMediaType: image.mediaType,
    })
  }
  auditRepository(ctx, location)
  return { images, failures }
}

function imageDetail(location: RepositoryLocation, image: ImageRecord) {
  return {
    registryId: location.registryId,
    repositoryName: location.repositoryName,
    imageDigest: image.digest,
    imageTags: image.tags.length ? image.tags : undefined,
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: image.pushedAt,
    imageManifestMediaType: image.mediaType,
    artifactMediaType: image.artifactMediaType,
    lastRecordedPullTime: image.lastRecordedPullTime,
    imageStatus: 'ACTIVE',
  }
}

/** Every stored image is ACTIVE (taskrole does not archive). */
function matchesFilter(image: ImageRecord, filter: ImageFilter | undefined): boolean {
  const status = filter?.tagStatus ?? 'ANY'
  if (status === 'TAGGED' && image.tags.length === 0) return false
  if (status === 'UNTAGGED' && image.tags.length > 0) return false
  const imageStatus = filter?.imageStatus ?? 'ANY'
  return imageStatus === 'ANY' || imageStatus === 'ACTIVE'
}

function describeImages(input: DescribeImagesInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  auditRepository(ctx, location)
  if (input.imageIds?.length) {
    if (input.nextToken !== undefined || input.maxResults !== undefined) {
      throw invalidParameter("Invalid parameter at 'imageIds' failed to satisfy constraint: 'nextToken and maxResults cannot be used with imageIds'")
    }
    const found = new Map<string, ImageRecord>()
    for (const imageId of input.imageIds) {
      const resolved = resolveImageId(ctx.store, location, imageId)
      if ('failure' in resolved) {
        if (resolved.failure.failureCode === 'ImageNotFound' || resolved.failure.failureCode === 'ImageTagDoesNotMatchDigest') throw imageNotFound(location, imageId)
        throw invalidParameter(resolved.failure.failureReason)
      }
      found.set(resolved.image.digest, resolved.image)
    }
    return { imageDetails: [...found.values()].map((image) => imageDetail(location, image)) }
  }
  const images = imagesOf(ctx.store, location).filter((image) => matchesFilter(image, input.filter))
  const page = pageOf(images, input, (image) => image.digest)
  return { imageDetails: page.items.map((image) => imageDetail(location, image)), nextToken: page.nextToken }
}

/** One entry per tag, and one without a tag for an untagged image. */
function listImages(input: ListImagesInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const ids: Array<{ imageDigest: string; imageTag?: string }> = []
  for (const image of imagesOf(ctx.store, location)) {
    if (!matchesFilter(image, input.filter)) continue
    if (image.tags.length === 0) ids.push({ imageDigest: image.digest })
    for (const tag of [...image.tags].sort()) ids.push({ imageDigest: image.digest, imageTag: tag })
  }
  const page = pageOf(ids, input, (id) => `${id.imageDigest}/${id.imageTag ?? ''}`)
  auditRepository(ctx, location)
  return { imageIds: page.items, nextToken: page.nextToken }
}

export const imageQueryHandlers = {
  BatchGetImage: batchGetImage,
  DescribeImages: describeImages,
  ListImages: listImages,
}
