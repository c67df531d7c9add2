//! Unit tests of simulate-custom-policy.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TEST_ACCOUNT, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

test('input policies are evaluated as a user of the account, never as root', () => {
  const ctx = fakeCallContext()
  const out = callIam(ctx, 'SimulateCustomPolicy', {
    PolicyInputList: [allowPolicy('dynamodb:CreateBackup')],
    ActionNames: ['dynamodb:CreateBackup', 'dynamodb:DeleteTable'],
  })
  assert.deepEqual(
    out.EvaluationResults.map((r: { EvalDecision: string }) => r.EvalDecision),
    ['allowed', 'implicitDeny'],
  )
  assert.deepEqual(out.EvaluationResults[0].MatchedStatements[0].SourcePolicyId, 'PolicyInputList.1')
  assert.deepEqual(out.EvaluationResults[0].MatchedStatements[0].SourcePolicyType, 'IAM Policy')
})

test('a date condition with aws:CurrentTime from ContextEntries (the AWS CLI reference example)', () => {
  const ctx = fakeCallContext()
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: {
      Effect: 'Allow',
      Action: 'dynamodb:CreateBackup',
      Resource: '*',
      Condition: { DateGreaterThan: { 'aws:CurrentTime': '2018-08-16T12:00:00Z' } },
    },
  })
  const run = (time?: string) =>
    callIam(ctx, 'SimulateCustomPolicy', {
      PolicyInputList: [policy],
      ActionNames: ['dynamodb:CreateBackup'],
      ContextEntries: time ? [{ ContextKeyName: 'aws:CurrentTime', ContextKeyValues: [time], ContextKeyType: 'date' }] : undefined,
    }).EvaluationResults[0]
  assert.equal(run('2019-04-25T11:00:00Z').EvalDecision, 'allowed')
  assert.equal(run('2017-01-01T00:00:00Z').EvalDecision, 'implicitDeny')
  assert.deepEqual(run().MissingContextValues, ['aws:CurrentTime'])
})

test('a resource policy needs a CallerArn and can grant to it', () => {
  const ctx = fakeCallContext()
  const caller = `arn:aws:iam::${TEST_ACCOUNT}:user/bob`
  const resourcePolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: caller }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
  })
  const input = { PolicyInputList: [allowPolicy('s3:ListBucket')], ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::b/k'], ResourcePolicy: resourcePolicy }
  assert.equal(failure(() => callIam(ctx, 'SimulateCustomPolicy', input)).code, 'InvalidInput')
  const result = callIam(ctx, 'SimulateCustomPolicy', { ...input, CallerArn: caller, ResourceOwner: `arn:aws:iam::${TEST_ACCOUNT}:root` }).EvaluationResults[0]
  assert.equal(result.EvalDecision, 'allowed')
  assert.equal(result.MatchedStatements[0].SourcePolicyType, 'resource')
})

test('a malformed input policy is InvalidInput naming the input', () => {
  const ctx = fakeCallContext()
  const error = failure(() => callIam(ctx, 'SimulateCustomPolicy', { PolicyInputList: ['{not json'], ActionNames: ['s3:GetObject'] }))
  assert.equal(error.code, 'InvalidInput')
  assert.ok(error.message.startsWith('PolicyInputList.1: '), error.message)
})
