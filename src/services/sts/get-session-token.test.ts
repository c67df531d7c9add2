import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { stsService } from './index.js'
import { policy, stsTestWorld, trust } from './sts-test-world.js'

const A = '111122223333'

test('GetSessionToken gives an IAM user a session with the user’s own identity and permissions', () => {
  const w = stsTestWorld({ services: [stsService] })
  const user = w.createUser(A, 'alice', { probe: policy('Allow', 'sts:GetAccessKeyInfo') })
  const out = w.call('sts', 'GetSessionToken', {}, user)
  assert.match(out.Credentials.AccessKeyId, /^ASIA/)
  // Twelve hours by default.
  assert.equal(out.Credentials.Expiration.toISOString(), '2025-03-02T00:00:00.000Z')
  const session = w.sessionPrincipal(out.Credentials.AccessKeyId)
  assert.equal(session.type, 'IAMUser')
  if (session.type !== 'IAMUser') return
  assert.equal(session.arn, user.arn)
  assert.equal(session.accessKeyId, out.Credentials.AccessKeyId)
  assert.equal(session.session?.mfaPresent, false)
  assert.deepEqual(w.call('sts', 'GetCallerIdentity', {}, session), { UserId: user.userId, Account: A, Arn: user.arn })
  // "You cannot call any AWS STS API except AssumeRole or GetCallerIdentity" with these credentials.
  assert.throws(
    () => w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: out.Credentials.AccessKeyId }, session),
    (error: unknown) => error instanceof AwsError && error.code === 'AccessDenied' && error.message === 'Cannot call GetAccessKeyInfo with session credentials',
  )
  assert.deepEqual(w.call('sts', 'GetAccessKeyInfo', { AccessKeyId: out.Credentials.AccessKeyId }, user), { Account: A })
  const explicit = w.call('sts', 'GetSessionToken', { DurationSeconds: 129_600 }, user)
  assert.equal(explicit.Credentials.Expiration.toISOString(), '2025-03-03T00:00:00.000Z')
})

test('root sessions last at most an hour; session credentials cannot call GetSessionToken', () => {
  const w = stsTestWorld({ services: [stsService] })
  const out = w.call('sts', 'GetSessionToken', { DurationSeconds: 7_200 }, w.root(A))
  assert.equal(out.Credentials.Expiration.toISOString(), '2025-03-01T13:00:00.000Z')
  const rootSession = w.sessionPrincipal(out.Credentials.AccessKeyId)
  assert.equal(rootSession.type, 'Root')
  assert.throws(
    () => w.call('sts', 'GetSessionToken', {}, rootSession),
    (error: unknown) => error instanceof AwsError && error.code === 'AccessDenied' && error.status === 403 && error.message === 'Cannot call GetSessionToken with session credentials',
  )
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }))
  const assumed = w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 's' }, user)
  assert.throws(() => w.call('sts', 'GetSessionToken', {}, w.sessionPrincipal(assumed.Credentials.AccessKeyId)), /Cannot call GetSessionToken with session credentials/)
})

test('GetSessionToken credentials assume roles under the one-hour chaining cap', () => {
  const w = stsTestWorld({ services: [stsService] })
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }), { maxSessionDuration: 43_200 })
  const session = w.sessionPrincipal(w.call('sts', 'GetSessionToken', {}, user).Credentials.AccessKeyId)
  assert.throws(() => w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 's', DurationSeconds: 7_200 }, session), /1 hour session limit/)
  assert.ok(w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 's' }, session).Credentials)
})

test('the GetSessionToken audit record hides the token and never holds the secret', () => {
  const w = stsTestWorld({ services: [stsService] })
  const user = w.createUser(A, 'alice')
  const out = w.call('sts', 'GetSessionToken', {}, user)
  const [row] = w.store.audit.lookup({ account: A, limit: 1 })
  assert.equal(row!.eventName, 'GetSessionToken')
  assert.ok(!row!.record.includes(out.Credentials.SecretAccessKey))
  assert.ok(!row!.record.includes(out.Credentials.SessionToken))
})
