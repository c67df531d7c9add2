import { test } from 'node:test'
import assert from 'node:assert/strict'
import { stsService } from './index.js'
import { policy, stsTestWorld, trust } from './sts-test-world.js'

const A = '111122223333'

test('GetCallerIdentity answers as AWS for root, IAM users and role sessions', () => {
  const w = stsTestWorld({ services: [stsService] })
  assert.deepEqual(w.call('sts', 'GetCallerIdentity', {}, w.root(A)), { UserId: A, Account: A, Arn: `arn:aws:iam::${A}:root` })
  // An explicit deny of everything does not stop it: the operation needs no permission.
  const user = w.createUser(A, 'alice', { deny: policy('Deny', '*') })
  assert.deepEqual(w.call('sts', 'GetCallerIdentity', {}, user), { UserId: user.userId, Account: A, Arn: user.arn })
  assert.match(user.userId, /^AIDA/)
  const bob = w.createUser(A, 'bob')
  const role = w.createRole(A, 'app', trust({ AWS: bob.arn }), { path: '/team/' })
  const out = w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 's1' }, bob)
  const session = w.sessionPrincipal(out.Credentials.AccessKeyId)
  assert.deepEqual(w.call('sts', 'GetCallerIdentity', {}, session), {
    UserId: `${role.roleId}:s1`,
    Account: A,
    Arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
  })
  const [row] = w.store.audit.lookup({ account: A, limit: 1 })
  assert.equal(row!.eventName, 'GetCallerIdentity')
  assert.equal(row!.decision, 'none')
  assert.equal(row!.readOnly, true)
})
