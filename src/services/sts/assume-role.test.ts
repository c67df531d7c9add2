import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { AssumedRolePrincipal, Principal } from '../../auth/index.js'
import { IAM_COLLECTIONS, type ManagedPolicyRecord } from '../../store/index.js'
import { stsService } from './index.js'
import { policy, rejectsWith as rejects, stsTestWorld, trust } from './sts-test-world.js'

const A = '111122223333'
const B = '555566667777'

const world = (mode: 'enforce' | 'audit' | 'off' = 'enforce') => stsTestWorld({ services: [stsService], mode })

test('a trust policy naming the user lets it assume the role with no identity policy (same account)', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }), { path: '/svc/' })
  const out = w.assume(user, { RoleArn: role.arn, RoleSessionName: 'alice-session' })
  assert.match(out.Credentials.AccessKeyId, /^ASIA[A-Z2-7]{16}$/)
  assert.equal(out.Credentials.SecretAccessKey.length, 40)
  assert.ok(out.Credentials.SessionToken.length > 100)
  assert.equal(out.Credentials.Expiration.toISOString(), '2025-03-01T13:00:00.000Z')
  // The session ARN leaves the role's path out; the role ARN in the session keeps it.
  assert.deepEqual(out.AssumedRoleUser, {
    AssumedRoleId: `${role.roleId}:alice-session`,
    Arn: `arn:aws:sts::${A}:assumed-role/app/alice-session`,
  })
  assert.equal(out.PackedPolicySize, undefined)
  const session = w.sessionPrincipal(out.Credentials.AccessKeyId) as AssumedRolePrincipal
  assert.equal(session.type, 'AssumedRole')
  assert.equal(session.roleArn, `arn:aws:iam::${A}:role/svc/app`)
  assert.equal(session.userId, `${role.roleId}:alice-session`)
  assert.equal(session.session.chained, false)
  assert.equal(session.session.expiresAt.toISOString(), '2025-03-01T13:00:00.000Z')
  assert.deepEqual(session.session.issuer, { type: 'Role', arn: role.arn, principalId: role.roleId, accountId: A, userName: 'app' })
  const record = w.sessionRecord(out.Credentials.AccessKeyId)!
  assert.equal(record.secretAccessKey, out.Credentials.SecretAccessKey)
  assert.equal(record.sessionToken, out.Credentials.SessionToken)
  assert.deepEqual(w.role(A, 'app')!.roleLastUsed, { lastUsedDate: '2025-03-01T12:00:00Z', region: 'us-east-1' })
})

test('RoleLastUsed: a use in the same second and Region as the last writes nothing; a later second or another Region does', () => {
  const w = world()
  const user = w.createUser(A, 'alice', { assume: policy('Allow', 'sts:AssumeRole', '*') })
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }))
  let roleWrites = 0
  const collection = w.store.documents.collection.bind(w.store.documents)
  w.store.documents.collection = ((name: string, revive?: never) => {
    const inner = collection(name, revive)
    if (name !== IAM_COLLECTIONS.roles) return inner
    return { ...inner, put: (scope: string, key: string, value: never) => (roleWrites++, inner.put(scope, key, value)) }
  }) as typeof w.store.documents.collection
  w.assume(user, { RoleArn: role.arn }) // 12:00:00.250
  assert.equal(roleWrites, 1)
  w.clock.advance(500) // 12:00:00.750: the same second
  w.assume(user, { RoleArn: role.arn })
  assert.equal(roleWrites, 1)
  const source = { ip: '192.0.2.10', userAgent: 'unit-test', secureTransport: true }
  w.dispatcher.invoke({ service: 'sts', operation: 'AssumeRole', input: { RoleArn: role.arn, RoleSessionName: 'west' }, principal: user, region: 'eu-west-1', source })
  assert.equal(roleWrites, 2) // the same second, another Region
  assert.deepEqual(w.role(A, 'app')!.roleLastUsed, { lastUsedDate: '2025-03-01T12:00:00Z', region: 'eu-west-1' })
  w.clock.advance(300) // 12:00:01.050
  w.assume(user, { RoleArn: role.arn })
  assert.equal(roleWrites, 3)
  assert.deepEqual(w.role(A, 'app')!.roleLastUsed, { lastUsedDate: '2025-03-01T12:00:01Z', region: 'us-east-1' })
})

test('a trust policy naming only the account needs the identity policy to allow too', () => {
  const w = world()
  const user = w.createUser(A, 'bob')
  const role = w.createRole(A, 'app', trust({ AWS: `arn:aws:iam::${A}:root` }))
  rejects(() => w.assume(user, { RoleArn: role.arn }), 'AccessDenied', new RegExp(`^User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`))
  const allowed = w.createUser(A, 'carol', { assume: policy('Allow', 'sts:AssumeRole', role.arn) })
  assert.ok(w.assume(allowed, { RoleArn: role.arn }).Credentials.AccessKeyId)
})

test('cross-account assumption needs the trust policy and the caller’s identity policy', () => {
  const w = world()
  const role = w.createRole(B, 'destination-account-role', trust({ AWS: A }))
  const without = w.createUser(A, 'dev')
  rejects(() => w.assume(without, { RoleArn: role.arn }), 'AccessDenied', /is not authorized to perform: sts:AssumeRole on resource/)
  const withPolicy = w.createUser(A, 'ops', { assume: policy('Allow', 'sts:AssumeRole', role.arn) })
  const out = w.assume(withPolicy, { RoleArn: role.arn, RoleSessionName: 'x-acct' })
  assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${B}:assumed-role/destination-account-role/x-acct`)
  // A trust policy that does not name the caller's account refuses even an allowed caller.
  const other = w.createRole(B, 'closed', trust({ AWS: B }))
  const everything = w.createUser(A, 'admin', { all: policy('Allow', '*') })
  rejects(() => w.assume(everything, { RoleArn: other.arn }), 'AccessDenied')
})

test('the root user cannot assume roles, whatever the trust policy says', () => {
  const w = world()
  const role = w.createRole(A, 'app', trust({ AWS: A }))
  rejects(() => w.assume(w.root(A), { RoleArn: role.arn }), 'AccessDenied', 'Roles may not be assumed by root accounts.')
})

test('a role that does not exist is an AccessDenied, and a RoleArn that is no ARN a ValidationError', () => {
  const w = world()
  const user = w.createUser(A, 'alice', { all: policy('Allow', '*') })
  const missing = `arn:aws:iam::${A}:role/nope`
  rejects(() => w.assume(user, { RoleArn: missing }), 'AccessDenied', new RegExp(`^User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${missing}`))
  rejects(() => w.assume(user, { RoleArn: 'not-an-arn-at-all-x' }), 'ValidationError', 'not-an-arn-at-all-x is invalid')
  // With enforcement off the handler still has no role to make a session of.
  const off = world('off')
  const offUser = off.createUser(A, 'alice')
  rejects(() => off.assume(offUser, { RoleArn: missing }), 'AccessDenied', `User: ${offUser.arn} is not authorized to perform: sts:AssumeRole on resource: ${missing}`)
})

test('sts:ExternalId conditions in the trust policy', () => {
  const w = world()
  const user = w.createUser(A, 'vendor')
  const role = w.createRole(A, 'vendor-role', trust({ AWS: user.arn }, ['sts:AssumeRole'], { StringEquals: { 'sts:ExternalId': 'Example987' } }))
  rejects(() => w.assume(user, { RoleArn: role.arn }), 'AccessDenied')
  rejects(() => w.assume(user, { RoleArn: role.arn, ExternalId: 'wrong-id' }), 'AccessDenied')
  assert.ok(w.assume(user, { RoleArn: role.arn, ExternalId: 'Example987' }).Credentials)
})

test('DurationSeconds is bounded by the role’s MaxSessionDuration and by one hour when chaining', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const short = w.createRole(A, 'short', trust({ AWS: user.arn }))
  rejects(() => w.assume(user, { RoleArn: short.arn, DurationSeconds: 3_601 }), 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')
  const long = w.createRole(A, 'long', trust({ AWS: user.arn }), { maxSessionDuration: 14_400 })
  const out = w.assume(user, { RoleArn: long.arn, DurationSeconds: 14_400 })
  assert.equal(out.Credentials.Expiration.toISOString(), '2025-03-01T16:00:00.000Z')

  const session = w.sessionPrincipal(out.Credentials.AccessKeyId)
  const next = w.createRole(A, 'next', trust({ AWS: long.arn }), { maxSessionDuration: 43_200 })
  rejects(
    () => w.assume(session, { RoleArn: next.arn, DurationSeconds: 7_200 }),
    'ValidationError',
    'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  )
  const chained = w.assume(session, { RoleArn: next.arn, DurationSeconds: 3_600 })
  assert.equal((w.sessionPrincipal(chained.Credentials.AccessKeyId) as AssumedRolePrincipal).session.chained, true)
})

test('ECS (ecs-tasks.amazonaws.com) assumes a task role named in the trust policy, for six hours', () => {
  const w = world()
  const role = w.createRole(A, 'task-role', trust({ Service: 'ecs-tasks.amazonaws.com' }, ['sts:AssumeRole'], { StringEquals: { 'aws:SourceAccount': A } }))
  const ecs: Principal = { type: 'AWSService', service: 'ecs-tasks.amazonaws.com', sourceAccount: A, sourceArn: `arn:aws:ecs:us-east-1:${A}:task/c/abc` }
  const out = w.assume(ecs, { RoleArn: role.arn, RoleSessionName: '0123456789abcdef0123456789abcdef', DurationSeconds: 21_600 })
  assert.equal(out.Credentials.Expiration.toISOString(), '2025-03-01T18:00:00.000Z')
  assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${A}:assumed-role/task-role/0123456789abcdef0123456789abcdef`)
  const [row] = w.store.audit.lookup({ account: A, limit: 1 })
  const record = JSON.parse(row!.record)
  assert.deepEqual(record.userIdentity, { type: 'AWSService', invokedBy: 'ecs-tasks.amazonaws.com' })
  assert.equal(record.sourceIPAddress, 'ecs-tasks.amazonaws.com')
  assert.equal(record.eventType, 'AwsApiCall')
  assert.equal(row!.username, undefined)
  const otherAccount: Principal = { ...ecs, sourceAccount: B }
  rejects(() => w.assume(otherAccount, { RoleArn: role.arn }), 'AccessDenied', /^User: ecs-tasks.amazonaws.com is not authorized to perform: sts:AssumeRole/)
  const notTrusted = w.createRole(A, 'no-ecs', trust({ Service: 'ec2.amazonaws.com' }))
  rejects(() => w.assume(ecs, { RoleArn: notTrusted.arn }), 'AccessDenied')
})

test('an inline session policy limits the session to the intersection with the role’s policies', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }), { inlinePolicies: { probe: policy('Allow', ['sts:GetAccessKeyInfo', 'iam:GetRole']) } })
  const plain = w.assume(user, { RoleArn: role.arn })
  assert.equal(w.canProbe(w.sessionPrincipal(plain.Credentials.AccessKeyId)), true)

  const narrowed = w.assume(user, { RoleArn: role.arn, Policy: JSON.stringify(policy('Allow', 'iam:GetRole')) })
  assert.ok(narrowed.PackedPolicySize > 0 && narrowed.PackedPolicySize <= 100)
  const session = w.sessionPrincipal(narrowed.Credentials.AccessKeyId) as AssumedRolePrincipal
  assert.equal(session.session.sessionPolicies.length, 1)
  assert.equal(session.session.sessionPolicies[0]!.kind, 'session')
  assert.equal(w.canProbe(session), false)

  // A session policy cannot grant what the role's own policies do not.
  const widened = w.assume(user, { RoleArn: role.arn, Policy: JSON.stringify(policy('Allow', '*')) })
  assert.equal(w.canProbe(w.sessionPrincipal(widened.Credentials.AccessKeyId)), true)
  const bare = w.createRole(A, 'bare', trust({ AWS: user.arn }))
  const bareSession = w.assume(user, { RoleArn: bare.arn, Policy: JSON.stringify(policy('Allow', '*')) })
  assert.equal(w.canProbe(w.sessionPrincipal(bareSession.Credentials.AccessKeyId)), false)
})

test('session policies are validated and sized', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }))
  rejects(() => w.assume(user, { RoleArn: role.arn, Policy: '{"Version":"2012-10-17","Statement":' }), 'MalformedPolicyDocument')
  const long = JSON.stringify(policy('Allow', Array.from({ length: 200 }, (_, i) => `s3:Action${i}`)))
  assert.ok(long.length > 2048)
  rejects(() => w.assume(user, { RoleArn: role.arn, Policy: long }), 'ValidationError', /at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048$/)
})

test('PolicyArns resolve managed policies of the role’s account as session policies', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }), { inlinePolicies: { all: policy('Allow', '*') } })
  const arn = `arn:aws:iam::${A}:policy/only-iam`
  const managed: ManagedPolicyRecord = {
    accountId: A,
    policyName: 'only-iam',
    policyId: 'ANPAEXAMPLE000000001',
    arn,
    path: '/',
    createDate: '2025-01-01T00:00:00Z',
    updateDate: '2025-01-01T00:00:00Z',
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document: JSON.stringify(policy('Allow', 'iam:*')), createDate: '2025-01-01T00:00:00Z' }],
    nextVersion: 2,
    tags: [],
  }
  w.store.documents.collection<ManagedPolicyRecord>(IAM_COLLECTIONS.policies).put(A, 'only-iam', managed)
  const out = w.assume(user, { RoleArn: role.arn, PolicyArns: [{ arn }] })
  const session = w.sessionPrincipal(out.Credentials.AccessKeyId) as AssumedRolePrincipal
  assert.deepEqual(session.session.sessionPolicies.map((p) => p.id), [arn])
  assert.equal(w.canProbe(session), false)
  rejects(() => w.assume(user, { RoleArn: role.arn, PolicyArns: [{ arn: `arn:aws:iam::${A}:policy/missing` }] }), 'InvalidParameterValue')
})

test('a user deleted and recreated no longer matches the trust policy that named it', () => {
  const w = world()
  const original = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: original.arn }))
  assert.ok(w.assume(original, { RoleArn: role.arn }).Credentials)
  w.deleteUser(A, 'alice')
  const recreated = w.createUser(A, 'alice', { assume: policy('Allow', 'sts:AssumeRole', role.arn) })
  assert.equal(recreated.arn, original.arn)
  rejects(() => w.assume(recreated, { RoleArn: role.arn }), 'AccessDenied')
})

test('MFA codes are refused: taskrole has no MFA devices', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }))
  rejects(() => w.assume(user, { RoleArn: role.arn, SerialNumber: `arn:aws:iam::${A}:mfa/alice`, TokenCode: '123456' }), 'AccessDenied', /^MultiFactorAuthentication failed/)
})

test('the audit record of AssumeRole names the role and never the secret or the token', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: user.arn }))
  const out = w.assume(user, { RoleArn: role.arn, RoleSessionName: 'audited' })
  const [row] = w.store.audit.lookup({ account: A, limit: 1 })
  assert.equal(row!.eventName, 'AssumeRole')
  assert.equal(row!.eventSource, 'sts.amazonaws.com')
  assert.ok(row!.resourceNames.includes(role.arn))
  assert.ok(row!.resourceNames.includes(out.Credentials.AccessKeyId))
  assert.ok(!row!.record.includes(out.Credentials.SecretAccessKey))
  assert.ok(!row!.record.includes(out.Credentials.SessionToken))
  const record = JSON.parse(row!.record)
  assert.equal(record.responseElements.credentials.accessKeyId, out.Credentials.AccessKeyId)
  assert.equal(record.responseElements.credentials.expiration, 'Mar 1, 2025 1:00:00 PM')
  assert.equal(record.responseElements.assumedRoleUser.arn, out.AssumedRoleUser.Arn)
  assert.equal(record.requestParameters.roleSessionName, 'audited')
  assert.deepEqual(record.resources, [{ accountId: A, type: 'AWS::IAM::Role', ARN: role.arn }])

  rejects(() => w.assume(w.createUser(A, 'mallory'), { RoleArn: role.arn }), 'AccessDenied')
  const [denied] = w.store.audit.lookup({ account: A, limit: 1 })
  assert.equal(JSON.parse(denied!.record).errorCode, 'AccessDenied')
  assert.equal(denied!.decision, 'denied')
})

test('audit mode records the denial and issues the session anyway', () => {
  const w = world('audit')
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: B }))
  assert.ok(w.assume(user, { RoleArn: role.arn }).Credentials.AccessKeyId)
  const [row] = w.store.audit.lookup({ account: A, limit: 1 })
  assert.equal(row!.decision, 'audit-denied')
})
