//! AWS's enriched AccessDenied sentences, with the denying policy's ARN where AWS now names it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Principal } from '../auth/index.js'
import { accessDeniedMessage } from './access-denied.js'

const A = '123456789012'
const user: Principal = { type: 'IAMUser', accountId: A, arn: `arn:aws:iam::${A}:user/Matt`, userId: 'AIDAEXAMPLE', userName: 'Matt', path: '/', accessKeyId: 'AKIAEXAMPLE' }
const getRole = { action: 'iam:GetRole', resource: `arn:aws:iam::${A}:role/app`, resourceAccount: A }

test('an implicit deny names the action twice, as AWS words it', () => {
  assert.equal(
    accessDeniedMessage(user, getRole, { denialReason: 'because no identity-based policy allows the iam:GetRole action' }),
    `User: arn:aws:iam::${A}:user/Matt is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${A}:role/app because no identity-based policy allows the iam:GetRole action`,
  )
})

test('an explicit deny by a managed policy names its ARN (AWS Security Blog, enhanced messages with policy ARNs)', () => {
  const policy = `arn:aws:iam::${A}:policy/DenyGetRole`
  assert.equal(
    accessDeniedMessage(user, getRole, { denialReason: 'with an explicit deny in an identity-based policy', denyingPolicyId: policy }),
    `User: arn:aws:iam::${A}:user/Matt is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${A}:role/app with an explicit deny in an identity-based policy: ${policy}`,
  )
  assert.match(
    accessDeniedMessage(user, getRole, { denialReason: 'with an explicit deny in a permissions boundary', denyingPolicyId: policy }),
    /with an explicit deny in a permissions boundary: arn:aws:iam::123456789012:policy\/DenyGetRole$/,
  )
})

test('inline policies have no ARN, resource-based policies and cross-account requests are not named', () => {
  const inline = accessDeniedMessage(user, getRole, { denialReason: 'with an explicit deny in an identity-based policy', denyingPolicyId: 'deny-inline' })
  assert.ok(inline.endsWith('with an explicit deny in an identity-based policy'), inline)
  const resource = accessDeniedMessage(user, getRole, { denialReason: 'with an explicit deny in a resource-based policy', denyingPolicyId: `arn:aws:iam::${A}:role/app` })
  assert.ok(resource.endsWith('with an explicit deny in a resource-based policy'), resource)
  const other = { ...getRole, resource: 'arn:aws:iam::210987654321:role/app', resourceAccount: '210987654321' }
  const crossAccount = accessDeniedMessage(user, other, { denialReason: 'with an explicit deny in an identity-based policy', denyingPolicyId: `arn:aws:iam::${A}:policy/D` })
  assert.ok(crossAccount.endsWith('with an explicit deny in an identity-based policy'), crossAccount)
})

test('an action on no resource leaves "on resource" out (IAM and CloudTrail wording)', () => {
  assert.equal(
    accessDeniedMessage(user, { action: 'cloudtrail:LookupEvents', resource: '*' }, { denialReason: 'because no identity-based policy allows the cloudtrail:LookupEvents action' }),
    `User: arn:aws:iam::${A}:user/Matt is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action`,
  )
})
