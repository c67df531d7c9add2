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

test('the stored record keeps only the statements that cover the action, and renders as the full decision does', () => {
  for (const team of ['blue', 'red']) {
    const full = outcome(team)
    const stored = JSON.parse(JSON.stringify(decisionRecord(full)))
    assert.equal(stored.explanation.policies[0].statements.length, 1, 'only the statement that covers iam:GetRole is stored')
    assert.deepEqual(stored.explanation.policies[0].notForAction, [...filler.keys()])
    const expanded = expandDecisionRecord(stored)
    assert.deepEqual(renderExplanation({ ...expanded, decision: full.decision.decision } as unknown as Decision), renderExplanation(full.decision))
  }
  const red = renderExplanation(expandDecisionRecord(JSON.parse(JSON.stringify(decisionRecord(outcome('red'))))) as unknown as Decision)
  assert.ok(red.includes('    condition `StringEquals` on `aws:PrincipalTag/team`: request [`red`], policy [`blue`]: false'), red.join('\n'))
  assert.ok(red.includes('  12 of its 13 statements do not cover `iam:GetRole`'), red.join('\n'))
})

test('a decision made without evaluation (enforcement off) is stored as it is', () => {
  const record = decisionRecord({
    decision: { decision: 'allowed', matchedStatements: [], missingContextValues: [], explanation: { evaluated: false } as never },
    permitted: true,
    requirement: { action: 'iam:GetRole', resource: '*' },
  })
  assert.deepEqual(record.explanation, { evaluated: false })
  assert.deepEqual(expandDecisionRecord(record), record)
})
