import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from './index.js'
import { kmsTestWorld } from './kms-test-world.js'

const A = '111122223333'

function setup() {
  const world = kmsTestWorld({ services: [kmsService] })
  const root = world.root(A)
  const kms = (operation: string, input: unknown) => world.call('kms', operation, input, root)
  const key = kms('CreateKey', {}).KeyMetadata
  return { world, root, kms, key }
}

test('Encrypt then Decrypt without a KeyId, with the same encryption context', () => {
  const { kms, key } = setup()
  const encrypted = kms('Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('db-password'), EncryptionContext: { app: 'web' } })
  assert.equal(encrypted.KeyId, key.Arn)
  assert.equal(encrypted.EncryptionAlgorithm, 'SYMMETRIC_DEFAULT')
  const decrypted = kms('Decrypt', { CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { app: 'web' } })
  assert.equal(decrypted.Plaintext.toString(), 'db-password')
  assert.equal(decrypted.KeyId, key.Arn)
})

test('a different encryption context or a damaged blob is InvalidCiphertextException with no message', () => {
  const { world, root, kms, key } = setup()
  const blob = kms('Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x'), EncryptionContext: { app: 'web' } }).CiphertextBlob
  for (const input of [{ CiphertextBlob: blob }, { CiphertextBlob: blob, EncryptionContext: { app: 'api' } }, { CiphertextBlob: Buffer.from('garbage') }]) {
    const error = world.failure('kms', 'Decrypt', input, root)
    assert.equal(error.code, 'InvalidCiphertextException')
    assert.equal(error.message, '')
  }
})

test('Decrypt with a KeyId other than the blob’s key is IncorrectKeyException', () => {
  const { world, root, kms, key } = setup()
  const other = kms('CreateKey', {}).KeyMetadata
  const blob = kms('Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x') }).CiphertextBlob
  const error = world.failure('kms', 'Decrypt', { CiphertextBlob: blob, KeyId: other.KeyId }, root)
  assert.equal(error.code, 'IncorrectKeyException')
  assert.equal(kms('Decrypt', { CiphertextBlob: blob, KeyId: key.Arn }).Plaintext.toString(), 'x')
})

test('GenerateDataKey returns a data key and its encrypted copy; size comes from KeySpec or NumberOfBytes', () => {
  const { world, root, kms, key } = setup()
  const dataKey = kms('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' })
  assert.equal(dataKey.Plaintext.length, 32)
  assert.deepEqual(kms('Decrypt', { CiphertextBlob: dataKey.CiphertextBlob }).Plaintext, dataKey.Plaintext)
  assert.equal(kms('GenerateDataKey', { KeyId: key.KeyId, NumberOfBytes: 16 }).Plaintext.length, 16)
  const without = kms('GenerateDataKeyWithoutPlaintext', { KeyId: key.KeyId, KeySpec: 'AES_128' })
  assert.equal(without.Plaintext, undefined)
  assert.equal(kms('Decrypt', { CiphertextBlob: without.CiphertextBlob }).Plaintext.length, 16)
  const error = world.failure('kms', 'GenerateDataKey', { KeyId: key.KeyId }, root)
  assert.equal(error.message, 'Please specify either number of bytes or key spec.')
})

test('DryRun answers DryRunOperationException after the checks', () => {
  const { world, root, key } = setup()
  const error = world.failure('kms', 'Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from('x'), DryRun: true }, root)
  assert.equal(error.code, 'DryRunOperationException')
})

test('no plaintext or data key reaches the audit trail, and the calls are read-only events', () => {
  const { world, kms, key } = setup()
  const secret = 'correct horse battery staple'
  const blob = kms('Encrypt', { KeyId: key.KeyId, Plaintext: Buffer.from(secret) }).CiphertextBlob
  kms('Decrypt', { CiphertextBlob: blob })
  const dataKey = kms('GenerateDataKey', { KeyId: key.KeyId, KeySpec: 'AES_256' })
  const trail = world.auditText(A)
  assert.equal(trail.includes(secret), false)
  assert.equal(trail.includes(Buffer.from(secret).toString('base64')), false)
  assert.equal(trail.includes(dataKey.Plaintext.toString('base64')), false)
  const decryptEvent = JSON.parse(world.store.audit.lookup({ account: A, limit: 1, attribute: { key: 'EventName', value: 'Decrypt' } })[0]!.record)
  assert.equal(decryptEvent.readOnly, true)
  assert.equal(decryptEvent.responseElements, null)
})
