//! Unit tests of names.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { checkName, checkPath, parseEntityArn, parsePolicyArn } from './names.js'

test('names: length and AWS character set messages', () => {
  assert.throws(() => checkName('roleName', 'r'.repeat(65)), {
    code: 'ValidationError',
    message: "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
  })
  assert.throws(() => checkName('roleName', 'bad/name'), {
    code: 'ValidationError',
    message: 'The specified value for roleName is invalid. It must contain only alphanumeric characters and/or the following: +=,.@_-',
  })
  assert.doesNotThrow(() => checkName('groupName', 'g'.repeat(128)))
})

test('paths begin and end with a slash', () => {
  assert.equal(checkPath(undefined), '/')
  assert.equal(checkPath('/a/b/'), '/a/b/')
  assert.throws(() => checkPath('a/'), { code: 'ValidationError' })
})

test('policy and entity ARNs', () => {
  assert.deepEqual(parsePolicyArn('arn:aws:iam::aws:policy/service-role/X'), { account: 'aws', path: '/service-role/', name: 'X' })
  assert.deepEqual(parsePolicyArn('arn:aws:iam::111122223333:policy/p'), { account: '111122223333', path: '/', name: 'p' })
  assert.throws(() => parsePolicyArn('arn:aws:iam::1234:policy/p'), { code: 'InvalidInput', message: 'ARN arn:aws:iam::1234:policy/p is not valid.' })
  assert.deepEqual(parseEntityArn('arn:aws:iam::111122223333:role/a/b/r'), { account: '111122223333', kind: 'role', path: '/a/b/', name: 'r' })
  assert.equal(parseEntityArn('arn:aws:sts::111122223333:assumed-role/r/s'), undefined)
})
