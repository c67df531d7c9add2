//! Unit tests of groups.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

test('groups: create, membership both ways, paging of members, rename, delete rules', () => {
  const ctx = fakeCallContext()
  const group = callIam(ctx, 'CreateGroup', { GroupName: 'devs', Path: '/teams/' }).Group
  assert.match(group.GroupId, /^AGPA[A-Z2-7]{17}$/)
  assert.equal(group.Arn, `arn:aws:iam::${TEST_ACCOUNT}:group/teams/devs`)
  assert.deepEqual(failure(() => callIam(ctx, 'CreateGroup', { GroupName: 'DEVS' })), {
    code: 'EntityAlreadyExists',
    message: 'Group with name DEVS already exists.',
    status: 409,
  })
  for (const name of ['ann', 'bob', 'cid']) {
    callIam(ctx, 'CreateUser', { UserName: name })
    callIam(ctx, 'AddUserToGroup', { GroupName: 'devs', UserName: name })
  }
  callIam(ctx, 'AddUserToGroup', { GroupName: 'devs', UserName: 'ann' })
  const first = callIam(ctx, 'GetGroup', { GroupName: 'devs', MaxItems: 2 })
  assert.deepEqual(first.Users.map((u: { UserName: string }) => u.UserName), ['ann', 'bob'])
  assert.equal(first.IsTruncated, true)
  assert.deepEqual(callIam(ctx, 'GetGroup', { GroupName: 'devs', Marker: first.Marker }).Users.map((u: { UserName: string }) => u.UserName), ['cid'])
  assert.deepEqual(callIam(ctx, 'ListGroupsForUser', { UserName: 'bob' }).Groups.map((g: { GroupName: string }) => g.GroupName), ['devs'])
  assert.deepEqual(failure(() => callIam(ctx, 'DeleteGroup', { GroupName: 'devs' })), {
    code: 'DeleteConflict',
    message: 'Cannot delete entity, must remove users from group first.',
    status: 409,
  })
  callIam(ctx, 'UpdateGroup', { GroupName: 'devs', NewGroupName: 'builders' })
  assert.deepEqual(callIam(ctx, 'ListGroupsForUser', { UserName: 'bob' }).Groups.map((g: { GroupName: string }) => g.GroupName), ['builders'])
  for (const name of ['ann', 'bob', 'cid']) callIam(ctx, 'RemoveUserFromGroup', { GroupName: 'builders', UserName: name })
  assert.equal(failure(() => callIam(ctx, 'RemoveUserFromGroup', { GroupName: 'builders', UserName: 'ann' })).code, 'NoSuchEntity')
  callIam(ctx, 'PutGroupPolicy', { GroupName: 'builders', PolicyName: 'p', PolicyDocument: allowPolicy('ecs:*') })
  assert.equal(failure(() => callIam(ctx, 'DeleteGroup', { GroupName: 'builders' })).message, 'Cannot delete entity, must delete policies first.')
  callIam(ctx, 'DeleteGroupPolicy', { GroupName: 'builders', PolicyName: 'p' })
  callIam(ctx, 'DeleteGroup', { GroupName: 'builders' })
  assert.deepEqual(callIam(ctx, 'ListGroups', {}).Groups, [])
  assert.equal(failure(() => callIam(ctx, 'GetGroup', { GroupName: 'builders' })).message, 'The group with name builders cannot be found.')
})

test('a user can be in at most 10 groups', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  for (let i = 0; i < 11; i++) callIam(ctx, 'CreateGroup', { GroupName: `g${i}` })
  for (let i = 0; i < 10; i++) callIam(ctx, 'AddUserToGroup', { GroupName: `g${i}`, UserName: 'u' })
  assert.deepEqual(failure(() => callIam(ctx, 'AddUserToGroup', { GroupName: 'g10', UserName: 'u' })), {
    code: 'LimitExceeded',
    message: 'Cannot exceed quota for GroupsPerUser: 10',
    status: 409,
  })
  assert.equal(callIam(ctx, 'ListGroupsForUser', { UserName: 'u' }).Groups.length, 10)
})
