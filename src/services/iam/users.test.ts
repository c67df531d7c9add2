//! Unit tests of users.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext, type Principal } from './fake-call-context.js'

test('CreateUser / GetUser / ListUsers; a second CreateUser is EntityAlreadyExists', () => {
  const ctx = fakeCallContext()
  const user = callIam(ctx, 'CreateUser', { UserName: 'dev', Path: '/people/', Tags: [{ Key: 'team', Value: 'a' }] }).User
  assert.match(user.UserId, /^AIDA[A-Z2-7]{17}$/)
  assert.equal(user.Arn, `arn:aws:iam::${TEST_ACCOUNT}:user/people/dev`)
  assert.deepEqual(callIam(ctx, 'GetUser', { UserName: 'DEV' }).User.Tags, [{ Key: 'team', Value: 'a' }])
  assert.deepEqual(
    callIam(ctx, 'ListUsers', {}).Users.map((u: { UserName: string }) => u.UserName),
    ['dev'],
  )
  assert.deepEqual(failure(() => callIam(ctx, 'CreateUser', { UserName: 'Dev' })), {
    code: 'EntityAlreadyExists',
    message: 'User with name Dev already exists.',
    status: 409,
  })
  assert.equal(failure(() => callIam(ctx, 'GetUser', { UserName: 'nobody' })).message, 'The user with name nobody cannot be found.')
})

test('GetUser without UserName answers for the calling user, for root, and refuses role sessions', () => {
  const store = fakeCallContext().store
  const rootCtx = fakeCallContext({ store })
  const created = callIam(rootCtx, 'CreateUser', { UserName: 'me' }).User
  assert.deepEqual(callIam(rootCtx, 'GetUser', {}).User, { UserId: TEST_ACCOUNT, Arn: `arn:aws:iam::${TEST_ACCOUNT}:root`, CreateDate: '2010-05-08T00:00:00Z' })
  const userPrincipal: Principal = { type: 'IAMUser', accountId: TEST_ACCOUNT, arn: created.Arn, userId: created.UserId, userName: 'me', path: '/', accessKeyId: 'AKIAX' }
  assert.equal(callIam(fakeCallContext({ store, principal: userPrincipal }), 'GetUser', {}).User.UserName, 'me')
  const session = { type: 'AssumedRole', accountId: TEST_ACCOUNT } as Principal
  assert.deepEqual(failure(() => callIam(fakeCallContext({ store, principal: session }), 'GetUser', {})), {
    code: 'ValidationError',
    message: 'Must specify userName when calling with non-User credentials',
    status: 400,
  })
})

test('DeleteUser refuses while the user has keys, groups, attached or inline policies', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  const key = callIam(ctx, 'CreateAccessKey', { UserName: 'u' }).AccessKey
  callIam(ctx, 'AddUserToGroup', { GroupName: 'g', UserName: 'u' })
  callIam(ctx, 'AttachUserPolicy', { UserName: 'u', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' })
  callIam(ctx, 'PutUserPolicy', { UserName: 'u', PolicyName: 'p', PolicyDocument: allowPolicy('s3:*') })
  const steps: Array<[string, () => void]> = [
    ['Cannot delete entity, must delete access keys first.', () => callIam(ctx, 'DeleteAccessKey', { UserName: 'u', AccessKeyId: key.AccessKeyId })],
    ['Cannot delete entity, must remove user from all groups first.', () => callIam(ctx, 'RemoveUserFromGroup', { GroupName: 'g', UserName: 'u' })],
    [
      'Cannot delete entity, must detach all policies first.',
      () => callIam(ctx, 'DetachUserPolicy', { UserName: 'u', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }),
    ],
    ['Cannot delete entity, must delete policies first.', () => callIam(ctx, 'DeleteUserPolicy', { UserName: 'u', PolicyName: 'p' })],
  ]
  for (const [message, fix] of steps) {
    assert.deepEqual(failure(() => callIam(ctx, 'DeleteUser', { UserName: 'u' })), { code: 'DeleteConflict', message, status: 409 })
    fix()
  }
  callIam(ctx, 'DeleteUser', { UserName: 'u' })
  assert.equal(callIam(ctx, 'ListUsers', {}).Users.length, 0)
})

test('UpdateUser renames and moves a user; keys and memberships follow; a taken name is EntityAlreadyExists', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'old' })
  callIam(ctx, 'CreateUser', { UserName: 'other' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  callIam(ctx, 'AddUserToGroup', { GroupName: 'g', UserName: 'old' })
  const key = callIam(ctx, 'CreateAccessKey', { UserName: 'old' }).AccessKey
  assert.equal(failure(() => callIam(ctx, 'UpdateUser', { UserName: 'old', NewUserName: 'OTHER' })).code, 'EntityAlreadyExists')
  callIam(ctx, 'UpdateUser', { UserName: 'old', NewUserName: 'new', NewPath: '/x/' })
  assert.equal(callIam(ctx, 'GetUser', { UserName: 'new' }).User.Arn, `arn:aws:iam::${TEST_ACCOUNT}:user/x/new`)
  assert.equal(failure(() => callIam(ctx, 'GetUser', { UserName: 'old' })).code, 'NoSuchEntity')
  assert.equal(callIam(ctx, 'ListAccessKeys', { UserName: 'new' }).AccessKeyMetadata[0].AccessKeyId, key.AccessKeyId)
  assert.deepEqual(callIam(ctx, 'GetGroup', { GroupName: 'g' }).Users.map((u: { UserName: string }) => u.UserName), ['new'])
})

test('TagUser / UntagUser / ListUserTags and user permissions boundaries', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'TagUser', { UserName: 'u', Tags: [{ Key: 'a', Value: '1' }] })
  assert.deepEqual(callIam(ctx, 'ListUserTags', { UserName: 'u' }).Tags, [{ Key: 'a', Value: '1' }])
  callIam(ctx, 'UntagUser', { UserName: 'u', TagKeys: ['a'] })
  assert.deepEqual(callIam(ctx, 'ListUserTags', { UserName: 'u' }).Tags, [])
  const boundary = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'
  callIam(ctx, 'PutUserPermissionsBoundary', { UserName: 'u', PermissionsBoundary: boundary })
  assert.equal(callIam(ctx, 'GetUser', { UserName: 'u' }).User.PermissionsBoundary.PermissionsBoundaryArn, boundary)
  callIam(ctx, 'DeleteUserPermissionsBoundary', { UserName: 'u' })
  assert.equal(callIam(ctx, 'GetUser', { UserName: 'u' }).User.PermissionsBoundary, undefined)
})
