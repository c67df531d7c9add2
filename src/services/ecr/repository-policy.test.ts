import assert from 'node:assert/strict'
import { test } from 'node:test'
import { IAM_COLLECTIONS, type RoleRecord } from '../../store/index.js'
import { callEcr, failure, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'
import { findRepository } from './records.js'

const OTHER = '444455556666'
const crossAccountPull = (principal: unknown) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'Allow pull from account B', Effect: 'Allow', Principal: { AWS: principal }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }],
  })

test('Set, Get and Delete a repository policy', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  assert.deepEqual(failure(() => callEcr(ctx, 'GetRepositoryPolicy', { repositoryName: 'app' })), {
    code: 'RepositoryPolicyNotFoundException',
    message: `Repository policy does not exist for the repository with name 'app' in the registry with id '${TEST_ACCOUNT}'`,
    fields: undefined,
  })
  const text = crossAccountPull(`arn:aws:iam::${OTHER}:root`)
  assert.deepEqual(callEcr(ctx, 'SetRepositoryPolicy', { repositoryName: 'app', policyText: text }), { registryId: TEST_ACCOUNT, repositoryName: 'app', policyText: text })
  assert.equal(callEcr(ctx, 'GetRepositoryPolicy', { repositoryName: 'app' }).policyText, text)
  assert.equal(callEcr(ctx, 'DeleteRepositoryPolicy', { repositoryName: 'app' }).policyText, text)
  assert.equal(failure(() => callEcr(ctx, 'DeleteRepositoryPolicy', { repositoryName: 'app' })).code, 'RepositoryPolicyNotFoundException')
})

test('documents ECR will not store are InvalidParameterException, and the old policy stays', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  const good = crossAccountPull(OTHER)
  callEcr(ctx, 'SetRepositoryPolicy', { repositoryName: 'app', policyText: good })
  const bad = [
    '{not json',
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*' }] }),
    crossAccountPull('1234567890123456'),
    crossAccountPull(`arn:aws:iam::${OTHER}:role/does-not-exist`),
  ]
  for (const policyText of bad) {
    assert.deepEqual(failure(() => callEcr(ctx, 'SetRepositoryPolicy', { repositoryName: 'app', policyText })), {
      code: 'InvalidParameterException',
      message: "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'",
      fields: undefined,
    }, policyText)
  }
  assert.equal(callEcr(ctx, 'GetRepositoryPolicy', { repositoryName: 'app' }).policyText, good)
  assert.equal(failure(() => callEcr(ctx, 'SetRepositoryPolicy', { repositoryName: 'nope', policyText: good })).code, 'RepositoryNotFoundException')
})

test('a role the policy names is pinned to its unique id', () => {
  const ctx = fakeCallContext()
  const roleArn = `arn:aws:iam::${OTHER}:role/puller`
  ctx.store.documents.collection<Partial<RoleRecord>>(IAM_COLLECTIONS.roles).put(OTHER, 'puller', { arn: roleArn, roleId: 'AROAEXAMPLEPULLER0001', roleName: 'puller' })
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app' })
  callEcr(ctx, 'SetRepositoryPolicy', { repositoryName: 'app', policyText: crossAccountPull(roleArn) })
  const repository = findRepository(ctx.store, { registryId: TEST_ACCOUNT, region: 'us-east-1', repositoryName: 'app' })
  assert.deepEqual(repository?.policyPrincipalIds, { [roleArn]: 'AROAEXAMPLEPULLER0001' })
})
