import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Principal } from './principal.js'
import { resolveAccessKey, type AccessKeyOptions, type IssuedCredential } from './resolve-access-key.js'

const user: Principal = {
  type: 'IAMUser',
  accountId: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/alice',
  userId: 'AIDAEXAMPLEEXAMPLE12',
  userName: 'alice',
  path: '/',
  accessKeyId: 'AKIAALICEEXAMPLE0001',
}
const issued: Record<string, IssuedCredential> = {
  AKIAALICEEXAMPLE0001: { secretAccessKey: 'alice-secret', principal: user, active: true },
}

function options(overrides: Partial<AccessKeyOptions> = {}): AccessKeyOptions {
  return { rootSecret: 'test', defaultAccount: '000000000000', lenient: false, lookupCredential: (id) => issued[id], ...overrides }
}

test('a 12-digit key id is the root of that account, with the root secret', () => {
  const resolved = resolveAccessKey('111122223333', options({ rootSecret: 's3cret' }))
  assert.equal(resolved.kind, 'verify')
  assert.ok(resolved.kind === 'verify')
  assert.equal(resolved.secret, 's3cret')
  assert.deepEqual(resolved.principal, {
    type: 'Root',
    accountId: '111122223333',
    arn: 'arn:aws:iam::111122223333:root',
    userId: '111122223333',
    accessKeyId: '111122223333',
  })
})

test('the placeholder key id test, in any case, is the root of the default account', () => {
  for (const id of ['test', 'TEST']) {
    const resolved = resolveAccessKey(id, options({ defaultAccount: '444455556666' }))
    assert.ok(resolved.kind === 'verify')
    assert.equal(resolved.principal.type === 'Root' && resolved.principal.accountId, '444455556666')
    assert.equal(resolved.principal.type === 'Root' && resolved.principal.accessKeyId, id)
  }
})

test('issued keys come from the lookup with their own secret', () => {
  const resolved = resolveAccessKey('AKIAALICEEXAMPLE0001', options())
  assert.ok(resolved.kind === 'verify')
  assert.equal(resolved.secret, 'alice-secret')
  assert.equal(resolved.principal, user)
  assert.equal(resolved.ignoresSessionToken, false)
})

test('unknown keys are unknown, or the unchecked default root when lenient', () => {
  assert.deepEqual(resolveAccessKey('AKIAUNKNOWN', options()), { kind: 'unknown' })
  assert.deepEqual(resolveAccessKey('12345678901', options()), { kind: 'unknown' }, '11 digits is no account')
  const lenient = resolveAccessKey('testing', options({ lenient: true }))
  assert.equal(lenient.kind, 'unchecked')
  assert.equal(lenient.principal.type === 'Root' && lenient.principal.arn, 'arn:aws:iam::000000000000:root')
})

test('lenient never relaxes an issued key', () => {
  const resolved = resolveAccessKey('AKIAALICEEXAMPLE0001', options({ lenient: true }))
  assert.equal(resolved.kind, 'verify')
})
