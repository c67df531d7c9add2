//! Unit tests of access-keys.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { IAM_COLLECTIONS, type AccessKeyRecord } from '../../store/index.js'
import { TEST_ACCOUNT, callIam, failure, fakeCallContext } from './fake-call-context.js'

test('CreateAccessKey issues an AKIA key stored globally; the audit trail never sees the secret', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  const key = callIam(ctx, 'CreateAccessKey', { UserName: 'u' }).AccessKey
  assert.match(key.AccessKeyId, /^AKIA[A-Z2-7]{16}$/)
  assert.equal(key.SecretAccessKey.length, 40)
  assert.equal(key.Status, 'Active')
  const stored = ctx.store.documents.collection<AccessKeyRecord>(IAM_COLLECTIONS.accessKeys).get('', key.AccessKeyId)!
  assert.equal(stored.secretAccessKey, key.SecretAccessKey)
  assert.equal(stored.accountId, TEST_ACCOUNT)
  assert.ok(!JSON.stringify(ctx.audit.responseElements).includes(key.SecretAccessKey))
})

test('two keys per user; a third is LimitExceeded', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateAccessKey', { UserName: 'u' })
  callIam(ctx, 'CreateAccessKey', { UserName: 'u' })
  assert.deepEqual(failure(() => callIam(ctx, 'CreateAccessKey', { UserName: 'u' })), {
    code: 'LimitExceeded',
    message: 'Cannot exceed quota for AccessKeysPerUser: 2',
    status: 409,
  })
  assert.equal(callIam(ctx, 'ListAccessKeys', { UserName: 'u' }).AccessKeyMetadata.length, 2)
})

test('UpdateAccessKey / DeleteAccessKey / GetAccessKeyLastUsed; a key of another user is not found', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateUser', { UserName: 'v' })
  const key = callIam(ctx, 'CreateAccessKey', { UserName: 'u' }).AccessKey
  callIam(ctx, 'UpdateAccessKey', { UserName: 'u', AccessKeyId: key.AccessKeyId, Status: 'Inactive' })
  assert.equal(callIam(ctx, 'ListAccessKeys', { UserName: 'u' }).AccessKeyMetadata[0].Status, 'Inactive')
  assert.deepEqual(callIam(ctx, 'GetAccessKeyLastUsed', { AccessKeyId: key.AccessKeyId }), {
    UserName: 'u',
    AccessKeyLastUsed: { LastUsedDate: undefined, ServiceName: 'N/A', Region: 'N/A' },
  })
  assert.deepEqual(failure(() => callIam(ctx, 'DeleteAccessKey', { UserName: 'v', AccessKeyId: key.AccessKeyId })), {
    code: 'NoSuchEntity',
    message: `The Access Key with id ${key.AccessKeyId} cannot be found.`,
    status: 404,
  })
  callIam(ctx, 'DeleteAccessKey', { UserName: 'u', AccessKeyId: key.AccessKeyId })
  assert.equal(callIam(ctx, 'ListAccessKeys', { UserName: 'u' }).AccessKeyMetadata.length, 0)
  assert.equal(failure(() => callIam(ctx, 'GetAccessKeyLastUsed', { AccessKeyId: key.AccessKeyId })).code, 'NoSuchEntity')
})

test('a key of another account is invisible', () => {
  const store = fakeCallContext().store
  const ctx = fakeCallContext({ store })
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  const key = callIam(ctx, 'CreateAccessKey', { UserName: 'u' }).AccessKey
  const other = fakeCallContext({ store, principal: { type: 'Root', accountId: '444455556666', arn: 'arn:aws:iam::444455556666:root', userId: '444455556666', accessKeyId: '444455556666' } })
  assert.equal(failure(() => callIam(other, 'GetAccessKeyLastUsed', { AccessKeyId: key.AccessKeyId })).code, 'NoSuchEntity')
})
