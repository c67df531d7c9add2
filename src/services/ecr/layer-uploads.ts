//! Blob push through the ECR API: InitiateLayerUpload, UploadLayerPart, CompleteLayerUpload (ECR API Reference).
//! Parts must follow each other byte for byte; on completion the bytes must hash to the digest the client names,
//! and the blob becomes available to manifests pushed to the same repository.
import { createHash, randomUUID } from 'node:crypto'
import type { CallContext } from '../../dispatch/index.js'
import { auditRepository, ecrScope, repositoryLocation, type RepositoryLocation } from './arns.js'
import { emptyUpload, invalidLayer, invalidLayerPart, layerAlreadyExists, layerPartTooSmall, uploadNotFound } from './errors.js'
import { childKey, ecrCollections, findLayer, requireRepository, uploadPartKey, type UploadRecord } from './records.js'

/** What InitiateLayerUpload advises as the part size (10 MiB, as ECR answers). */
export const PART_SIZE = 10_485_760
/** Every part but the last must be at least 5 MiB (LayerPartTooSmallException). */
export const MIN_PART_SIZE = 5_242_880

interface RepositoryInput {
  registryId?: string
  repositoryName: string
}

interface UploadLayerPartInput extends RepositoryInput {
  uploadId: string
  partFirstByte: number
  partLastByte: number
  layerPartBlob: Buffer
}

interface CompleteLayerUploadInput extends RepositoryInput {
  uploadId: string
  layerDigests: string[]
}

function initiateLayerUpload(input: RepositoryInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const upload: UploadRecord = {
    repositoryName: location.repositoryName,
    uploadId: randomUUID(),
    createdAt: ctx.now.toISOString(),
    lastByteReceived: -1,
    partSizes: [],
  }
  ecrCollections(ctx.store).uploads.put(ecrScope(location), upload.uploadId, upload)
  auditRepository(ctx, location)
  return { uploadId: upload.uploadId, partSize: PART_SIZE }
}

/** An upload of this repository; an id from another repository is as unknown as a made-up one. */
function requireUpload(ctx: CallContext, location: RepositoryLocation, uploadId: string): UploadRecord {
  const upload = ecrCollections(ctx.store).uploads.get(ecrScope(location), uploadId.toLowerCase())
  if (!upload || upload.repositoryName !== location.repositoryName) throw uploadNotFound(uploadId)
  return upload
}

function uploadLayerPart(input: UploadLayerPartInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const upload = requireUpload(ctx, location, input.uploadId)
  const size = input.layerPartBlob.length
  const consecutive = input.partFirstByte === upload.lastByteReceived + 1
  // INVARIANT: partLastByte is inclusive, so a part of n bytes spans [first, first + n - 1].
  if (!consecutive || size === 0 || input.partLastByte !== input.partFirstByte + size - 1) {
    throw invalidLayerPart(location, upload.uploadId, upload.lastByteReceived)
  }
  const collections = ecrCollections(ctx.store)
  const scope = ecrScope(location)
  collections.uploadParts.put(scope, uploadPartKey(upload.uploadId, upload.partSizes.length), {
    firstByte: input.partFirstByte,
    data: input.layerPartBlob.toString('base64'),
  })
  upload.partSizes.push(size)
  upload.lastByteReceived = input.partLastByte
  collections.uploads.put(scope, upload.uploadId, upload)
  auditRepository(ctx, location)
  return { registryId: location.registryId, repositoryName: location.repositoryName, uploadId: upload.uploadId, lastByteReceived: upload.lastByteReceived }
}

/** `sha256:<hex>` (or another algorithm Node knows) of the bytes, in the digest's own algorithm. */
function digestOf(algorithm: string, bytes: Buffer): string | undefined {
  try {
    return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
  } catch {
    return undefined
  }
}

function completeLayerUpload(input: CompleteLayerUploadInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const upload = requireUpload(ctx, location, input.uploadId)
  if (upload.partSizes.length === 0) throw emptyUpload()
  if (upload.partSizes.slice(0, -1).some((size) => size < MIN_PART_SIZE)) throw layerPartTooSmall()
  const collections = ecrCollections(ctx.store)
  const scope = ecrScope(location)
  const parts = collections.uploadParts.list(scope, { prefix: `${upload.uploadId}/` })
  const bytes = Buffer.concat(parts.map((part) => Buffer.from(part.data, 'base64')))
  const given = input.layerDigests[0]!
  const matching = input.layerDigests.find((digest) => {
    const algorithm = digest.slice(0, digest.indexOf(':')).toLowerCase()
    return digestOf(algorithm, bytes) === digest.toLowerCase()
  })
  if (!matching) throw invalidLayer(given, digestOf('sha256', bytes)!)
  const digest = matching.toLowerCase()
  if (findLayer(ctx.store, location, digest)) throw layerAlreadyExists(digest)
  const key = childKey(location.repositoryName, digest)
  collections.layers.put(scope, key, { repositoryName: location.repositoryName, digest, size: bytes.length, createdAt: ctx.now.toISOString() })
  collections.layerBlobs.put(scope, key, { data: bytes.toString('base64') })
  collections.uploads.delete(scope, upload.uploadId)
  for (let index = 0; index < upload.partSizes.length; index++) collections.uploadParts.delete(scope, uploadPartKey(upload.uploadId, index))
  auditRepository(ctx, location)
  return { registryId: location.registryId, repositoryName: location.repositoryName, uploadId: upload.uploadId, layerDigest: digest }
}

export const layerUploadHandlers = {
  InitiateLayerUpload: initiateLayerUpload,
  UploadLayerPart: uploadLayerPart,
  CompleteLayerUpload: completeLayerUpload,
}
