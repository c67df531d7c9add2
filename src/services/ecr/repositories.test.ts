import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEcr, failure, fakeCallContext, pushImage, TEST_ACCOUNT } from './fake-call-context.js'

test('CreateRepository answers the Repository with ARN, URI and defaults', () => {
  const ctx = fakeCallContext()
  const { repository } = callEcr(ctx, 'CreateRepository', { repositoryName: 'team/web' })
  assert.deepEqual(repository, {
    repositoryArn: `arn:aws:ecr:us-east-1:${TEST_ACCOUNT}:repository/team/web`,
    registryId: TEST_ACCOUNT,
    repositoryName: 'team/web',
    repositoryUri: `${TEST_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/web`,
    createdAt: '2025-01-02T03:04:05.000Z',
    imageTagMutability: 'MUTABLE',
    imageTagMutabilityExclusionFilters: undefined,
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' },
  })
})

test('a second CreateRepository of the name is RepositoryAlreadyExistsException', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  assert.deepEqual(failure(() => callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })), {
    code: 'RepositoryAlreadyExistsException',
    message: `The repository with name 'app' already exists in the registry with id '${TEST_ACCOUNT}'`,
    fields: undefined,
  })
})

test('bad create inputs are refused and store nothing', () => {
  const ctx = fakeCallContext()
  assert.equal(failure(() => callEcr(ctx, 'CreateRepository', { repositoryName: 'a1', encryptionConfiguration: { encryptionType: 'AES256', kmsKey: 'k' } })).code, 'InvalidParameterException')
  assert.equal(failure(() => callEcr(ctx, 'CreateRepository', { repositoryName: 'a1', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' })).code, 'InvalidParameterException')
  assert.equal(failure(() => callEcr(ctx, 'CreateRepository', { repositoryName: 'a1', tags: [{ Key: 'aws:x', Value: '1' }] })).code, 'InvalidTagParameterException')
  assert.equal(failure(() => callEcr(ctx, 'CreateRepository', { repositoryName: 'a1', tags: [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }] })).code, 'InvalidTagParameterException')
  assert.deepEqual(callEcr(ctx, 'DescribeRepositories', {}).repositories, [])
})

test('DescribeRepositories by name, all, and in pages', () => {
  const ctx = fakeCallContext()
  for (const name of ['c1', 'a1', 'b1']) callEcr(ctx, 'CreateRepository', { repositoryName: name })
  assert.deepEqual(callEcr(ctx, 'DescribeRepositories', { repositoryNames: ['b1'] }).repositories.map((r: any) => r.repositoryName), ['b1'])
  const first = callEcr(ctx, 'DescribeRepositories', { maxResults: 2 })
  assert.deepEqual(first.repositories.map((r: any) => r.repositoryName), ['a1', 'b1'])
  const second = callEcr(ctx, 'DescribeRepositories', { maxResults: 2, nextToken: first.nextToken })
  assert.deepEqual(second.repositories.map((r: any) => r.repositoryName), ['c1'])
  assert.equal(second.nextToken, undefined)
  assert.deepEqual(failure(() => callEcr(ctx, 'DescribeRepositories', { repositoryNames: ['b1', 'zz'] })), {
    code: 'RepositoryNotFoundException',
    message: `The repository with name 'zz' does not exist in the registry with id '${TEST_ACCOUNT}'`,
    fields: undefined,
  })
  assert.equal(failure(() => callEcr(ctx, 'DescribeRepositories', { nextToken: 'garbage' })).code, 'InvalidParameterException')
})

test('DeleteRepository refuses a repository with images unless forced, and takes its images along', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  pushImage(ctx, 'app', 'v1')
  assert.deepEqual(failure(() => callEcr(ctx, 'DeleteRepository', { repositoryName: 'app' })), {
    code: 'RepositoryNotEmptyException',
    message: `The repository with name 'app' in registry with id '${TEST_ACCOUNT}' cannot be deleted because it still contains images`,
    fields: undefined,
  })
  assert.equal(callEcr(ctx, 'DeleteRepository', { repositoryName: 'app', force: true }).repository.repositoryName, 'app')
  assert.equal(failure(() => callEcr(ctx, 'DeleteRepository', { repositoryName: 'app' })).code, 'RepositoryNotFoundException')
  // A new repository of the same name starts empty: no image, no blob.
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  assert.deepEqual(callEcr(ctx, 'ListImages', { repositoryName: 'app' }).imageIds, [])
  assert.equal(callEcr(ctx, 'BatchCheckLayerAvailability', { repositoryName: 'app', layerDigests: ['sha256:' + '0'.repeat(64)] }).layers.length, 0)
})

test('an empty repository is deleted without force', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'empty' })
  callEcr(ctx, 'DeleteRepository', { repositoryName: 'empty' })
  assert.deepEqual(callEcr(ctx, 'DescribeRepositories', {}).repositories, [])
})
