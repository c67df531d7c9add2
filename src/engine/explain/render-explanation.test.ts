//! Rendered explanation lines for the CLI and the audit log.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compilePolicy } from '../compile/compile-policy.js'
import { evaluate } from '../evaluate/evaluate.js'
import { renderExplanation } from './render-explanation.js'

const A = '111122223333'
const principal = { type: 'AssumedRole' as const, arn: `arn:aws:sts::${A}:assumed-role/exec/task`, accountId: A, roleArn: `arn:aws:iam::${A}:role/exec` }

test('an implicit deny: the decision, the reason, the rule and what the policy covers', () => {
  const policy = compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', Resource: '*' }] }), { id: 'logs-only', type: 'role' })
  const lines = renderExplanation(evaluate({ principal, action: 'ecr:GetAuthorizationToken', resource: '*', context: {} }, { identity: [policy] }))
  assert.deepEqual(lines, [
    `denied (implicit deny): \`${principal.arn}\` performing \`ecr:GetAuthorizationToken\``,
    'reason: because no identity-based policy allows the ecr:GetAuthorizationToken action',
    'rule: no identity-based policy allows the action',
    'identity-based policy `logs-only` allows nothing here',
    '  its only statement does not cover `ecr:GetAuthorizationToken`',
  ])
})

test('a trust policy grant names the policy kind and how the principal matched', () => {
  const trust = compilePolicy(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), {
    id: `arn:aws:iam::${A}:role/exec`,
    type: 'Role Trust Policy',
  })
  const lines = renderExplanation(
    evaluate(
      { principal: { type: 'AWSService', arn: 'ecs-tasks.amazonaws.com', service: 'ecs-tasks.amazonaws.com' }, action: 'sts:AssumeRole', resource: `arn:aws:iam::${A}:role/exec`, context: {} },
      { identity: [], resource: trust, resourcePolicyMustGrant: true },
    ),
  )
  assert.ok(lines.includes(`role trust policy \`arn:aws:iam::${A}:role/exec\` allows`))
  assert.ok(lines.includes('  statement #1 (line 1, column 38) matches: allows, principal matched by name'))
  assert.ok(!lines.includes('the resource is in another account than the principal'), 'services have no account of their own')
})

test('a decision made without the engine renders one line instead of failing', () => {
  const lines = renderExplanation({ decision: 'allowed', matchedStatements: [], missingContextValues: [], explanation: {} as never })
  assert.deepEqual(lines, ['allowed (not evaluated by the policy engine)'])
})
