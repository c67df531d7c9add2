import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEcr, dockerManifest, failure, fakeCallContext, pushImage, sha256, TEST_ACCOUNT, uploadBlob } from './fake-call-context.js'

function setUp(options: Record<string, unknown> = {}) {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app', ...options })
  return ctx
}

test('PutImage stores the manifest under the sha256 of its bytes, with its media type', () => {
  const ctx = setUp()
  const { digest, manifest } = pushImage(ctx, 'app', 'v1')
  assert.equal(digest, sha256(manifest))
  const [detail] = callEcr(ctx, 'DescribeImages', { repositoryName: 'app' }).imageDetails
  assert.equal(detail.imageDigest, digest)
  assert.deepEqual(detail.imageTags, ['v1'])
  assert.equal(detail.imageManifestMediaType, 'application/vnd.docker.distribution.manifest.v2+json')
  assert.equal(detail.artifactMediaType, 'application/vnd.docker.container.image.v1+json')
  // The size counts the layer, not the config.
  assert.equal(detail.imageSizeInBytes, Buffer.from('layer bytes of hello').length)
})

test('a manifest naming blobs that were never uploaded is LayersNotFoundException, and nothing is stored', () => {
  const ctx = setUp()
  const config = Buffer.from('{"os":"linux"}')
  const layer = Buffer.from('never uploaded')
  uploadBlob(ctx, 'app', config)
  const refused = failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: dockerManifest(config, [layer]), imageTag: 'v1' }))
  assert.deepEqual(refused, {
    code: 'LayersNotFoundException',
    message: `Layers with digests '[${sha256(layer)}]' required for pushing image into repository with name 'app' in the registry with id '${TEST_ACCOUNT}' do not exist`,
    fields: undefined,
  })
  assert.deepEqual(callEcr(ctx, 'ListImages', { repositoryName: 'app' }).imageIds, [])
})

test('the same digest under the same tag is ImageAlreadyExistsException; a second tag is added', () => {
  const ctx = setUp()
  const { digest, manifest } = pushImage(ctx, 'app', 'v1')
  assert.deepEqual(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: manifest, imageTag: 'v1' })), {
    code: 'ImageAlreadyExistsException',
    message: `Image with digest '${digest}' and tag 'v1' already exists in the repository with name 'app' in registry with id '${TEST_ACCOUNT}'`,
    fields: undefined,
  })
  callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: manifest, imageTag: 'latest' })
  assert.deepEqual(callEcr(ctx, 'DescribeImages', { repositoryName: 'app' }).imageDetails[0].imageTags, ['v1', 'latest'])
})

test('a mutable tag moves to the new image; the old one stays, untagged', () => {
  const ctx = setUp()
  const old = pushImage(ctx, 'app', 'latest', 'one')
  const next = pushImage(ctx, 'app', 'latest', 'two')
  const ids = callEcr(ctx, 'ListImages', { repositoryName: 'app' }).imageIds
  assert.deepEqual(
    ids.sort((a: any, b: any) => (a.imageDigest < b.imageDigest ? -1 : 1)),
    [{ imageDigest: old.digest }, { imageDigest: next.digest, imageTag: 'latest' }].sort((a, b) => (a.imageDigest < b.imageDigest ? -1 : 1)),
  )
})

test('an immutable repository refuses to move a tag', () => {
  const ctx = setUp({ imageTagMutability: 'IMMUTABLE' })
  pushImage(ctx, 'app', 'v1', 'one')
  assert.deepEqual(failure(() => pushImage(ctx, 'app', 'v1', 'two')), {
    code: 'ImageTagAlreadyExistsException',
    message: "The image tag 'v1' already exists in the 'app' repository and cannot be overwritten because the repository is immutable.",
    fields: undefined,
  })
  // Exclusion filters keep matching tags mutable.
  const ctx2 = setUp({ imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest*' }] })
  pushImage(ctx2, 'app', 'latest', 'one')
  pushImage(ctx2, 'app', 'latest', 'two')
  pushImage(ctx2, 'app', 'v1', 'one')
  assert.equal(failure(() => pushImage(ctx2, 'app', 'v1', 'two')).code, 'ImageTagAlreadyExistsException')
})

test('bad manifests: invalid JSON, no media type, unsupported type, digest mismatch', () => {
  const ctx = setUp()
  const { manifest } = pushImage(ctx, 'app', 'v1')
  assert.deepEqual(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: '{not json', imageTag: 'x' })), {
    code: 'InvalidParameterException',
    message: "Invalid parameter at 'ImageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
    fields: undefined,
  })
  const noMediaType = JSON.stringify({ ...JSON.parse(manifest), mediaType: undefined })
  assert.equal(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: noMediaType, imageTag: 'x' })).code, 'InvalidParameterException')
  // With the media type given as the parameter, the same manifest is accepted.
  callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: noMediaType, imageTag: 'x', imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json' })
  assert.equal(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: manifest, imageTag: 'y', imageManifestMediaType: 'text/plain' })).code, 'InvalidParameterException')
  assert.equal(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: manifest, imageTag: 'y', imageDigest: sha256('other') })).code, 'ImageDigestDoesNotMatchException')
  assert.equal(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'nope', imageManifest: manifest, imageTag: 'y' })).code, 'RepositoryNotFoundException')
  assert.deepEqual(
    callEcr(ctx, 'ListImages', { repositoryName: 'app', filter: { tagStatus: 'TAGGED' } }).imageIds.map((id: any) => id.imageTag).sort(),
    ['v1', 'x'],
  )
})

test('a manifest list must reference images of the repository', () => {
  const ctx = setUp()
  const child = pushImage(ctx, 'app', 'amd64')
  const list = (digests: string[]) =>
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
      manifests: digests.map((digest) => ({ mediaType: 'application/vnd.docker.distribution.manifest.v2+json', size: 100, digest, platform: { architecture: 'amd64', os: 'linux' } })),
    })
  const missing = sha256('absent')
  assert.equal(failure(() => callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: list([child.digest, missing]), imageTag: 'multi' })).code, 'ReferencedImagesNotFoundException')
  const out = callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: list([child.digest]), imageTag: 'multi' })
  assert.equal(out.image.imageManifestMediaType, 'application/vnd.docker.distribution.manifest.list.v2+json')
  // The child cannot be deleted while the list references it.
  const deleted = callEcr(ctx, 'BatchDeleteImage', { repositoryName: 'app', imageIds: [{ imageDigest: child.digest }] })
  assert.equal(deleted.failures[0].failureCode, 'ImageReferencedByManifestList')
})
