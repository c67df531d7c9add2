import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { decodeNextToken, encodeNextToken, queryFingerprint } from './next-token.js'

test('a NextToken works only for the query it was issued for', () => {
  const fingerprint = queryFingerprint({ account: '111122223333', attribute: { key: 'EventName', value: 'AssumeRole' } })
  const token = encodeNextToken({ seq: 42, eventId: 'e-42' }, fingerprint)
  assert.deepEqual(decodeNextToken(token, fingerprint), { seq: 42, eventId: 'e-42' })
  const other = queryFingerprint({ account: '111122223333', attribute: { key: 'EventName', value: 'GetRole' } })
  const isInvalid = (error: unknown) => error instanceof AwsError && error.code === 'InvalidNextTokenException' && error.status === 400
  assert.throws(() => decodeNextToken(token, other), isInvalid)
  assert.throws(() => decodeNextToken('not a token', fingerprint), isInvalid)
  assert.throws(() => decodeNextToken(Buffer.from('{"s":-1}').toString('base64url'), fingerprint), isInvalid)
  // A token without the id of the event it stopped at (as earlier versions made them) cannot be checked: refused.
  assert.throws(() => decodeNextToken(Buffer.from(JSON.stringify({ s: 42, f: fingerprint })).toString('base64url'), fingerprint), isInvalid)
})
