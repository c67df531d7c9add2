import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEcr, failure, fakeCallContext, pushImage, sha256, TEST_ACCOUNT } from './fake-call-context.js'

function setUp() {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  const image = pushImage(ctx, 'app', 'v1')
  return { ctx, image }
}

test('BatchGetImage by tag and by digest returns the manifest; misses are failures', () => {
  const { ctx, image } = setUp()
  const missingDigest = sha256('absent')
  const out = callEcr(ctx, 'BatchGetImage', {
    repositoryName: 'app',
    imageIds: [{ imageTag: 'v1' }, { imageDigest: image.digest }, { imageTag: 'never-pushed' }, { imageDigest: missingDigest }, { imageDigest: image.digest, imageTag: 'other' }, {}],
  })
  assert.deepEqual(out.images[0], {
    registryId: TEST_ACCOUNT,
    repositoryName: 'app',
    imageId: { imageDigest: image.digest, imageTag: 'v1' },
    imageManifest: image.manifest,
    imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  })
  assert.deepEqual(out.images[1].imageId, { imageDigest: image.digest, imageTag: undefined })
  assert.deepEqual(
    out.failures.map((f: any) => [f.failureCode, f.failureReason]),
    [
      ['ImageNotFound', 'Requested image not found'],
      ['ImageNotFound', 'Requested image not found'],
      ['ImageTagDoesNotMatchDigest', 'Invalid request parameters: given tag does not map to the given digest'],
      ['MissingDigestAndTag', 'Invalid request parameters: both tag and digest cannot be null'],
    ],
  )
  assert.deepEqual(out.failures[0].imageId, { imageDigest: undefined, imageTag: 'never-pushed' })
  assert.equal(failure(() => callEcr(ctx, 'BatchGetImage', { repositoryName: 'nope', imageIds: [{ imageTag: 'v1' }] })).code, 'RepositoryNotFoundException')
})

test('a pull records lastRecordedPullTime', () => {
  const { ctx } = setUp()
  assert.equal(callEcr(ctx, 'DescribeImages', { repositoryName: 'app' }).imageDetails[0].lastRecordedPullTime, undefined)
  callEcr({ ...ctx, now: new Date('2025-02-03T00:00:00.000Z') }, 'BatchGetImage', { repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] })
  assert.equal(callEcr(ctx, 'DescribeImages', { repositoryName: 'app' }).imageDetails[0].lastRecordedPullTime, '2025-02-03T00:00:00.000Z')
})

test('DescribeImages with an unknown image id is ImageNotFoundException in AWS words', () => {
  const { ctx } = setUp()
  assert.deepEqual(failure(() => callEcr(ctx, 'DescribeImages', { repositoryName: 'app', imageIds: [{ imageTag: 'v2' }] })), {
    code: 'ImageNotFoundException',
    message: `The image with imageId {imageDigest:'null', imageTag:'v2'} does not exist within the repository with name 'app' in the registry with id '${TEST_ACCOUNT}'`,
    fields: undefined,
  })
  assert.equal(callEcr(ctx, 'DescribeImages', { repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] }).imageDetails.length, 1)
})

test('ListImages and DescribeImages filter by tag status and page', () => {
  const { ctx } = setUp()
  pushImage(ctx, 'app', 'v1', 'second')
  pushImage(ctx, 'app', 'v3', 'third')
  assert.equal(callEcr(ctx, 'ListImages', { repositoryName: 'app', filter: { tagStatus: 'UNTAGGED' } }).imageIds.length, 1)
  assert.equal(callEcr(ctx, 'DescribeImages', { repositoryName: 'app', filter: { tagStatus: 'TAGGED' } }).imageDetails.length, 2)
  const first = callEcr(ctx, 'ListImages', { repositoryName: 'app', maxResults: 2 })
  const second = callEcr(ctx, 'ListImages', { repositoryName: 'app', maxResults: 2, nextToken: first.nextToken })
  assert.equal(first.imageIds.length + second.imageIds.length, 3)
  assert.equal(second.nextToken, undefined)
})

test('BatchDeleteImage by tag untags, by digest deletes', () => {
  const { ctx, image } = setUp()
  callEcr(ctx, 'PutImage', { repositoryName: 'app', imageManifest: image.manifest, imageTag: 'latest' })
  const untag = callEcr(ctx, 'BatchDeleteImage', { repositoryName: 'app', imageIds: [{ imageTag: 'latest' }] })
  assert.deepEqual(untag, { imageIds: [{ imageDigest: image.digest, imageTag: 'latest' }], failures: [] })
  assert.deepEqual(callEcr(ctx, 'ListImages', { repositoryName: 'app' }).imageIds, [{ imageDigest: image.digest, imageTag: 'v1' }])
  const gone = callEcr(ctx, 'BatchDeleteImage', { repositoryName: 'app', imageIds: [{ imageDigest: image.digest }, { imageTag: 'v1' }] })
  assert.deepEqual(gone.imageIds, [{ imageDigest: image.digest, imageTag: 'v1' }])
  assert.equal(gone.failures[0].failureCode, 'ImageNotFound')
  assert.deepEqual(callEcr(ctx, 'ListImages', { repositoryName: 'app' }).imageIds, [])
})
