//! Unit tests of managed-policies.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ECS_TASKS_TRUST, TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'

test('CreatePolicy / GetPolicy with counts; a duplicate name is EntityAlreadyExists', () => {
  const ctx = fakeCallContext()
  const policy = callIam(ctx, 'CreatePolicy', { PolicyName: 'read', Path: '/app/', PolicyDocument: allowPolicy('s3:GetObject'), Description: 'd' }).Policy
  assert.equal(policy.Arn, `arn:aws:iam::${TEST_ACCOUNT}:policy/app/read`)
  assert.match(policy.PolicyId, /^ANPA/)
  assert.equal(policy.DefaultVersionId, 'v1')
  assert.equal(policy.AttachmentCount, 0)
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: policy.Arn })
  const got = callIam(ctx, 'GetPolicy', { PolicyArn: policy.Arn }).Policy
  assert.equal(got.AttachmentCount, 1)
  assert.equal(got.Description, 'd')
  assert.deepEqual(failure(() => callIam(ctx, 'CreatePolicy', { PolicyName: 'READ', PolicyDocument: allowPolicy('s3:*') })), {
    code: 'EntityAlreadyExists',
    message: 'A policy called READ already exists. Duplicate names are not allowed.',
    status: 409,
  })
  assert.deepEqual(failure(() => callIam(ctx, 'GetPolicy', { PolicyArn: `arn:aws:iam::${TEST_ACCOUNT}:policy/nope` })), {
    code: 'NoSuchEntity',
    message: `Policy arn:aws:iam::${TEST_ACCOUNT}:policy/nope was not found.`,
    status: 404,
  })
  assert.deepEqual(failure(() => callIam(ctx, 'GetPolicy', { PolicyArn: 'not-an-arn-at-all' })), {
    code: 'InvalidInput',
    message: 'ARN not-an-arn-at-all is not valid.',
    status: 400,
  })
})

test('managed policy documents: version 2012-10-17 required, at most 6,144 characters without whitespace', () => {
  const ctx = fakeCallContext()
  const legacy = JSON.stringify({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })
  assert.deepEqual(failure(() => callIam(ctx, 'CreatePolicy', { PolicyName: 'old', PolicyDocument: legacy })), {
    code: 'MalformedPolicyDocument',
    message: 'Policy document must be version 2012-10-17 or greater.',
    status: 400,
  })
  const actions = Array.from({ length: 400 }, (_, i) => `s3:GetObjectNumber${i}`)
  const big = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] })
  assert.deepEqual(failure(() => callIam(ctx, 'CreatePolicy', { PolicyName: 'big', PolicyDocument: big })), {
    code: 'LimitExceeded',
    message: 'Cannot exceed quota for PolicySize: 6144',
    status: 409,
  })
  assert.equal(callIam(ctx, 'ListPolicies', { Scope: 'Local' }).Policies.length, 0)
})

test('AWS managed policies exist in every account and are listed with Scope AWS, never Local', () => {
  const ctx = fakeCallContext()
  const got = callIam(ctx, 'GetPolicy', { PolicyArn: EXECUTION_POLICY }).Policy
  assert.equal(got.PolicyName, 'AmazonECSTaskExecutionRolePolicy')
  assert.equal(got.Path, '/service-role/')
  const version = callIam(ctx, 'GetPolicyVersion', { PolicyArn: EXECUTION_POLICY, VersionId: got.DefaultVersionId }).PolicyVersion
  assert.ok(decodeURIComponent(version.Document).includes('ecr:GetAuthorizationToken'))
  assert.equal(version.IsDefaultVersion, true)
  const aws = callIam(ctx, 'ListPolicies', { Scope: 'AWS' }).Policies.map((p: { Arn: string }) => p.Arn)
  assert.ok(aws.includes(EXECUTION_POLICY))
  callIam(ctx, 'CreatePolicy', { PolicyName: 'mine', PolicyDocument: allowPolicy('s3:*') })
  assert.deepEqual(callIam(ctx, 'ListPolicies', { Scope: 'Local' }).Policies.map((p: { PolicyName: string }) => p.PolicyName), ['mine'])
  const all = callIam(ctx, 'ListPolicies', {}).Policies
  assert.equal(all.length, aws.length + 1)
  assert.deepEqual(callIam(ctx, 'ListPolicies', { OnlyAttached: true }).Policies, [])
})

test('five versions at most; default cannot be deleted; version numbers are never reused', () => {
  const ctx = fakeCallContext()
  const arn = callIam(ctx, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: allowPolicy('s3:GetObject') }).Policy.Arn
  for (let i = 2; i <= 5; i++) {
    const v = callIam(ctx, 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: allowPolicy(`s3:Action${i}`), SetAsDefault: i === 3 }).PolicyVersion
    assert.equal(v.VersionId, `v${i}`)
  }
  assert.deepEqual(failure(() => callIam(ctx, 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: allowPolicy('s3:X') })), {
    code: 'LimitExceeded',
    message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    status: 409,
  })
  assert.equal(callIam(ctx, 'GetPolicy', { PolicyArn: arn }).Policy.DefaultVersionId, 'v3')
  assert.deepEqual(failure(() => callIam(ctx, 'DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v3' })), {
    code: 'DeleteConflict',
    message: 'Cannot delete the default version of a policy.',
    status: 409,
  })
  callIam(ctx, 'DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v5' })
  assert.equal(callIam(ctx, 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: allowPolicy('s3:Y') }).PolicyVersion.VersionId, 'v6')
  const listed = callIam(ctx, 'ListPolicyVersions', { PolicyArn: arn }).Versions
  assert.deepEqual(listed.map((v: { VersionId: string }) => v.VersionId), ['v6', 'v4', 'v3', 'v2', 'v1'])
  assert.deepEqual(listed.map((v: { IsDefaultVersion: boolean }) => v.IsDefaultVersion), [false, false, true, false, false])
  callIam(ctx, 'SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v6' })
  assert.ok(decodeURIComponent(callIam(ctx, 'GetPolicyVersion', { PolicyArn: arn, VersionId: 'v6' }).PolicyVersion.Document).includes('s3:Y'))
  assert.deepEqual(failure(() => callIam(ctx, 'GetPolicyVersion', { PolicyArn: arn, VersionId: 'v5' })), {
    code: 'NoSuchEntity',
    message: `Policy ${arn} version v5 does not exist or is not attachable.`,
    status: 404,
  })
  assert.equal(failure(() => callIam(ctx, 'SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v9' })).code, 'NoSuchEntity')
})

test('DeletePolicy refuses while attached, used as a boundary, or with several versions', () => {
  const ctx = fakeCallContext()
  const arn = callIam(ctx, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: allowPolicy('s3:GetObject') }).Policy.Arn
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'AttachUserPolicy', { UserName: 'u', PolicyArn: arn })
  assert.deepEqual(failure(() => callIam(ctx, 'DeletePolicy', { PolicyArn: arn })), {
    code: 'DeleteConflict',
    message: 'Cannot delete a policy attached to entities.',
    status: 409,
  })
  callIam(ctx, 'DetachUserPolicy', { UserName: 'u', PolicyArn: arn })
  callIam(ctx, 'PutUserPermissionsBoundary', { UserName: 'u', PermissionsBoundary: arn })
  assert.equal(failure(() => callIam(ctx, 'DeletePolicy', { PolicyArn: arn })).code, 'DeleteConflict')
  callIam(ctx, 'DeleteUserPermissionsBoundary', { UserName: 'u' })
  callIam(ctx, 'CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: allowPolicy('s3:PutObject') })
  assert.equal(
    failure(() => callIam(ctx, 'DeletePolicy', { PolicyArn: arn })).message,
    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
  )
  callIam(ctx, 'DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v2' })
  callIam(ctx, 'DeletePolicy', { PolicyArn: arn })
  assert.equal(failure(() => callIam(ctx, 'GetPolicy', { PolicyArn: arn })).code, 'NoSuchEntity')
  assert.equal(failure(() => callIam(ctx, 'DeletePolicy', { PolicyArn: EXECUTION_POLICY })).code, 'NoSuchEntity')
})

test('policy tags', () => {
  const ctx = fakeCallContext()
  const arn = callIam(ctx, 'CreatePolicy', { PolicyName: 'p', PolicyDocument: allowPolicy('s3:GetObject'), Tags: [{ Key: 'a', Value: '1' }] }).Policy.Arn
  callIam(ctx, 'TagPolicy', { PolicyArn: arn, Tags: [{ Key: 'b', Value: '2' }] })
  callIam(ctx, 'UntagPolicy', { PolicyArn: arn, TagKeys: ['a'] })
  assert.deepEqual(callIam(ctx, 'ListPolicyTags', { PolicyArn: arn }).Tags, [{ Key: 'b', Value: '2' }])
})
