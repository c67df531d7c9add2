//! For ECR's unit tests: a call context over an in-memory store, a way to run one handler as dispatch does (in a
//! transaction, so a throw leaves nothing behind), and a push helper that uploads blobs and a manifest.
import { createHash } from 'node:crypto'
import type { Principal } from '../../auth/index.js'
import type { AuthorizationOutcome, CallContext } from '../../dispatch/index.js'
import { openStore, type Store } from '../../store/index.js'
import { ecrHandlers } from './index.js'

export const TEST_ACCOUNT = '111122223333'
export const TEST_REGION = 'us-east-1'

export type FakeContext = CallContext & { store: Store; now: Date }

export function fakeCallContext(options: { store?: Store; now?: Date; account?: string } = {}): FakeContext {
  const account = options.account ?? TEST_ACCOUNT
  const principal: Principal = { type: 'Root', accountId: account, arn: `arn:aws:iam::${account}:root`, userId: account, accessKeyId: account }
  return {
    requestId: 'test-request',
    eventId: 'test-event',
    service: 'ecr',
    operation: 'test',
    principal,
    accountId: account,
    region: TEST_REGION,
    now: options.now ?? new Date('2025-01-02T03:04:05.000Z'),
    store: options.store ?? openStore(':memory:'),
    source: { userAgent: 'test', secureTransport: true },
    audit: { resources: [] },
    authorize: () => undefined,
    check: (requirement) => ({ permitted: true, requirement, decision: { decision: 'allowed' } }) as unknown as AuthorizationOutcome,
    invoke: () => {
      throw new Error('not used by ECR handlers')
    },
    afterCommit: (fn) => fn(),
  }
}

const HANDLERS = ecrHandlers({ downloadUrlBase: () => 'http://127.0.0.1:4599' })

/** Runs one operation's handler in a transaction, as dispatch does. */
export function callEcr<O = any>(ctx: CallContext, operation: string, input: Record<string, unknown> = {}): O {
  const handler = HANDLERS[operation]
  if (!handler) throw new Error(`no handler for ${operation}`)
  return ctx.store.transaction(() => handler(input, ctx)) as O
}

/** The thrown AwsError's code and message. */
export function failure(fn: () => unknown): { code: string; message: string; fields?: Record<string, unknown> } {
  try {
    fn()
  } catch (error) {
    const e = error as { code?: string; message: string; fields?: Record<string, unknown> }
    return { code: e.code ?? `not an AwsError: ${String(error)}`, message: e.message, fields: e.fields }
  }
  throw new Error('expected the call to fail')
}

export function sha256(bytes: Buffer | string): string {
  return 'sha256:' + createHash('sha256').update(bytes).digest('hex')
}

/** Uploads one blob in one part; returns its digest. */
export function uploadBlob(ctx: CallContext, repositoryName: string, bytes: Buffer, extra: Record<string, unknown> = {}): string {
  const { uploadId } = callEcr(ctx, 'InitiateLayerUpload', { repositoryName, ...extra })
  callEcr(ctx, 'UploadLayerPart', { repositoryName, uploadId, partFirstByte: 0, partLastByte: bytes.length - 1, layerPartBlob: bytes, ...extra })
  return callEcr(ctx, 'CompleteLayerUpload', { repositoryName, uploadId, layerDigests: [sha256(bytes)], ...extra }).layerDigest
}

/** A Docker schema 2 manifest naming a config and layers (what `docker push` and lib.sh's ecr_push_image send). */
export function dockerManifest(config: Buffer, layers: Buffer[]): string {
  return JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: sha256(config) },
      layers: layers.map((layer) => ({ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: sha256(layer) })),
    },
    null,
    3,
  )
}

/** Creates the repository if needed, uploads config + one layer, puts the manifest under `tag`; returns the digest. */
export function pushImage(ctx: CallContext, repositoryName: string, tag: string | undefined, seed = 'hello'): { digest: string; manifest: string; config: Buffer; layer: Buffer } {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', seed }))
  const layer = Buffer.from(`layer bytes of ${seed}`)
  for (const blob of [config, layer]) {
    const available = callEcr(ctx, 'BatchCheckLayerAvailability', { repositoryName, layerDigests: [sha256(blob)] })
    if (available.layers.length === 0) uploadBlob(ctx, repositoryName, blob)
  }
  const manifest = dockerManifest(config, [layer])
  const out = callEcr(ctx, 'PutImage', { repositoryName, imageManifest: manifest, imageTag: tag })
  return { digest: out.image.imageId.imageDigest, manifest, config, layer }
}
