import assert from 'node:assert/strict'
import { test } from 'node:test'
import { deriveSigningKey, SigningKeyCache } from './signing-key-cache.js'

// AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
test('derives the signing key of AWS documentation example', () => {
  const key = deriveSigningKey('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20120215', 'us-east-1', 'iam')
  assert.equal(key.toString('hex'), 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d')
})

test('returns the cached key and evicts the oldest past capacity', () => {
  const cache = new SigningKeyCache(2)
  const first = cache.get('s1', '20240101', 'us-east-1', 'sts')
  assert.equal(cache.get('s1', '20240101', 'us-east-1', 'sts'), first)
  assert.deepEqual(cache.get('s2', '20240101', 'us-east-1', 'sts'), deriveSigningKey('s2', '20240101', 'us-east-1', 'sts'))
  cache.get('s3', '20240101', 'us-east-1', 'sts')
  assert.equal(cache.size, 2)
  assert.notEqual(cache.get('s1', '20240101', 'us-east-1', 'sts'), first)
})

test('a different secret, day, region or service is a different key', () => {
  const cache = new SigningKeyCache()
  const base = cache.get('s', '20240101', 'us-east-1', 'sts').toString('hex')
  assert.notEqual(cache.get('t', '20240101', 'us-east-1', 'sts').toString('hex'), base)
  assert.notEqual(cache.get('s', '20240102', 'us-east-1', 'sts').toString('hex'), base)
  assert.notEqual(cache.get('s', '20240101', 'us-west-2', 'sts').toString('hex'), base)
  assert.notEqual(cache.get('s', '20240101', 'us-east-1', 'iam').toString('hex'), base)
})
