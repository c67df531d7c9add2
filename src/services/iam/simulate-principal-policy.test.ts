//! Unit tests of simulate-principal-policy.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ECS_TASKS_TRUST, TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'

test('a role: inline and AWS managed policies, with positions, one result per action', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'exec', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  callIam(ctx, 'AttachRolePolicy', { RoleName: 'exec', PolicyArn: EXECUTION_POLICY })
  callIam(ctx, 'PutRolePolicy', { RoleName: 'exec', PolicyName: 'secrets', PolicyDocument: allowPolicy('secretsmanager:GetSecretValue') })
  const out = callIam(ctx, 'SimulatePrincipalPolicy', {
    PolicySourceArn: `arn:aws:iam::${TEST_ACCOUNT}:role/exec`,
    ActionNames: ['ecr:GetAuthorizationToken', 'secretsmanager:GetSecretValue', 'kms:Decrypt'],
  })
  assert.equal(out.IsTruncated, false)
  const [ecr, secrets, kms] = out.EvaluationResults
  assert.equal(ecr.EvalDecision, 'allowed')
  assert.equal(ecr.EvalResourceName, '*')
  assert.deepEqual(
    ecr.MatchedStatements.map((s: { SourcePolicyId: string; SourcePolicyType: string }) => [s.SourcePolicyId, s.SourcePolicyType]),
    [['AmazonECSTaskExecutionRolePolicy', 'aws-managed']],
  )
  assert.equal(secrets.EvalDecision, 'allowed')
  assert.deepEqual(secrets.MatchedStatements[0], {
    SourcePolicyId: 'secrets',
    SourcePolicyType: 'role',
    StartPosition: { Line: 1, Column: 38 },
    EndPosition: { Line: 1, Column: 112 },
  })
  assert.equal(kms.EvalDecision, 'implicitDeny')
  assert.deepEqual(kms.MatchedStatements, [])
  assert.equal(ecr.ResourceSpecificResults, undefined)
})

test('a user: its groups\' policies count, explicit deny wins, a boundary limits, input policies add', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'dev' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  callIam(ctx, 'AddUserToGroup', { GroupName: 'g', UserName: 'dev' })
  callIam(ctx, 'PutGroupPolicy', { GroupName: 'g', PolicyName: 'all-s3', PolicyDocument: allowPolicy('s3:*') })
  const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }] })
  callIam(ctx, 'PutUserPolicy', { UserName: 'dev', PolicyName: 'no-delete', PolicyDocument: deny })
  const source = `arn:aws:iam::${TEST_ACCOUNT}:user/dev`
  const results = callIam(ctx, 'SimulatePrincipalPolicy', {
    PolicySourceArn: source,
    ActionNames: ['s3:GetObject', 's3:DeleteBucket', 'ecs:RunTask'],
    ResourceArns: ['arn:aws:s3:::bucket/key'],
    PolicyInputList: [allowPolicy('ecs:RunTask')],
  }).EvaluationResults
  assert.deepEqual(
    results.map((r: { EvalDecision: string }) => r.EvalDecision),
    ['allowed', 'explicitDeny', 'allowed'],
  )
  assert.equal(results[0].MatchedStatements[0].SourcePolicyType, 'group')
  assert.equal(results[1].MatchedStatements[0].SourcePolicyId, 'no-delete')
  assert.equal(results[2].MatchedStatements[0].SourcePolicyId, 'PolicyInputList.1')
  assert.equal(results[2].MatchedStatements[0].SourcePolicyType, 'IAM Policy')
  assert.deepEqual(results[0].ResourceSpecificResults.map((r: { EvalResourceName: string; EvalResourceDecision: string }) => [r.EvalResourceName, r.EvalResourceDecision]), [
    ['arn:aws:s3:::bucket/key', 'allowed'],
  ])
  const bounded = callIam(ctx, 'SimulatePrincipalPolicy', {
    PolicySourceArn: source,
    ActionNames: ['s3:GetObject', 's3:PutObject'],
    PermissionsBoundaryPolicyInputList: [allowPolicy('s3:GetObject')],
  }).EvaluationResults
  assert.deepEqual(bounded.map((r: { EvalDecision: string }) => r.EvalDecision), ['allowed', 'implicitDeny'])
  assert.deepEqual(bounded[1].PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: false })
  assert.deepEqual(bounded[0].PermissionsBoundaryDecisionDetail, { AllowedByPermissionsBoundary: true })
})

test('context entries feed conditions; keys a condition needs and lacks are MissingContextValues', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  const conditional = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } }],
  })
  callIam(ctx, 'PutUserPolicy', { UserName: 'u', PolicyName: 'pass', PolicyDocument: conditional })
  const input = { PolicySourceArn: `arn:aws:iam::${TEST_ACCOUNT}:user/u`, ActionNames: ['iam:PassRole'] }
  const missing = callIam(ctx, 'SimulatePrincipalPolicy', input).EvaluationResults[0]
  assert.equal(missing.EvalDecision, 'implicitDeny')
  assert.deepEqual(missing.MissingContextValues, ['iam:PassedToService'])
  const given = callIam(ctx, 'SimulatePrincipalPolicy', {
    ...input,
    ContextEntries: [{ ContextKeyName: 'iam:PassedToService', ContextKeyValues: ['ecs-tasks.amazonaws.com'], ContextKeyType: 'string' }],
  }).EvaluationResults[0]
  assert.equal(given.EvalDecision, 'allowed')
})

test('MaxItems and Marker page the results', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  const input = { PolicySourceArn: `arn:aws:iam::${TEST_ACCOUNT}:role/r`, ActionNames: ['s3:A', 's3:B', 's3:C'], MaxItems: 2 }
  const first = callIam(ctx, 'SimulatePrincipalPolicy', input)
  assert.deepEqual(first.EvaluationResults.map((r: { EvalActionName: string }) => r.EvalActionName), ['s3:A', 's3:B'])
  assert.equal(first.IsTruncated, true)
  const second = callIam(ctx, 'SimulatePrincipalPolicy', { ...input, Marker: first.Marker })
  assert.deepEqual(second.EvaluationResults.map((r: { EvalActionName: string }) => r.EvalActionName), ['s3:C'])
})

test('an unknown source entity is NoSuchEntity; a non-entity ARN is InvalidInput', () => {
  const ctx = fakeCallContext()
  assert.deepEqual(failure(() => callIam(ctx, 'SimulatePrincipalPolicy', { PolicySourceArn: `arn:aws:iam::${TEST_ACCOUNT}:role/ghost`, ActionNames: ['s3:A'] })), {
    code: 'NoSuchEntity',
    message: 'The role with name ghost cannot be found.',
    status: 404,
  })
  assert.equal(failure(() => callIam(ctx, 'SimulatePrincipalPolicy', { PolicySourceArn: 'arn:aws:s3:::bucket', ActionNames: ['s3:A'] })).code, 'InvalidInput')
})
