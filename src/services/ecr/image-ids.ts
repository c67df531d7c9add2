//! Resolving an ImageIdentifier (imageTag and/or imageDigest) to a stored image, or to the ImageFailure that
//! BatchGetImage and BatchDeleteImage report for it (failureCode and failureReason as ECR answers).
import type { Store } from '../../store/index.js'
import type { RepositoryLocation } from './arns.js'
import { findImageByDigest, findImageByTag, type ImageRecord } from './records.js'

export interface ImageIdentifier {
  imageDigest?: string
  imageTag?: string
}

export interface ImageFailure {
  imageId: ImageIdentifier
  failureCode: string
  failureReason: string
}

export type ImageResolution = { image: ImageRecord } | { failure: ImageFailure }

const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/

export function failure(imageId: ImageIdentifier, failureCode: string, failureReason: string): ImageFailure {
  return { imageId: { imageDigest: imageId.imageDigest, imageTag: imageId.imageTag }, failureCode, failureReason }
}

export function resolveImageId(store: Store, location: RepositoryLocation, imageId: ImageIdentifier): ImageResolution {
  const { imageDigest, imageTag } = imageId
  if (imageDigest === undefined && imageTag === undefined) {
    return { failure: failure(imageId, 'MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null') }
  }
  if (imageDigest !== undefined && !DIGEST.test(imageDigest)) {
    return {
      failure: failure(imageId, 'InvalidImageDigest', "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'"),
    }
  }
  const image = imageDigest !== undefined ? findImageByDigest(store, location, imageDigest.toLowerCase()) : findImageByTag(store, location, imageTag!)
  if (!image) return { failure: failure(imageId, 'ImageNotFound', 'Requested image not found') }
  if (imageTag !== undefined && !image.tags.includes(imageTag)) {
    return { failure: failure(imageId, 'ImageTagDoesNotMatchDigest', 'Invalid request parameters: given tag does not map to the given digest') }
  }
  return { image }
}
