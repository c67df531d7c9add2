//! evaluate(): context key case, invalid statements, the lazily built explanation, empty policy sets.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compilePolicy } from '../compile/compile-policy.js'
import { evaluate } from './evaluate.js'

const A = '111122223333'
const alice = { type: 'IAMUser' as const, arn: `arn:aws:iam::${A}:user/alice`, accountId: A }
const compile = (document: object, type = 'IAM Policy') => compilePolicy(JSON.stringify(document), { id: type, type })

test('context keys are found whatever their case, and the request is not changed', () => {
  const policy = compile({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } }] })
  const context = { 'AWS:REQUESTEDREGION': 'us-east-1' }
  const decision = evaluate({ principal: alice, action: 's3:ListBucket', resource: 'arn:aws:s3:::b', context }, { identity: [policy] })
  assert.equal(decision.decision, 'allowed')
  assert.deepEqual(context, { 'AWS:REQUESTEDREGION': 'us-east-1' })
})

test('a statement whose Effect is invalid never applies and says why', () => {
  const policy = compile({ Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] })
  const decision = evaluate({ principal: alice, action: 's3:ListBucket', resource: '*', context: {} }, { identity: [policy] })
  assert.equal(decision.decision, 'implicitDeny')
  assert.equal(decision.explanation.policies[0]!.statements[0]!.outcome, 'invalid')
})

test('the explanation is built once, on first read', () => {
  const policy = compile({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })
  const decision = evaluate({ principal: alice, action: 's3:ListBucket', resource: '*', context: {} }, { identity: [policy] })
  assert.equal(decision.explanation, decision.explanation)
  assert.equal(decision.explanation.rule, 'identity-based policies allow')
})

test('an empty policy set denies every principal but root', () => {
  const request = { action: 'ecs:ListClusters', resource: '*', context: {} }
  assert.equal(evaluate({ ...request, principal: alice }, { identity: [] }).decision, 'implicitDeny')
  assert.equal(evaluate({ ...request, principal: { type: 'Root', arn: `arn:aws:iam::${A}:root`, accountId: A } }, { identity: [] }).decision, 'allowed')
})
