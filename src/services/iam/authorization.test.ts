//! Unit tests of authorization.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { AuthorizationRequirement } from '../../dispatch/index.js'
import { iamAuthorization } from './authorization.js'
import { ECS_TASKS_TRUST, TEST_ACCOUNT, callIam, fakeCallContext } from './fake-call-context.js'
import { iamHandlers, iamService } from './index.js'

test('every implemented operation declares its authorization, and nothing else is declared', () => {
  assert.deepEqual(Object.keys(iamAuthorization).sort(), Object.keys(iamHandlers).sort())
  assert.deepEqual(Object.keys(iamService.operations).sort(), Object.keys(iamHandlers).sort())
  assert.deepEqual([iamService.service, iamService.eventSource, iamService.accessDenied], ['iam', 'iam.amazonaws.com', { code: 'AccessDenied', status: 403 }])
})

test('every declared action is iam:<Operation>', () => {
  const ctx = fakeCallContext()
  const input = { RoleName: 'r', UserName: 'u', GroupName: 'g', PolicyName: 'p', PolicyArn: `arn:aws:iam::${TEST_ACCOUNT}:policy/p`, PolicySourceArn: `arn:aws:iam::${TEST_ACCOUNT}:role/r`, AccessKeyId: 'AKIAXXXXXXXXXXXXXXXX' }
  for (const [operation, declare] of Object.entries(iamAuthorization)) {
    const requirements = declare(input, ctx) as AuthorizationRequirement[]
    assert.equal(requirements[0]!.action, `iam:${operation}`, operation)
    assert.notEqual(requirements[0]!.resource, '', operation)
  }
})

function declared(operation: string, input: Record<string, unknown>, ctx = fakeCallContext()): AuthorizationRequirement[] {
  return iamAuthorization[operation]!(input, ctx) as AuthorizationRequirement[]
}

test('CreateRole: the new role ARN with its path, the boundary, request tags, and iam:TagRole when tagging', () => {
  const requirements = declared('CreateRole', {
    RoleName: 'app',
    Path: '/svc/',
    PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess',
    Tags: [{ Key: 'team', Value: 'blue' }],
  })
  assert.deepEqual(
    requirements.map((r) => [r.action, r.resource]),
    [
      ['iam:CreateRole', `arn:aws:iam::${TEST_ACCOUNT}:role/svc/app`],
      ['iam:TagRole', `arn:aws:iam::${TEST_ACCOUNT}:role/svc/app`],
    ],
  )
  assert.deepEqual(requirements[0]!.context, {
    'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/PowerUserAccess',
    'aws:TagKeys': ['team'],
    'aws:RequestTag/team': 'blue',
  })
})

test('role operations use the stored ARN with its path and carry aws:ResourceTag and the role boundary', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', {
    RoleName: 'app',
    Path: '/svc/',
    AssumeRolePolicyDocument: ECS_TASKS_TRUST,
    Tags: [{ Key: 'team', Value: 'blue' }],
    PermissionsBoundary: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  })
  const [attach] = declared('AttachRolePolicy', { RoleName: 'APP', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, ctx)
  assert.equal(attach!.resource, `arn:aws:iam::${TEST_ACCOUNT}:role/svc/app`)
  assert.deepEqual(attach!.context, {
    'aws:ResourceTag/team': 'blue',
    'iam:PermissionsBoundary': 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    'iam:PolicyARN': 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  })
  assert.equal(declared('GetRole', { RoleName: 'missing' }, ctx)[0]!.resource, `arn:aws:iam::${TEST_ACCOUNT}:role/missing`)
})

test('list operations without a resource: the collection ARN, or * where AWS has no resource type', () => {
  assert.equal(declared('ListRoles', {})[0]!.resource, `arn:aws:iam::${TEST_ACCOUNT}:role/`)
  assert.equal(declared('ListUsers', { PathPrefix: '/a/' })[0]!.resource, `arn:aws:iam::${TEST_ACCOUNT}:user/a/`)
  assert.equal(declared('ListPolicies', {})[0]!.resource, '*')
  assert.equal(declared('SimulateCustomPolicy', {})[0]!.resource, '*')
  assert.equal(declared('GetAccountAuthorizationDetails', {})[0]!.resource, '*')
})

test('operations with an optional UserName act on the calling user', () => {
  const ctx = fakeCallContext({
    principal: { type: 'IAMUser', accountId: TEST_ACCOUNT, arn: `arn:aws:iam::${TEST_ACCOUNT}:user/me`, userId: 'AIDAX', userName: 'me', path: '/', accessKeyId: 'AKIAX' },
  })
  assert.equal(declared('CreateAccessKey', {}, ctx)[0]!.resource, `arn:aws:iam::${TEST_ACCOUNT}:user/me`)
  assert.equal(declared('UntagUser', { UserName: 'x', TagKeys: ['a'] }, ctx)[0]!.context!['aws:TagKeys']?.toString(), 'a')
})

test('AWS managed policies count as the caller\'s own account, so root may read them', () => {
  const [get] = declared('GetPolicyVersion', { PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', VersionId: 'v1' })
  assert.equal(get!.resourceAccount, TEST_ACCOUNT)
  const [own] = declared('GetPolicy', { PolicyArn: `arn:aws:iam::${TEST_ACCOUNT}:policy/p` })
  assert.equal(own!.resourceAccount, undefined)
})
