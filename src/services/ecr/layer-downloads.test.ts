import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEcr, failure, fakeCallContext, pushImage, sha256, TEST_ACCOUNT, uploadBlob } from './fake-call-context.js'
import { downloadUrl } from './layer-downloads.js'

test('BatchCheckLayerAvailability reports available, missing and malformed digests', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  const { layer } = pushImage(ctx, 'app', 'v1')
  const out = callEcr(ctx, 'BatchCheckLayerAvailability', { repositoryName: 'app', layerDigests: [sha256(layer), sha256('absent'), 'nonsense'] })
  assert.deepEqual(out.layers, [
    { layerDigest: sha256(layer), layerAvailability: 'AVAILABLE', layerSize: layer.length, mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip' },
  ])
  assert.deepEqual(out.failures, [
    { layerDigest: sha256('absent'), failureCode: 'MissingLayerDigest', failureReason: 'Could not find layer' },
    { layerDigest: 'nonsense', failureCode: 'InvalidLayerDigest', failureReason: 'Invalid layer digest' },
  ])
})

test('GetDownloadUrlForLayer: a URL on taskrole for referenced layers; unknown and unreferenced layers refused', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'team/web' })
  const { layer, config } = pushImage(ctx, 'team/web', 'v1')
  const out = callEcr(ctx, 'GetDownloadUrlForLayer', { repositoryName: 'team/web', layerDigest: sha256(layer) })
  assert.equal(out.layerDigest, sha256(layer))
  assert.equal(
    out.downloadUrl,
    `http://127.0.0.1:4599/_taskrole/ecr-layer/${TEST_ACCOUNT}/us-east-1/team/web/${encodeURIComponent(sha256(layer))}?Expires=${Date.parse('2025-01-02T03:04:05.000Z') / 1000 + 3600}`,
  )
  // The config blob is fetched the same way.
  assert.equal(callEcr(ctx, 'GetDownloadUrlForLayer', { repositoryName: 'team/web', layerDigest: sha256(config) }).layerDigest, sha256(config))
  assert.deepEqual(failure(() => callEcr(ctx, 'GetDownloadUrlForLayer', { repositoryName: 'team/web', layerDigest: sha256('absent') })), {
    code: 'LayersNotFoundException',
    message: `The layer with digest '${sha256('absent')}' does not exist within the repository with name 'team/web' in the registry with id '${TEST_ACCOUNT}'`,
    fields: undefined,
  })
  const loose = uploadBlob(ctx, 'team/web', Buffer.from('uploaded, never referenced'))
  assert.equal(failure(() => callEcr(ctx, 'GetDownloadUrlForLayer', { repositoryName: 'team/web', layerDigest: loose })).code, 'LayerInaccessibleException')
})

test('download URLs drop a trailing slash of the base', () => {
  const url = downloadUrl('http://h:1/', { registryId: '111122223333', region: 'eu-west-1', repositoryName: 'a1' }, 'sha256:ab', new Date(0))
  assert.equal(url, 'http://h:1/_taskrole/ecr-layer/111122223333/eu-west-1/a1/sha256%3Aab?Expires=3600')
})
