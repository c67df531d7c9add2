import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { AssumedRolePrincipal } from '../../auth/index.js'
import { stsService } from './index.js'
import { policy, rejectsWith as rejects, stsTestWorld, trust } from './sts-test-world.js'

const A = '111122223333'

const world = () => stsTestWorld({ services: [stsService] })

test('session tags need sts:TagSession and become aws:PrincipalTag for the session', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const probeIfTeamBlue = policy('Allow', 'sts:GetAccessKeyInfo', '*', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } })
  const untaggable = w.createRole(A, 'untaggable', trust({ AWS: user.arn }))
  rejects(
    () => w.assume(user, { RoleArn: untaggable.arn, Tags: [{ Key: 'team', Value: 'blue' }] }),
    'AccessDenied',
    new RegExp(`^User: ${user.arn} is not authorized to perform: sts:TagSession on resource: ${untaggable.arn}`),
  )
  const role = w.createRole(A, 'abac', trust({ AWS: user.arn }, ['sts:AssumeRole', 'sts:TagSession']), {
    inlinePolicies: { abac: probeIfTeamBlue },
    tags: [{ Key: 'team', Value: 'red' }],
  })
  const red = w.assume(user, { RoleArn: role.arn })
  assert.equal(w.canProbe(w.sessionPrincipal(red.Credentials.AccessKeyId)), false)
  const blue = w.assume(user, { RoleArn: role.arn, Tags: [{ Key: 'team', Value: 'blue' }] })
  assert.ok(blue.PackedPolicySize > 0)
  const session = w.sessionPrincipal(blue.Credentials.AccessKeyId) as AssumedRolePrincipal
  assert.deepEqual(session.session.tags, { team: 'blue' })
  // Session tags override the role's own tag of the same key.
  assert.equal(w.canProbe(session), true)
})

test('aws:RequestTag conditions on sts:TagSession', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: user.arn }, Action: 'sts:TagSession', Condition: { StringEquals: { 'aws:RequestTag/dept': ['eng', 'ops'] } } },
    ],
  })
  rejects(() => w.assume(user, { RoleArn: role.arn, Tags: [{ Key: 'dept', Value: 'sales' }] }), 'AccessDenied')
  assert.ok(w.assume(user, { RoleArn: role.arn, Tags: [{ Key: 'dept', Value: 'eng' }] }).Credentials)
})

test('transitive tags pass down a role chain and cannot be overridden', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const first = w.createRole(A, 'first', trust({ AWS: user.arn }, ['sts:AssumeRole', 'sts:TagSession']))
  rejects(
    () => w.assume(user, { RoleArn: first.arn, Tags: [{ Key: 'a', Value: '1' }], TransitiveTagKeys: ['b'] }),
    'InvalidParameterValue',
    'The specified transitive tag key must be included in the requested tags.',
  )
  rejects(
    () => w.assume(user, { RoleArn: first.arn, Tags: [{ Key: 'Star', Value: '1' }, { Key: 'star', Value: '2' }] }),
    'InvalidParameterValue',
    'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  )
  const one = w.assume(user, { RoleArn: first.arn, Tags: [{ Key: 'Star', Value: '1' }, { Key: 'Heart', Value: '1' }], TransitiveTagKeys: ['Star'] })
  const session1 = w.sessionPrincipal(one.Credentials.AccessKeyId)

  // Incoming transitive tags are session tags of the next session too, so its trust policy must allow tagging.
  const untaggable = w.createRole(A, 'untaggable', trust({ AWS: first.arn }))
  rejects(() => w.assume(session1, { RoleArn: untaggable.arn }), 'AccessDenied', /sts:TagSession/)
  const second = w.createRole(A, 'second', trust({ AWS: first.arn }, ['sts:AssumeRole', 'sts:TagSession']))
  rejects(
    () => w.assume(session1, { RoleArn: second.arn, Tags: [{ Key: 'STAR', Value: '3' }] }),
    'InvalidParameterValue',
    "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
  )
  const two = w.assume(session1, { RoleArn: second.arn, Tags: [{ Key: 'Heart', Value: '2' }] })
  const session2 = w.sessionPrincipal(two.Credentials.AccessKeyId) as AssumedRolePrincipal
  assert.deepEqual(session2.session.tags, { Star: '1', Heart: '2' })
  assert.deepEqual(session2.session.transitiveTagKeys, ['Star'])
})

test('SourceIdentity needs sts:SetSourceIdentity and stays with the chain', () => {
  const w = world()
  const user = w.createUser(A, 'alice')
  const plain = w.createRole(A, 'plain', trust({ AWS: user.arn }))
  rejects(() => w.assume(user, { RoleArn: plain.arn, SourceIdentity: 'alice' }), 'AccessDenied', /sts:SetSourceIdentity/)
  const role = w.createRole(A, 'sourced', trust({ AWS: user.arn }, ['sts:AssumeRole', 'sts:SetSourceIdentity']))
  const out = w.assume(user, { RoleArn: role.arn, SourceIdentity: 'alice' })
  assert.equal(out.SourceIdentity, 'alice')
  const session = w.sessionPrincipal(out.Credentials.AccessKeyId)
  const next = w.createRole(A, 'next', trust({ AWS: role.arn }, ['sts:AssumeRole', 'sts:SetSourceIdentity'], { StringEquals: { 'sts:SourceIdentity': 'alice' } }))
  const chained = w.assume(session, { RoleArn: next.arn })
  assert.equal(chained.SourceIdentity, 'alice')
})
