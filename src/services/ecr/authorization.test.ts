import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { ECR_AUTHORIZATION } from './authorization.js'
import { callEcr, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'
import { ecrService } from './index.js'

const model = JSON.parse(readFileSync(new URL('../../../models/ecr.json', import.meta.url), 'utf8')) as { operations: Record<string, unknown> }

test('every implemented operation is a model operation and declares its authorization', () => {
  for (const name of Object.keys(ecrService.operations)) {
    assert.ok(model.operations[name], `${name} is not in the ECR model`)
    assert.ok(ECR_AUTHORIZATION[name], `${name} has no authorization`)
  }
  assert.equal(Object.keys(ecrService.operations).length, 17)
})

test('repository actions name the repository ARN of the registry asked for, with its policy and tags', () => {
  const ctx = fakeCallContext()
  callEcr(ctx, 'CreateRepository', { repositoryName: 'app', tags: [{ Key: 'team', Value: 'web' }] })
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'ecr:BatchGetImage' }] })
  callEcr(ctx, 'SetRepositoryPolicy', { repositoryName: 'app', policyText: policy })
  const [pull] = ECR_AUTHORIZATION.BatchGetImage!({ repositoryName: 'app' }, ctx) as any[]
  const arn = `arn:aws:ecr:us-east-1:${TEST_ACCOUNT}:repository/app`
  assert.deepEqual(pull, {
    action: 'ecr:BatchGetImage',
    resource: arn,
    resourceAccount: TEST_ACCOUNT,
    context: { 'aws:ResourceTag/team': 'web', 'ecr:ResourceTag/team': 'web' },
    resourcePolicy: { id: arn, document: policy, type: 'Resource Policy', principalUniqueIds: {} },
  })
  // Another account's caller naming this registry is judged against the same repository.
  const other = fakeCallContext({ store: ctx.store, account: '444455556666' })
  const [crossPull] = ECR_AUTHORIZATION.BatchGetImage!({ repositoryName: 'app', registryId: TEST_ACCOUNT }, other) as any[]
  assert.equal(crossPull.resource, arn)
  assert.equal(crossPull.resourcePolicy.document, policy)
})

test('account-level and create requirements', () => {
  const ctx = fakeCallContext()
  assert.deepEqual(ECR_AUTHORIZATION.GetAuthorizationToken!({}, ctx), [{ action: 'ecr:GetAuthorizationToken', resource: '*' }])
  assert.deepEqual(ECR_AUTHORIZATION.DescribeRepositories!({}, ctx), [
    { action: 'ecr:DescribeRepositories', resource: `arn:aws:ecr:us-east-1:${TEST_ACCOUNT}:repository/*`, resourceAccount: TEST_ACCOUNT },
  ])
  const [create] = ECR_AUTHORIZATION.CreateRepository!({ repositoryName: 'new', tags: [{ Key: 'env', Value: 'dev' }] }, ctx) as any[]
  assert.deepEqual(create.context, { 'aws:TagKeys': ['env'], 'aws:RequestTag/env': 'dev' })
  assert.equal(create.resourcePolicy, undefined)
})
