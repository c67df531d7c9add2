import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { decodeNextToken, encodeNextToken, queryFingerprint } from './next-token.js'

test('a NextToken works only for the query it was issued for', () => {
  const fingerprint = queryFingerprint({ account: '111122223333', attribute: { key: 'EventName', value: 'AssumeRole' } })
  const token = encodeNextToken(42, fingerprint)
  assert.equal(decodeNextToken(token, fingerprint), 42)
  const other = queryFingerprint({ account: '111122223333', attribute: { key: 'EventName', value: 'GetRole' } })
  const isInvalid = (error: unknown) => error instanceof AwsError && error.code === 'InvalidNextTokenException' && error.status === 400
  assert.throws(() => decodeNextToken(token, other), isInvalid)
  assert.throws(() => decodeNextToken('not a token', fingerprint), isInvalid)
  assert.throws(() => decodeNextToken(Buffer.from('{"s":-1}').toString('base64url'), fingerprint), isInvalid)
})
