//! Reading an image manifest as PutImage receives it (Docker Image Manifest V2 schema 2 and manifest lists, OCI image
//! manifests and indexes, legacy schema 1): its media type, its digest (sha256 of the bytes as sent) and the blobs
//! or child manifests it references, which must already be in the repository. Pure.
import { createHash } from 'node:crypto'
import { invalidManifest, invalidParameter } from './errors.js'

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
  dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
} as const

const IMAGE_MANIFESTS = new Set<string>([MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest])
const INDEXES = new Set<string>([MEDIA_TYPES.dockerManifestList, MEDIA_TYPES.ociIndex])
const SCHEMA1 = new Set<string>([MEDIA_TYPES.dockerSchema1, MEDIA_TYPES.dockerSchema1Signed])
const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/

export interface BlobReference {
  digest: string
  mediaType?: string
}

export interface ParsedManifest {
  mediaType: string
  digest: string
  /** Config first, then layers (image manifests and schema 1). */
  blobs: BlobReference[]
  /** The config blob (image manifests): its digest and media type (DescribeImages artifactMediaType). */
  configDigest?: string
  configMediaType?: string
  /** Child manifests (manifest lists and indexes). */
  manifests: string[]
}

export function manifestDigest(manifest: string): string {
  return 'sha256:' + createHash('sha256').update(manifest, 'utf8').digest('hex')
}

/** Parses and checks a manifest; `declaredMediaType` is PutImage's imageManifestMediaType. */
export function parseManifest(manifest: string, declaredMediaType: string | undefined): ParsedManifest {
  let document: unknown
  try {
    document = JSON.parse(manifest)
  } catch {
    throw invalidManifest('Invalid JSON syntax')
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) throw invalidManifest('Invalid JSON syntax')
  const body = document as Record<string, unknown>
  const inManifest = typeof body.mediaType === 'string' ? body.mediaType : undefined
  // API Reference, imageManifestMediaType: a manifest without a mediaType field needs the parameter.
  const mediaType = declaredMediaType ?? inManifest
  if (mediaType === undefined) {
    throw invalidParameter("Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'image manifest media type must be provided when the manifest has no mediaType field'")
  }
  if (declaredMediaType !== undefined && inManifest !== undefined && declaredMediaType !== inManifest) {
    throw invalidParameter(
      `Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'media type '${declaredMediaType}' does not match the manifest's mediaType '${inManifest}''`,
    )
  }
  const parsed: ParsedManifest = { mediaType, digest: manifestDigest(manifest), blobs: [], manifests: [] }
  if (IMAGE_MANIFESTS.has(mediaType)) {
    if (body.schemaVersion !== 2) throw invalidManifest('Invalid schemaVersion: 2 is required')
    const config = descriptor(body.config, 'config')
    parsed.blobs.push(config)
    parsed.configDigest = config.digest
    if (config.mediaType !== undefined) parsed.configMediaType = config.mediaType
    for (const [index, layer] of list(body.layers, 'layers').entries()) parsed.blobs.push(descriptor(layer, `layers[${index}]`))
  } else if (INDEXES.has(mediaType)) {
    if (body.schemaVersion !== 2) throw invalidManifest('Invalid schemaVersion: 2 is required')
    parsed.manifests = list(body.manifests, 'manifests').map((entry, index) => descriptor(entry, `manifests[${index}]`).digest)
  } else if (SCHEMA1.has(mediaType)) {
    for (const [index, layer] of list(body.fsLayers, 'fsLayers').entries()) {
      const blobSum = (layer as Record<string, unknown> | null)?.blobSum
      if (typeof blobSum !== 'string' || !DIGEST.test(blobSum)) throw invalidManifest(`Invalid digest at fsLayers[${index}].blobSum`)
      parsed.blobs.push({ digest: blobSum.toLowerCase() })
    }
  } else {
    throw invalidParameter(`Invalid parameter at 'imageManifestMediaType' failed to satisfy constraint: 'Unsupported media type '${mediaType}''`)
  }
  return parsed
}

function list(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) throw invalidManifest(`Missing or invalid field '${name}'`)
  return value
}

function descriptor(value: unknown, name: string): BlobReference {
  const entry = value as Record<string, unknown> | null
  if (typeof entry !== 'object' || entry === null || typeof entry.digest !== 'string' || !DIGEST.test(entry.digest)) {
    throw invalidManifest(`Missing or invalid digest at '${name}'`)
  }
  const reference: BlobReference = { digest: entry.digest.toLowerCase() }
  if (typeof entry.mediaType === 'string') reference.mediaType = entry.mediaType
  return reference
}
