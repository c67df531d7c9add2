import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { blobKeyArn, decryptUnderKey, encryptUnderKey } from './key-cipher.js'
import type { KmsKeyRecord } from './key-records.js'

function key(id: string): KmsKeyRecord {
  return {
    keyId: id,
    arn: `arn:aws:kms:us-east-1:111122223333:key/${id}`,
    accountId: '111122223333',
    region: 'us-east-1',
    creationDate: '2025-01-01T00:00:00.000Z',
    description: '',
    keyManager: 'CUSTOMER',
    keyState: 'Enabled',
    policy: '{}',
    material: randomBytes(32).toString('base64'),
    materialId: 'a'.repeat(64),
    tags: [],
  }
}

test('a blob decrypts under its key with the same context, in any key order', () => {
  const k = key('11111111-2222-3333-4444-555555555555')
  const blob = encryptUnderKey(k, Buffer.from('hunter2'), { a: '1', b: '2' })
  assert.equal(blobKeyArn(blob), k.arn)
  assert.equal(decryptUnderKey(k, blob, { b: '2', a: '1' })?.toString(), 'hunter2')
  assert.equal(blob.includes(Buffer.from('hunter2')), false)
})

test('another context, another key or a changed byte does not decrypt', () => {
  const k = key('11111111-2222-3333-4444-555555555555')
  const blob = encryptUnderKey(k, Buffer.from('hunter2'), { a: '1' })
  assert.equal(decryptUnderKey(k, blob, {}), undefined)
  assert.equal(decryptUnderKey(k, blob, { a: '2' }), undefined)
  assert.equal(decryptUnderKey(key('11111111-2222-3333-4444-555555555555'), blob, { a: '1' }), undefined)
  const tampered = Buffer.from(blob)
  tampered[tampered.length - 1]! ^= 1
  assert.equal(decryptUnderKey(k, tampered, { a: '1' }), undefined)
  assert.equal(blobKeyArn(Buffer.from('not a blob')), undefined)
})
