import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { kmsService } from './index.js'
import { kmsTestWorld, policy } from './kms-test-world.js'

const A = '111122223333'
const B = '444455556666'

function setup() {
  const world = kmsTestWorld({ services: [kmsService] })
  const key = world.call('kms', 'CreateKey', {}, world.root(A)).KeyMetadata
  return { world, key }
}

test('every KMS operation taskrole serves exists in the model and declares its authorization', () => {
  const model = JSON.parse(readFileSync(new URL('../../../models/kms.json', import.meta.url), 'utf8'))
  for (const [name, definition] of Object.entries(kmsService.operations)) {
    assert.ok(model.operations[name], `${name} is not a KMS operation`)
    assert.equal(typeof definition.authorization, 'function')
  }
})

test('with the default key policy an IAM user needs an identity policy allowing the action', () => {
  const { world, key } = setup()
  const alice = world.user(A, 'alice')
  const denied = world.failure('kms', 'DescribeKey', { KeyId: key.KeyId }, alice)
  assert.equal(denied.code, 'AccessDeniedException')
  assert.equal(denied.message, `User: ${alice.arn} is not authorized to perform: kms:DescribeKey on resource: ${key.Arn} because no identity-based policy allows the kms:DescribeKey action`)
  const bob = world.user(A, 'bob', { kms: policy('Allow', 'kms:DescribeKey', key.Arn) })
  assert.equal(world.call('kms', 'DescribeKey', { KeyId: key.KeyId }, bob).KeyMetadata.KeyId, key.KeyId)
})

test('a key policy naming a user grants it without any identity policy', () => {
  const { world } = setup()
  const carol = world.user(A, 'carol')
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'root', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'carol', Effect: 'Allow', Principal: { AWS: carol.arn }, Action: ['kms:Encrypt', 'kms:Decrypt'], Resource: '*' },
    ],
  })
  const key = world.call('kms', 'CreateKey', { Policy: document }, world.root(A)).KeyMetadata
  const blob = world.call('kms', 'Encrypt', { KeyId: key.Arn, Plaintext: Buffer.from('s') }, carol).CiphertextBlob
  assert.equal(world.call('kms', 'Decrypt', { CiphertextBlob: blob }, carol).Plaintext.toString(), 's')
  assert.equal(world.failure('kms', 'DescribeKey', { KeyId: key.Arn }, carol).code, 'AccessDeniedException')
})

test('across accounts both the key policy and the caller’s identity policy must allow', () => {
  const { world } = setup()
  const document = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  })
  const shared = world.call('kms', 'CreateKey', { Policy: document }, world.root(A)).KeyMetadata
  const blob = world.call('kms', 'Encrypt', { KeyId: shared.KeyId, Plaintext: Buffer.from('s') }, world.root(A)).CiphertextBlob
  const withoutIdentity = world.user(B, 'dave')
  assert.equal(world.failure('kms', 'Decrypt', { CiphertextBlob: blob }, withoutIdentity).code, 'AccessDeniedException')
  const withIdentity = world.user(B, 'erin', { kms: policy('Allow', 'kms:Decrypt', shared.Arn) })
  assert.equal(world.call('kms', 'Decrypt', { CiphertextBlob: blob }, withIdentity).Plaintext.toString(), 's')
  // A key in A whose policy does not name B refuses B even with B's identity policy allowing kms:*.
  const own = world.call('kms', 'CreateKey', {}, world.root(A)).KeyMetadata
  const ownBlob = world.call('kms', 'Encrypt', { KeyId: own.KeyId, Plaintext: Buffer.from('s') }, world.root(A)).CiphertextBlob
  const admin = world.user(B, 'admin', { all: policy('Allow', '*') })
  const refused = world.failure('kms', 'Decrypt', { CiphertextBlob: ownBlob }, admin)
  assert.match(refused.message, /because no resource-based policy allows the kms:Decrypt action$/)
})

test('the AWS managed key aws/ssm serves any principal of the account through SSM only', () => {
  const { world } = setup()
  const root = world.root(A)
  const managed = world.call('kms', 'DescribeKey', { KeyId: 'alias/aws/ssm' }, root).KeyMetadata
  assert.equal(managed.KeyManager, 'AWS')
  assert.equal(managed.Description, 'Default key that protects my SSM parameters when no other key is defined')
  // Directly, not even root may encrypt with it; the account may only read its metadata.
  assert.equal(world.failure('kms', 'Encrypt', { KeyId: 'alias/aws/ssm', Plaintext: Buffer.from('x') }, root).code, 'AccessDeniedException')
  assert.equal(world.failure('kms', 'DisableKey', { KeyId: managed.KeyId }, root).code, 'AccessDeniedException')
  // Called by SSM for a user without any KMS permission, it is allowed.
  const frank = world.user(A, 'frank')
  const encrypted = world.callVia('ssm.amazonaws.com', 'kms', 'Encrypt', { KeyId: 'alias/aws/ssm', Plaintext: Buffer.from('x') }, frank)
  assert.ok(Buffer.isBuffer(encrypted.CiphertextBlob))
  // Through another service the aws/ssm key refuses.
  assert.throws(
    () => world.callVia('secretsmanager.amazonaws.com', 'kms', 'Encrypt', { KeyId: 'alias/aws/ssm', Plaintext: Buffer.from('x') }, frank),
    (error: any) => error.code === 'AccessDeniedException',
  )
})
