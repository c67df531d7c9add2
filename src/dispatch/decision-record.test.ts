//! The stored decision record: compact on disk, rendered exactly as the full decision.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AuthorizationOutcome } from '../authz/index.js'
import { compilePolicy, evaluate, renderExplanation, type Decision } from '../engine/index.js'
import { decisionRecord, expandDecisionRecord } from './decision-record.js'

const A = '111122223333'
const principal = { type: 'IAMUser' as const, arn: `arn:aws:iam::${A}:user/dev`, accountId: A, uniqueId: 'AIDAEXAMPLE' }
const filler = Array.from({ length: 12 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: `s3:Get${i}*`, Resource: '*' }))
const policy = compilePolicy(
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [...filler, { Sid: 'Team', Effect: 'Allow', Action: 'iam:GetRole', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }],
  }),
  { id: 'team-reads', type: 'user' },
)

function outcome(team: string): AuthorizationOutcome {
  const requirement = { action: 'iam:GetRole', resource: `arn:aws:iam::${A}:role/app` }
  const decision = evaluate({ ...requirement, principal, context: { 'aws:PrincipalTag/team': team } }, { identity: [policy] })
  return { decision, permitted: decision.decision === 'allowed', requirement }
}

test('a denial keeps only the statements that cover the action, and renders as the full decision does', () => {
  const full = outcome('red')
  const stored = JSON.parse(JSON.stringify(decisionRecord(full)))
  assert.equal(stored.explanation.policies[0].statements.length, 1, 'only the statement that covers iam:GetRole is stored')
  assert.deepEqual(stored.explanation.policies[0].notForAction, [...filler.keys()])
  const expanded = expandDecisionRecord(stored)
  const lines = renderExplanation(expanded as unknown as Decision)
  assert.deepEqual(lines, renderExplanation(full.decision))
  assert.ok(lines.includes('    condition `StringEquals` on `aws:PrincipalTag/team`: request [`red`], policy [`blue`]: false'), lines.join('\n'))
  assert.ok(lines.includes('  12 of its 13 statements do not cover `iam:GetRole`'), lines.join('\n'))
})

test('an allowed decision keeps the statements that allowed it, and its explanation is never built', () => {
  const full = outcome('blue')
  let built = false
  const decision = Object.create(full.decision, { explanation: { get: () => ((built = true), full.decision.explanation) } }) as Decision
  const record = JSON.parse(JSON.stringify(decisionRecord({ ...full, decision })))
  assert.equal(built, false)
  assert.equal(record.explanation, undefined)
  assert.deepEqual(record.matchedStatements, [{ sourcePolicyId: 'team-reads', sourcePolicyType: 'user', ...positionsOf(full.decision) }])
})

function positionsOf(decision: Decision) {
  const [statement] = decision.matchedStatements
  return { startPosition: statement!.startPosition, endPosition: statement!.endPosition }
}

test('a decision made without evaluation (enforcement off) says so', () => {
  const record = decisionRecord({
    decision: { decision: 'allowed', matchedStatements: [], missingContextValues: [], explanation: { evaluated: false } as never },
    permitted: true,
    requirement: { action: 'iam:GetRole', resource: '*' },
    notEvaluated: true,
  })
  assert.equal(record.evaluated, false)
  assert.equal(record.explanation, undefined)
  assert.deepEqual(expandDecisionRecord(record), record)
})
