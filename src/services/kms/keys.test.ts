import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from './index.js'
import { defaultKeyPolicy } from './key-policies.js'
import { kmsTestWorld } from './kms-test-world.js'

const A = '111122223333'

function setup() {
  const world = kmsTestWorld({ services: [kmsService] })
  const root = world.root(A)
  const kms = (operation: string, input: unknown, principal = root) => world.call('kms', operation, input, principal)
  return { world, root, kms }
}

test('a new key has the default policy and is found by id, ARN, alias name and alias ARN', () => {
  const { kms } = setup()
  const { KeyMetadata: created } = kms('CreateKey', { Description: 'app secrets' })
  assert.match(created.KeyId, /^[0-9a-f-]{36}$/)
  assert.equal(created.Arn, `arn:aws:kms:us-east-1:${A}:key/${created.KeyId}`)
  assert.equal(created.KeyManager, 'CUSTOMER')
  assert.equal(created.KeyState, 'Enabled')
  assert.equal(kms('GetKeyPolicy', { KeyId: created.KeyId }).Policy, defaultKeyPolicy(A))
  kms('CreateAlias', { AliasName: 'alias/app', TargetKeyId: created.KeyId })
  for (const id of [created.KeyId, created.Arn, 'alias/app', `arn:aws:kms:us-east-1:${A}:alias/app`]) {
    assert.equal(kms('DescribeKey', { KeyId: id }).KeyMetadata.Arn, created.Arn)
  }
  assert.deepEqual(kms('ListKeys', {}).Keys, [{ KeyId: created.KeyId, KeyArn: created.Arn }])
})

test('unknown keys are answered with KMS NotFoundException texts', () => {
  const { world, root } = setup()
  const id = '1234abcd-12ab-34cd-56ef-1234567890ab'
  const cases: Array<[string, string]> = [
    ['fake-key-id', "Invalid keyId 'fake-key-id'"],
    [id, `Key 'arn:aws:kms:us-east-1:${A}:key/${id}' does not exist`],
    [`arn:aws:kms:us-east-1:${A}:key/${id}`, `Key 'arn:aws:kms:us-east-1:${A}:key/${id}' does not exist`],
    ['alias/nope', `Alias arn:aws:kms:us-east-1:${A}:alias/nope is not found.`],
    [`arn:aws:kms:us-west-2:${A}:key/${id}`, 'Invalid arn us-west-2'],
  ]
  for (const [keyId, message] of cases) {
    const error = world.failure('kms', 'DescribeKey', { KeyId: keyId }, root)
    assert.equal(error.code, 'NotFoundException')
    assert.equal(error.message, message)
  }
})

test('a disabled key refuses cryptography until enabled again', () => {
  const { world, root, kms } = setup()
  const key = kms('CreateKey', {}).KeyMetadata
  kms('DisableKey', { KeyId: key.KeyId })
  assert.equal(kms('DescribeKey', { KeyId: key.KeyId }).KeyMetadata.Enabled, false)
  const error = world.failure('kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }, root)
  assert.equal(error.code, 'DisabledException')
  assert.equal(error.message, `${key.Arn} is disabled.`)
  kms('EnableKey', { KeyId: key.KeyId })
  assert.ok(kms('Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }).CiphertextBlob.length > 0)
})

test('a key scheduled for deletion refuses use, can be cancelled (disabled), and is gone after its window', () => {
  const { world, root, kms } = setup()
  const key = kms('CreateKey', {}).KeyMetadata
  const scheduled = kms('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
  assert.equal(scheduled.KeyState, 'PendingDeletion')
  assert.equal(scheduled.DeletionDate, '2025-03-08T12:00:00.000Z')
  const refused = world.failure('kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }, root)
  assert.equal(refused.code, 'KMSInvalidStateException')
  assert.equal(refused.message, `${key.Arn} is pending deletion.`)
  kms('CancelKeyDeletion', { KeyId: key.KeyId })
  assert.equal(kms('DescribeKey', { KeyId: key.KeyId }).KeyMetadata.KeyState, 'Disabled')
  assert.equal(world.failure('kms', 'CancelKeyDeletion', { KeyId: key.KeyId }, root).code, 'KMSInvalidStateException')
  kms('ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 7 })
  world.clock.advance(7 * 86_400_000)
  assert.equal(world.failure('kms', 'DescribeKey', { KeyId: key.KeyId }, root).code, 'NotFoundException')
  assert.deepEqual(kms('ListKeys', {}).Keys, [])
})

test('the waiting period must be 7 to 30 days', () => {
  const { world, root, kms } = setup()
  const key = kms('CreateKey', {}).KeyMetadata
  const error = world.failure('kms', 'ScheduleKeyDeletion', { KeyId: key.KeyId, PendingWindowInDays: 3 }, root)
  assert.equal(error.code, 'ValidationException')
  assert.equal(kms('DescribeKey', { KeyId: key.KeyId }).KeyMetadata.KeyState, 'Enabled')
})

test('a key policy is validated, and one that would lock the caller out is refused unless bypassed', () => {
  const { world, root, kms } = setup()
  const malformed = world.failure('kms', 'CreateKey', { Policy: '{"Version":"2012-10-17","Statement":[' }, root)
  assert.equal(malformed.code, 'MalformedPolicyDocumentException')
  const ghost = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:role/ghost` }, Action: 'kms:*', Resource: '*' }],
  })
  const invalid = world.failure('kms', 'CreateKey', { Policy: ghost }, root)
  assert.equal(invalid.message, 'Policy contains a statement with one or more invalid principals.')
  const other = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }],
  })
  const lockout = world.failure('kms', 'CreateKey', { Policy: other }, root)
  assert.equal(lockout.code, 'MalformedPolicyDocumentException')
  assert.equal(lockout.message, 'The new key policy will not allow you to update the key policy in the future.')
  assert.deepEqual(kms('ListKeys', {}).Keys, [])
  const key = kms('CreateKey', { Policy: other, BypassPolicyLockoutSafetyCheck: true }).KeyMetadata
  // The policy does not grant this account, so even its root user may not touch the key.
  const denied = world.failure('kms', 'DescribeKey', { KeyId: key.KeyId }, root)
  assert.equal(denied.code, 'AccessDeniedException')
  assert.match(denied.message, new RegExp(`^User: arn:aws:iam::${A}:root is not authorized to perform: kms:DescribeKey on resource: ${key.Arn}`))
})

test('only symmetric encryption keys are offered', () => {
  const { world, root } = setup()
  assert.equal(world.failure('kms', 'CreateKey', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, root).code, 'UnsupportedOperationException')
  const usage = world.failure('kms', 'CreateKey', { KeyUsage: 'SIGN_VERIFY' }, root)
  assert.equal(usage.message, 'KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT')
})

test('tags: reserved prefix and duplicates refused, list and remove', () => {
  const { world, root, kms } = setup()
  assert.equal(world.failure('kms', 'CreateKey', { Tags: [{ TagKey: 'aws:x', TagValue: '1' }] }, root).message, 'Tags beginning with aws: are reserved')
  const key = kms('CreateKey', { Tags: [{ TagKey: 'team', TagValue: 'a' }] }).KeyMetadata
  kms('TagResource', { KeyId: key.KeyId, Tags: [{ TagKey: 'env', TagValue: 'dev' }] })
  assert.deepEqual(kms('ListResourceTags', { KeyId: key.KeyId }).Tags, [
    { TagKey: 'team', TagValue: 'a' },
    { TagKey: 'env', TagValue: 'dev' },
  ])
  kms('UntagResource', { KeyId: key.KeyId, TagKeys: ['team'] })
  assert.deepEqual(kms('ListResourceTags', { KeyId: key.KeyId }).Tags, [{ TagKey: 'env', TagValue: 'dev' }])
})
