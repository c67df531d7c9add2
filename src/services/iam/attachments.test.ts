//! Unit tests of attachments.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ECS_TASKS_TRUST, TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

test('attach, list and detach on roles, users and groups; attaching twice is a no-op', () => {
  const ctx = fakeCallContext()
  const arn = callIam(ctx, 'CreatePolicy', { PolicyName: 'p', Path: '/team/', PolicyDocument: allowPolicy('s3:*') }).Policy.Arn
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  const kinds: Array<[string, string, string]> = [
    ['Role', 'RoleName', 'r'],
    ['User', 'UserName', 'u'],
    ['Group', 'GroupName', 'g'],
  ]
  for (const [kind, param, name] of kinds) {
    callIam(ctx, `Attach${kind}Policy`, { [param]: name, PolicyArn: arn })
    callIam(ctx, `Attach${kind}Policy`, { [param]: name, PolicyArn: arn })
    assert.deepEqual(callIam(ctx, `ListAttached${kind}Policies`, { [param]: name }).AttachedPolicies, [{ PolicyName: 'p', PolicyArn: arn }])
    assert.deepEqual(callIam(ctx, `ListAttached${kind}Policies`, { [param]: name, PathPrefix: '/other/' }).AttachedPolicies, [])
  }
  assert.equal(callIam(ctx, 'GetPolicy', { PolicyArn: arn }).Policy.AttachmentCount, 3)
  const entities = callIam(ctx, 'ListEntitiesForPolicy', { PolicyArn: arn })
  assert.deepEqual(entities.PolicyRoles.map((r: { RoleName: string }) => r.RoleName), ['r'])
  assert.deepEqual(entities.PolicyUsers.map((u: { UserName: string }) => u.UserName), ['u'])
  assert.deepEqual(entities.PolicyGroups.map((g: { GroupName: string }) => g.GroupName), ['g'])
  const onlyRoles = callIam(ctx, 'ListEntitiesForPolicy', { PolicyArn: arn, EntityFilter: 'Role' })
  assert.deepEqual([onlyRoles.PolicyRoles.length, onlyRoles.PolicyUsers.length, onlyRoles.PolicyGroups.length], [1, 0, 0])
  const paged = callIam(ctx, 'ListEntitiesForPolicy', { PolicyArn: arn, MaxItems: 2 })
  assert.equal(paged.IsTruncated, true)
  const rest = callIam(ctx, 'ListEntitiesForPolicy', { PolicyArn: arn, MaxItems: 2, Marker: paged.Marker })
  assert.equal(paged.PolicyGroups.length + paged.PolicyUsers.length + paged.PolicyRoles.length + rest.PolicyRoles.length, 3)
  for (const [kind, param, name] of kinds) callIam(ctx, `Detach${kind}Policy`, { [param]: name, PolicyArn: arn })
  assert.deepEqual(failure(() => callIam(ctx, 'DetachRolePolicy', { RoleName: 'r', PolicyArn: arn })), {
    code: 'NoSuchEntity',
    message: `Policy ${arn} was not found.`,
    status: 404,
  })
})

test('attaching a policy that does not exist is NoSuchEntity "does not exist or is not attachable"', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  const missing = 'arn:aws:iam::aws:policy/AmazonEC2RoleforAWSServiceAccess'
  assert.deepEqual(failure(() => callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: missing })), {
    code: 'NoSuchEntity',
    message: `Policy ${missing} does not exist or is not attachable.`,
    status: 404,
  })
  const otherAccount = 'arn:aws:iam::444455556666:policy/theirs'
  assert.equal(failure(() => callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: otherAccount })).code, 'NoSuchEntity')
  assert.equal(failure(() => callIam(ctx, 'AttachRolePolicy', { RoleName: 'ghost', PolicyArn: missing })).message, 'The role with name ghost cannot be found.')
})

test('at most 10 managed policies per role: the 11th is LimitExceeded and not attached', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  for (let i = 0; i < 11; i++) callIam(ctx, 'CreatePolicy', { PolicyName: `p${i}`, PolicyDocument: allowPolicy('s3:GetObject') })
  for (let i = 0; i < 10; i++) callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: `arn:aws:iam::${TEST_ACCOUNT}:policy/p${i}` })
  assert.deepEqual(failure(() => callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: `arn:aws:iam::${TEST_ACCOUNT}:policy/p10` })), {
    code: 'LimitExceeded',
    message: 'Cannot exceed quota for PoliciesPerRole: 10',
    status: 409,
  })
  assert.equal(callIam(ctx, 'ListAttachedRolePolicies', { RoleName: 'r' }).AttachedPolicies.length, 10)
})
