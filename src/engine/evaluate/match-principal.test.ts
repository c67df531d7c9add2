//! Principal and NotPrincipal matching: grant strength, root, services, recorded unique ids.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compilePrincipal } from '../compile/compile-principal.js'
import type { RequestPrincipal } from './authorization-request.js'
import { notPrincipalApplies, principalGrant, roleArnOf } from './match-principal.js'

const A = '111122223333'
const session: RequestPrincipal = {
  type: 'AssumedRole',
  arn: `arn:aws:sts::${A}:assumed-role/app/s1`,
  accountId: A,
  roleArn: `arn:aws:iam::${A}:role/svc/app`,
  uniqueId: 'AROAAPPAPPAPPAPPAPP1',
}
const user: RequestPrincipal = { type: 'IAMUser', arn: `arn:aws:iam::${A}:user/bob`, accountId: A, uniqueId: 'AIDABOBBOBBOBBOBBOB1' }
const root: RequestPrincipal = { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A }
const ecsTasks: RequestPrincipal = { type: 'AWSService', arn: 'ecs-tasks.amazonaws.com', service: 'ecs-tasks.amazonaws.com' }

const grant = (element: unknown, principal: RequestPrincipal, ids?: Record<string, string>) => principalGrant(compilePrincipal(element as never, ids), principal)

test('the strongest match wins: session ARN > role ARN > account', () => {
  assert.equal(grant({ AWS: [A, `arn:aws:iam::${A}:role/svc/app`, session.arn] }, session), 'direct')
  assert.equal(grant({ AWS: [A, `arn:aws:iam::${A}:role/svc/app`] }, session), 'role')
  assert.equal(grant({ AWS: `arn:aws:iam::${A}:root` }, session), 'account')
  assert.equal(grant({ AWS: `arn:aws:iam::${A}:role/app` }, session), undefined, 'the role path is part of the ARN')
})

test('root is named by its account, directly', () => {
  assert.equal(grant({ AWS: A }, root), 'direct')
  assert.equal(grant({ AWS: `arn:aws:iam::${A}:user/bob` }, root), undefined)
})

test('services only by name, never by "*" or an account', () => {
  assert.equal(grant({ Service: 'ECS-TASKS.amazonaws.com' }, ecsTasks), 'direct')
  assert.equal(grant('*', ecsTasks), undefined)
  assert.equal(grant({ AWS: A }, ecsTasks), undefined)
})

test('unique ids recorded at write time must still hold', () => {
  const roleArn = `arn:aws:iam::${A}:role/svc/app`
  assert.equal(grant({ AWS: roleArn }, session, { [roleArn]: 'AROAAPPAPPAPPAPPAPP1' }), 'role')
  assert.equal(grant({ AWS: roleArn }, session, { [roleArn]: 'AROAOLDOLDOLDOLDOLD1' }), undefined)
  assert.equal(grant({ AWS: 'AIDABOBBOBBOBBOBBOB1' }, user), 'direct', 'a raw unique id names that entity')
})

test('NotPrincipal applies unless every identity of the caller is listed', () => {
  const listed = (values: string[], who: RequestPrincipal) => notPrincipalApplies(compilePrincipal({ AWS: values }, undefined), who)
  assert.equal(listed([user.arn, A], user), false)
  assert.equal(listed([user.arn], user), true)
  assert.equal(listed([A], root), false)
  assert.equal(listed([session.arn, session.roleArn!, A], session), false)
  assert.equal(listed([session.roleArn!, A], session), true)
  assert.equal(notPrincipalApplies(compilePrincipal('*', undefined), user), false)
  assert.equal(notPrincipalApplies(compilePrincipal({ Service: 'ecs-tasks.amazonaws.com' }, undefined), ecsTasks), false)
})

test('a session without roleArn gets one from its session ARN', () => {
  assert.equal(roleArnOf({ type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/app/s1`, accountId: A }), `arn:aws:iam::${A}:role/app`)
})
