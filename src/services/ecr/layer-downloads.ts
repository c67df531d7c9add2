//! Pull-side blob calls: BatchCheckLayerAvailability and GetDownloadUrlForLayer (ECR API Reference). AWS answers the
//! latter with a pre-signed S3 URL; taskrole answers with a URL on its own endpoint,
//! `<endpoint>/_taskrole/ecr-layer/<registry>/<region>/<repository>/<digest>`, which the composition root may serve
//! from the store (readLayerBlob). The URL, like AWS's, carries no credentials and is good for an hour.
import type { CallContext } from '../../dispatch/index.js'
import { auditRepository, repositoryLocation, type RepositoryLocation } from './arns.js'
import { layerInaccessible, layerNotFound } from './errors.js'
import { findLayer, imagesOf, requireRepository } from './records.js'

export interface LayerDownloadOptions {
  /** Scheme, host and port the download URLs start with (taskrole's endpoint). */
  downloadUrlBase: () => string
}

/** taskrole's default endpoint, for services built without the running server's address. */
export const DEFAULT_DOWNLOAD_URL_BASE = 'http://127.0.0.1:4599'
const DOWNLOAD_URL_LIFETIME_SECONDS = 3600

interface BatchCheckLayerAvailabilityInput {
  registryId?: string
  repositoryName: string
  layerDigests: string[]
}

interface GetDownloadUrlForLayerInput {
  registryId?: string
  repositoryName: string
  layerDigest: string
}

const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/

function batchCheckLayerAvailability(input: BatchCheckLayerAvailabilityInput, ctx: CallContext) {
  const location = repositoryLocation(ctx, input)
  requireRepository(ctx.store, location)
  const layers: unknown[] = []
  const failures: unknown[] = []
  for (const layerDigest of input.layerDigests) {
    if (!DIGEST.test(layerDigest)) {
      failures.push({ layerDigest, failureCode: 'InvalidLayerDigest', failureReason: 'Invalid layer digest' })
      continue
    }
    const layer = findLayer(ctx.store, location, layerDigest.toLowerCase())
    if (!layer) {
      failures.push({ layerDigest, failureCode: 'MissingLayerDigest', failureReason: 'Could not find layer' })
      continue
    }
    layers.push({ layerDigest, layerAvailability: 'AVAILABLE', layerSize: layer.size, mediaType: layer.mediaType })
  }
  auditRepository(ctx, location)
  return { layers, failures }
}

/** A layer is downloadable only while an image references it (API Reference: "image layers that are referenced in an image"). */
function referencedByAnImage(ctx: CallContext, location: RepositoryLocation, digest: string): boolean {
  return imagesOf(ctx.store, location).some((image) => image.blobs.includes(digest))
}

export function downloadUrl(base: string, location: RepositoryLocation, digest: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + DOWNLOAD_URL_LIFETIME_SECONDS
  const path = [location.registryId, location.region, ...location.repositoryName.split('/'), digest].map(encodeURIComponent).join('/')
  return `${base.replace(/\/+$/, '')}/_taskrole/ecr-layer/${path}?Expires=${expires}`
}

export function layerDownloadHandlers(options: LayerDownloadOptions) {
  function getDownloadUrlForLayer(input: GetDownloadUrlForLayerInput, ctx: CallContext) {
    const location = repositoryLocation(ctx, input)
    requireRepository(ctx.store, location)
    const digest = input.layerDigest.toLowerCase()
    if (!findLayer(ctx.store, location, digest)) throw layerNotFound(location, input.layerDigest)
    if (!referencedByAnImage(ctx, location, digest)) throw layerInaccessible()
    auditRepository(ctx, location)
    return { downloadUrl: downloadUrl(options.downloadUrlBase(), location, digest, ctx.now), layerDigest: digest }
  }
  return {
    BatchCheckLayerAvailability: batchCheckLayerAvailability,
    GetDownloadUrlForLayer: getDownloadUrlForLayer,
  }
}
