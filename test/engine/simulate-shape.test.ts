//! What each decision carries for IAM's simulate APIs and for explanations (IAM API Reference,
//! "EvaluationResult", "Statement", "Position"): EvalDecision, MatchedStatements with source policy ids and
//! begin/end positions, MissingContextValues, PermissionsBoundaryDecisionDetail, per-condition details.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compilePolicy, evaluate, renderExplanation } from '../../src/engine/index.js'
import { ACCOUNT, allow, policy, principals, request } from './engine-test-kit.js'

const TEXT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadTeamBucket",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::team-bucket/*"
    },
    {
      "Sid": "DenyOutsideVpce",
      "Effect": "Deny",
      "Action": "s3:*",
      "Resource": "*",
      "Condition": { "StringNotEqualsIfExists": { "aws:SourceVpce": "vpce-1a2b3c4d" } }
    }
  ]
}`

const teamPolicy = compilePolicy(TEXT, { id: 'arn:aws:iam::111122223333:policy/team', type: 'user-managed' })
const alice = principals.user('Alice')

test('MatchedStatements positions as AWS reports them: the AWS CLI simulate-custom-policy example', () => {
  // AWS CLI Command Reference, iam simulate-custom-policy, Example 1: StartPosition Line 1 Column 38,
  // EndPosition Line 1 Column 167 for this one-line policy.
  const text =
    '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}'
  const decision = evaluate(request(alice, 'dynamodb:CreateBackup', '*', { 'aws:CurrentTime': '2019-04-25T11:00:00Z' }), {
    identity: [compilePolicy(text, { id: 'PolicyInputList.1', type: 'IAM Policy' })],
  })
  assert.equal(decision.decision, 'allowed')
  assert.deepEqual(decision.matchedStatements, [
    { sourcePolicyId: 'PolicyInputList.1', sourcePolicyType: 'IAM Policy', startPosition: { line: 1, column: 38 }, endPosition: { line: 1, column: 167 } },
  ])
})

test('MatchedStatements positions for statements in a list (recorded simulate-custom-policy responses)', () => {
  // A role policy as json.dumps writes it: AWS answered StartPosition Column 41, EndPosition Column 180.
  const role = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 's3', Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::tims-fancy-bucket/only-here/*'] }] })
    .replace(/":/g, '": ')
    .replace(/,"/g, ', "')
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::tims-fancy-bucket/only-here/some-obj'), {
    identity: [compilePolicy(role, { id: 'PolicyInputList.1', type: 'IAM Policy' })],
  })
  assert.deepEqual(decision.matchedStatements.map((s) => [s.startPosition.column, s.endPosition.column]), [[41, 180]])
})

test('MatchedStatements of a pretty-printed policy: from after the preceding token to after the closing brace', () => {
  const allowed = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::team-bucket/a.txt', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }), { identity: [teamPolicy] })
  assert.equal(allowed.decision, 'allowed')
  assert.deepEqual(allowed.matchedStatements, [
    {
      sourcePolicyId: 'arn:aws:iam::111122223333:policy/team',
      sourcePolicyType: 'user-managed',
      startPosition: { line: 3, column: 17 },
      endPosition: { line: 9, column: 6 },
    },
  ])
  // Explanations point at the statement's own braces.
  const read = allowed.explanation.policies[0]!.statements[0]!
  assert.deepEqual([read.startPosition, read.endPosition], [{ line: 4, column: 5 }, { line: 9, column: 6 }])
})

test('an explicit deny lists the Deny statement and names the denying policy', () => {
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::team-bucket/a.txt', { 'aws:SourceVpce': 'vpce-ffff' }), { identity: [teamPolicy] })
  assert.equal(decision.decision, 'explicitDeny')
  assert.equal(decision.denialReason, 'with an explicit deny in an identity-based policy')
  assert.equal(decision.denyingPolicyId, 'arn:aws:iam::111122223333:policy/team')
  // The second statement starts where the first one ended (AWS's parser position after the previous `}`).
  assert.deepEqual(
    decision.matchedStatements.map((s) => [s.startPosition, s.endPosition]),
    [[{ line: 9, column: 6 }, { line: 16, column: 6 }]],
  )
})

test('an implicit deny has no matched statements', () => {
  const decision = evaluate(request(alice, 's3:PutObject', 'arn:aws:s3:::team-bucket/a.txt', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }), { identity: [teamPolicy] })
  assert.equal(decision.decision, 'implicitDeny')
  assert.deepEqual(decision.matchedStatements, [])
})

test('MissingContextValues lists the keys conditions asked for and the request lacked', () => {
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::team-bucket/a.txt'), { identity: [teamPolicy] })
  // StringNotEqualsIfExists with the key absent is true, so the Deny applies.
  assert.equal(decision.decision, 'explicitDeny')
  assert.deepEqual(decision.missingContextValues, ['aws:SourceVpce'])
})

test('MissingContextValues includes policy variables without a value, once', () => {
  const compiled = policy('identity', {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } },
    ],
  })
  const decision = evaluate(request(principals.session('r', 's'), 's3:GetObject', 'arn:aws:s3:::home/x/y'), { identity: [compiled] })
  assert.equal(decision.decision, 'implicitDeny')
  assert.deepEqual(decision.missingContextValues, ['aws:username', 'aws:ResourceTag/owner'])
})

test('PermissionsBoundaryDecisionDetail: allowed, not allowed, and absent without a boundary', () => {
  const base = request(alice, 'ec2:RunInstances')
  const identity = [policy('identity', allow('ec2:*'))]
  assert.equal(evaluate(base, { identity, boundary: policy('boundary', allow('ec2:*')) }).permissionsBoundaryAllowed, true)
  assert.equal(evaluate(base, { identity, boundary: policy('boundary', allow('s3:*')) }).permissionsBoundaryAllowed, false)
  assert.equal(evaluate(base, { identity }).permissionsBoundaryAllowed, undefined)
})

test('the explanation records each statement and each condition with request and policy values', () => {
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::team-bucket/a.txt', { 'aws:SourceVpce': 'vpce-ffff' }), { identity: [teamPolicy] })
  const explanation = decision.explanation
  assert.equal(explanation.decision, 'explicitDeny')
  assert.equal(explanation.decisionDetails.identity, 'explicitDeny')
  const [read, denyStatement] = explanation.policies[0]!.statements
  assert.equal(read!.outcome, 'matched')
  assert.equal(read!.sid, 'ReadTeamBucket')
  assert.equal(denyStatement!.outcome, 'matched')
  assert.deepEqual(denyStatement!.conditions, [
    { operator: 'StringNotEqualsIfExists', key: 'aws:SourceVpce', requestValues: ['vpce-ffff'], policyValues: ['vpce-1a2b3c4d'], result: true },
  ])
})

test('the explanation says why a statement did not apply', () => {
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::other-bucket/a.txt', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }), { identity: [teamPolicy] })
  const outcomes = decision.explanation.policies[0]!.statements.map((s) => s.outcome)
  assert.deepEqual(outcomes, ['resource not matched', 'condition not met'])
  assert.match(decision.explanation.rule, /no identity-based policy allows/)
})

test('resource-based policies record how their Principal matched', () => {
  const role = `arn:aws:iam::${ACCOUNT}:role/app`
  const decision = evaluate(request(principals.session('app', 's1'), 's3:GetObject', 'arn:aws:s3:::b/k'), {
    identity: [],
    resource: policy('resource', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: role }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }),
  })
  assert.equal(decision.decision, 'allowed')
  assert.equal(decision.explanation.policies[0]!.statements[0]!.grant, 'role')
  assert.match(decision.explanation.rule, /names the role/)
})

test('renderExplanation: one lower-case line each, no final period, user input in backticks', () => {
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::team-bucket/a.txt', { 'aws:SourceVpce': 'vpce-ffff' }), { identity: [teamPolicy] })
  const lines = renderExplanation(decision)
  assert.equal(lines[0], 'denied (explicit deny): `arn:aws:iam::111122223333:user/Alice` performing `s3:GetObject` on `arn:aws:s3:::team-bucket/a.txt`')
  assert.equal(lines[1], 'reason: with an explicit deny in an identity-based policy')
  assert.ok(lines.some((line) => line.includes('statement `DenyOutsideVpce` (line 10, column 5) matches: denies')))
  assert.ok(lines.some((line) => line.includes('condition `StringNotEqualsIfExists` on `aws:SourceVpce`: request [`vpce-ffff`], policy [`vpce-1a2b3c4d`]: true')))
  for (const line of lines) {
    assert.ok(!line.includes('\n'), 'one line each')
    assert.ok(!line.endsWith('.'), `no final period: ${line}`)
    assert.equal(line[0], line[0]!.toLowerCase(), `lower-case start: ${line}`)
  }
})

test('JSON.stringify of a decision includes its explanation', () => {
  const decision = evaluate(request(alice, 's3:GetObject', 'arn:aws:s3:::team-bucket/a.txt', { 'aws:SourceVpce': 'vpce-1a2b3c4d' }), { identity: [teamPolicy] })
  const json = JSON.parse(JSON.stringify(decision))
  assert.equal(json.decision, 'allowed')
  assert.equal(json.explanation.policies[0].id, 'arn:aws:iam::111122223333:policy/team')
  assert.equal(json.explanation.policies[0].statements.length, 2)
})
