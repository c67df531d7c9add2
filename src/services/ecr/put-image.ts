//! PutImage (ECR API Reference): stores a manifest whose blobs (or child manifests) are already in the repository,
//! under its digest, and points the tag at it. A tag that names another image moves, unless the repository is
//! immutable (ImageTagAlreadyExistsException); pushing a digest under a tag it already carries is
//! ImageAlreadyExistsException ("no changes to the manifest or image tag after the last push").
import type { CallContext } from '../../dispatch/index.js'
import { auditRepository, ecrScope, repositoryLocation, type RepositoryLocation } from './arns.js'
import { imageAlreadyExists, imageDigestDoesNotMatch, imageTagAlreadyExists, layersNotFoundForImage, referencedImagesNotFound } from './errors.js'
import { parseManifest, type ParsedManifest } from './image-manifest.js'
import { tagIsImmutable } from './tag-mutability.js'
import {
  childKey,
  ecrCollections,
  findImageByDigest,
  findImageByTag,
  findLayer,
  putImage as storeImage,
  requireRepository,
  type ImageRecord,
} from './records.js'

interface PutImageInput {
  registryId?: string
  repositoryName: string
  imageManifest: string
  imageManifestMediaType?: string
  imageTag?: string
  imageDigest?: string
}

/** The referenced blobs must have been uploaded to this repository; returns the image's size (its blobs' bytes). */
function checkReferences(ctx: CallContext, location: RepositoryLocation, parsed: ParsedManifest): number {
  const missing: string[] = []
  let size = 0
  for (const blob of parsed.blobs) {
    const layer = findLayer(ctx.store, location, blob.digest)
    if (!layer) {
      if (!missing.includes(blob.digest)) missing.push(blob.digest)
      continue
    }
    // ECR counts the compressed layers, not the config (ECR User Guide, "Viewing image details").
    if (blob.digest !== parsed.configDigest) size += layer.size
  }
  if (missing.length) throw layersNotFoundForImage(location, missing)
  const absent = parsed.manifests.filter((digest) => !findImageByDigest(ctx.store, location, digest))
  if (absent.length) throw referencedImagesNotFound(absent)
  for (const digest of parsed.manifests) size += findImageByDigest(ctx.store, location, digest)!.sizeInBytes
  return size
}

/** Blobs learn their media type from the first manifest that names them (BatchCheckLayerAvailability shows it). */
function recordBlobMediaTypes(ctx: CallContext, location: RepositoryLocation, parsed: ParsedManifest): void {
  const layers = ecrCollections(ctx.store).layers
  for (const blob of parsed.blobs) {
    const layer = findLayer(ctx.store, location, blob.digest)
    if (layer && layer.mediaType === undefined && blob.mediaType !== undefined) {
      layer.mediaType = blob.mediaType
      layers.put(ecrScope(location), childKey(location.repositoryName, blob.digest), layer)
    }
  }
}

function putImage(input: PutImageInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  const repository = requireRepository(ctx.store, location)
  const parsed = parseManifest(input.imageManifest, input.imageManifestMediaType)
  if (input.imageDigest !== undefined && input.imageDigest.toLowerCase() !== parsed.digest) throw imageDigestDoesNotMatch(input.imageDigest, parsed.digest)
  const sizeInBytes = checkReferences(ctx, location, parsed)
  const tag = input.imageTag
  const existing = findImageByDigest(ctx.store, location, parsed.digest)
  if (existing && (tag === undefined || existing.tags.includes(tag))) throw imageAlreadyExists(location, parsed.digest, tag)
  if (tag !== undefined) {
    const holder = findImageByTag(ctx.store, location, tag)
    if (holder && holder.digest !== parsed.digest) {
      if (tagIsImmutable(repository, tag)) throw imageTagAlreadyExists(location, tag)
      // A mutable tag moves; the image it leaves keeps its other tags, or stays untagged.
      holder.tags = holder.tags.filter((t) => t !== tag)
      storeImage(ctx.store, location, holder)
    }
  }
  const image: ImageRecord = existing ?? {
    repositoryName: location.repositoryName,
    digest: parsed.digest,
    manifest: input.imageManifest,
    mediaType: parsed.mediaType,
    tags: [],
    pushedAt: ctx.now.toISOString(),
    sizeInBytes,
    blobs: parsed.blobs.map((blob) => blob.digest),
    manifests: parsed.manifests,
  }
  if (!existing && parsed.configMediaType !== undefined) image.artifactMediaType = parsed.configMediaType
  if (tag !== undefined) image.tags.push(tag)
  storeImage(ctx.store, location, image)
  recordBlobMediaTypes(ctx, location, parsed)
  auditRepository(ctx, location)
  return {
    image: {
      registryId: location.registryId,
      repositoryName: location.repositoryName,
      imageId: { imageDigest: image.digest, imageTag: tag },
      imageManifest: image.manifest,
      imageManifestMediaType: image.mediaType,
    },
  }
}

export const putImageHandlers = { PutImage: putImage }
