//! Unit tests of roles.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { IAM_COLLECTIONS, type RoleRecord } from '../../store/index.js'
import { ECS_TASKS_TRUST, TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

const trustNaming = (arn: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' }] })

test('CreateRole stores the role with an AROA id, its path in the ARN, and GetRole returns the trust policy URL-encoded', () => {
  const ctx = fakeCallContext()
  const created = callIam(ctx, 'CreateRole', {
    RoleName: 'app',
    Path: '/service-role/',
    AssumeRolePolicyDocument: ECS_TASKS_TRUST,
    Description: 'the app',
    MaxSessionDuration: 7200,
    Tags: [{ Key: 'team', Value: 'blue' }],
  }).Role
  assert.match(created.RoleId, /^AROA[A-Z2-7]{17}$/)
  assert.equal(created.Arn, `arn:aws:iam::${TEST_ACCOUNT}:role/service-role/app`)
  assert.equal(created.CreateDate, '2025-01-02T03:04:05Z')
  const got = callIam(ctx, 'GetRole', { RoleName: 'APP' }).Role
  assert.equal(decodeURIComponent(got.AssumeRolePolicyDocument), ECS_TASKS_TRUST)
  assert.equal(got.MaxSessionDuration, 7200)
  assert.equal(got.Description, 'the app')
  assert.deepEqual(got.Tags, [{ Key: 'team', Value: 'blue' }])
  assert.deepEqual(got.RoleLastUsed, { LastUsedDate: undefined, Region: undefined })
  assert.deepEqual(ctx.audit.resources[0], { ARN: created.Arn, type: 'AWS::IAM::Role', name: 'app' })
})

test('CreateRole of an existing name (any case) is EntityAlreadyExists with AWS message', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'App', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  assert.deepEqual(failure(() => callIam(ctx, 'CreateRole', { RoleName: 'app', AssumeRolePolicyDocument: ECS_TASKS_TRUST })), {
    code: 'EntityAlreadyExists',
    message: 'Role with name app already exists.',
    status: 409,
  })
})

test('GetRole of a missing role is NoSuchEntity "The role with name X cannot be found."', () => {
  assert.deepEqual(failure(() => callIam(fakeCallContext(), 'GetRole', { RoleName: 'ghost' })), {
    code: 'NoSuchEntity',
    message: 'The role with name ghost cannot be found.',
    status: 404,
  })
})

test('a trust policy with a syntax error, a Resource, or an unknown principal is rejected and nothing is stored', () => {
  const ctx = fakeCallContext()
  const cases: Array<[string, string]> = [
    [ECS_TASKS_TRUST.slice(0, -3), 'Syntax errors in policy.'],
    [
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' }] }),
      'Has prohibited field Resource',
    ],
    [trustNaming(`arn:aws:iam::${TEST_ACCOUNT}:role/nobody`), `Invalid principal in policy: "AWS":"arn:aws:iam::${TEST_ACCOUNT}:role/nobody"`],
  ]
  for (const [document, message] of cases) {
    const error = failure(() => callIam(ctx, 'CreateRole', { RoleName: 'bad', AssumeRolePolicyDocument: document }))
    assert.equal(error.code, 'MalformedPolicyDocument')
    assert.ok(error.message.includes(message), error.message)
  }
  assert.equal(ctx.store.documents.collection(IAM_COLLECTIONS.roles).count(TEST_ACCOUNT), 0)
})

test('a trust policy over 2,048 characters (without whitespace) is LimitExceeded ACLSizePerRole', () => {
  const ctx = fakeCallContext()
  const services = Array.from({ length: 120 }, (_, i) => `service${i}.amazonaws.com`)
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' }] })
  assert.deepEqual(failure(() => callIam(ctx, 'CreateRole', { RoleName: 'big', AssumeRolePolicyDocument: document })), {
    code: 'LimitExceeded',
    message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    status: 409,
  })
})

test('trust policies pin users and roles to their unique ids; GetRole shows the old id once the principal is recreated', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'alice' })
  const userId = callIam(ctx, 'GetUser', { UserName: 'alice' }).User.UserId
  const aliceArn = `arn:aws:iam::${TEST_ACCOUNT}:user/alice`
  callIam(ctx, 'CreateRole', { RoleName: 'trusting', AssumeRolePolicyDocument: trustNaming(aliceArn) })
  const stored = ctx.store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).get(TEST_ACCOUNT, 'trusting')!
  assert.deepEqual(stored.trustPrincipalIds, { [aliceArn]: userId })
  assert.ok(decodeURIComponent(callIam(ctx, 'GetRole', { RoleName: 'trusting' }).Role.AssumeRolePolicyDocument).includes(aliceArn))
  callIam(ctx, 'DeleteUser', { UserName: 'alice' })
  callIam(ctx, 'CreateUser', { UserName: 'alice' })
  const shown = JSON.parse(decodeURIComponent(callIam(ctx, 'GetRole', { RoleName: 'trusting' }).Role.AssumeRolePolicyDocument))
  assert.equal(shown.Statement[0].Principal.AWS, userId)
})

test('UpdateRole, UpdateRoleDescription and UpdateAssumeRolePolicy change only what they name', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST, Description: 'one' })
  callIam(ctx, 'UpdateRole', { RoleName: 'r', MaxSessionDuration: 43200 })
  let role = callIam(ctx, 'GetRole', { RoleName: 'r' }).Role
  assert.equal(role.MaxSessionDuration, 43200)
  assert.equal(role.Description, 'one')
  assert.equal(callIam(ctx, 'UpdateRoleDescription', { RoleName: 'r', Description: 'two' }).Role.Description, 'two')
  const ecsTrust = ECS_TASKS_TRUST.replace('ecs-tasks', 'ecs')
  callIam(ctx, 'UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: ecsTrust })
  role = callIam(ctx, 'GetRole', { RoleName: 'r' }).Role
  assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument), ecsTrust)
  const bad = ecsTrust.replace('"Action"', '"Resource":"*","Action"')
  assert.equal(failure(() => callIam(ctx, 'UpdateAssumeRolePolicy', { RoleName: 'r', PolicyDocument: bad })).code, 'MalformedPolicyDocument')
  assert.equal(decodeURIComponent(callIam(ctx, 'GetRole', { RoleName: 'r' }).Role.AssumeRolePolicyDocument), ecsTrust)
})

test('DeleteRole refuses while policies are attached or inline, with AWS messages', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'inline', PolicyDocument: allowPolicy('s3:GetObject') })
  callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' })
  assert.deepEqual(failure(() => callIam(ctx, 'DeleteRole', { RoleName: 'r' })), {
    code: 'DeleteConflict',
    message: 'Cannot delete entity, must detach all policies first.',
    status: 409,
  })
  callIam(ctx, 'DetachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' })
  assert.equal(failure(() => callIam(ctx, 'DeleteRole', { RoleName: 'r' })).message, 'Cannot delete entity, must delete policies first.')
  callIam(ctx, 'DeleteRolePolicy', { RoleName: 'r', PolicyName: 'inline' })
  callIam(ctx, 'DeleteRole', { RoleName: 'r' })
  assert.equal(failure(() => callIam(ctx, 'GetRole', { RoleName: 'r' })).code, 'NoSuchEntity')
})

test('ListRoles filters by path prefix, leaves out tags and boundary, and pages with Marker', () => {
  const ctx = fakeCallContext()
  for (const name of ['a', 'b', 'c']) callIam(ctx, 'CreateRole', { RoleName: name, AssumeRolePolicyDocument: ECS_TASKS_TRUST, Tags: [{ Key: 'k', Value: 'v' }] })
  callIam(ctx, 'CreateRole', { RoleName: 'd', Path: '/svc/', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  const first = callIam(ctx, 'ListRoles', { MaxItems: 2 })
  assert.deepEqual(first.Roles.map((r: { RoleName: string }) => r.RoleName), ['a', 'b'])
  assert.equal(first.IsTruncated, true)
  assert.equal(first.Roles[0].Tags, undefined)
  const second = callIam(ctx, 'ListRoles', { MaxItems: 2, Marker: first.Marker })
  assert.deepEqual(second.Roles.map((r: { RoleName: string }) => r.RoleName), ['c', 'd'])
  assert.equal(second.IsTruncated, false)
  assert.deepEqual(callIam(ctx, 'ListRoles', { PathPrefix: '/svc/' }).Roles.map((r: { RoleName: string }) => r.RoleName), ['d'])
  assert.equal(failure(() => callIam(ctx, 'ListRoles', { Marker: 'bogus' })).code, 'ValidationError')
})

test('TagRole merges case-insensitively, UntagRole removes, ListRoleTags pages; duplicate keys are InvalidInput', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST, Tags: [{ Key: 'Env', Value: 'dev' }] })
  callIam(ctx, 'TagRole', { RoleName: 'r', Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'x' }] })
  assert.deepEqual(callIam(ctx, 'ListRoleTags', { RoleName: 'r' }).Tags, [
    { Key: 'env', Value: 'prod' },
    { Key: 'team', Value: 'x' },
  ])
  callIam(ctx, 'UntagRole', { RoleName: 'r', TagKeys: ['TEAM', 'absent'] })
  assert.deepEqual(callIam(ctx, 'ListRoleTags', { RoleName: 'r' }).Tags, [{ Key: 'env', Value: 'prod' }])
  assert.deepEqual(failure(() => callIam(ctx, 'TagRole', { RoleName: 'r', Tags: [{ Key: 'a', Value: '1' }, { Key: 'A', Value: '2' }] })), {
    code: 'InvalidInput',
    message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    status: 400,
  })
})

test('permissions boundaries must name an existing managed policy', () => {
  const ctx = fakeCallContext()
  const missing = `arn:aws:iam::${TEST_ACCOUNT}:policy/nope`
  assert.deepEqual(failure(() => callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST, PermissionsBoundary: missing })), {
    code: 'NoSuchEntity',
    message: `Scope ARN: ${missing} does not exist or is not attachable.`,
    status: 404,
  })
  const boundary = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST, PermissionsBoundary: boundary })
  assert.deepEqual(callIam(ctx, 'GetRole', { RoleName: 'r' }).Role.PermissionsBoundary, {
    PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
    PermissionsBoundaryArn: boundary,
  })
  callIam(ctx, 'DeleteRolePermissionsBoundary', { RoleName: 'r' })
  assert.equal(callIam(ctx, 'GetRole', { RoleName: 'r' }).Role.PermissionsBoundary, undefined)
  assert.equal(failure(() => callIam(ctx, 'PutRolePermissionsBoundary', { RoleName: 'r', PermissionsBoundary: missing })).code, 'NoSuchEntity')
  callIam(ctx, 'PutRolePermissionsBoundary', { RoleName: 'r', PermissionsBoundary: boundary })
  assert.equal(callIam(ctx, 'GetRole', { RoleName: 'r' }).Role.PermissionsBoundary.PermissionsBoundaryArn, boundary)
})
