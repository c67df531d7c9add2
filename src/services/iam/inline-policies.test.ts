//! Unit tests of inline-policies.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ECS_TASKS_TRUST, allowPolicy, callIam, failure, fakeCallContext } from './fake-call-context.js'

/** An identity policy of about `size` characters without whitespace. */
function policyOfSize(size: number): string {
  const base = allowPolicy('s3:GetObject', 'arn:aws:s3:::b/')
  return allowPolicy('s3:GetObject', 'arn:aws:s3:::b/' + 'x'.repeat(size - base.length))
}

test('Put/Get/List/Delete RolePolicy keep the text as sent and return it URL-encoded', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  const document = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]\n}'
  callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'logs', PolicyDocument: document })
  callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'alpha', PolicyDocument: allowPolicy('s3:*') })
  const got = callIam(ctx, 'GetRolePolicy', { RoleName: 'r', PolicyName: 'logs' })
  assert.equal(got.RoleName, 'r')
  assert.equal(got.PolicyName, 'logs')
  assert.equal(decodeURIComponent(got.PolicyDocument), document)
  assert.ok(got.PolicyDocument.includes('%0A%20%20%22Version%22'))
  assert.deepEqual(callIam(ctx, 'ListRolePolicies', { RoleName: 'r' }).PolicyNames, ['alpha', 'logs'])
  const first = callIam(ctx, 'ListRolePolicies', { RoleName: 'r', MaxItems: 1 })
  assert.deepEqual([first.PolicyNames, first.IsTruncated], [['alpha'], true])
  callIam(ctx, 'DeleteRolePolicy', { RoleName: 'r', PolicyName: 'alpha' })
  assert.deepEqual(failure(() => callIam(ctx, 'GetRolePolicy', { RoleName: 'r', PolicyName: 'alpha' })), {
    code: 'NoSuchEntity',
    message: 'The role policy with name alpha cannot be found.',
    status: 404,
  })
  assert.equal(failure(() => callIam(ctx, 'DeleteRolePolicy', { RoleName: 'r', PolicyName: 'alpha' })).code, 'NoSuchEntity')
})

test('an inline policy with a Principal is MalformedPolicyDocument and is not stored', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  const withPrincipal = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' }, Action: 'elasticloadbalancing:DescribeListeners', Resource: '*' }],
  })
  assert.deepEqual(failure(() => callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'p', PolicyDocument: withPrincipal })), {
    code: 'MalformedPolicyDocument',
    message: 'Policy document should not specify a principal.',
    status: 400,
  })
  assert.deepEqual(callIam(ctx, 'ListRolePolicies', { RoleName: 'r' }).PolicyNames, [])
})

test('inline policies together may not exceed 10,240 (role), 2,048 (user), 5,120 (group) characters', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'a', PolicyDocument: policyOfSize(6000) })
  assert.deepEqual(failure(() => callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'b', PolicyDocument: policyOfSize(5000) })), {
    code: 'LimitExceeded',
    message: 'Maximum policy size of 10240 bytes exceeded for role r',
    status: 409,
  })
  // Replacing a policy counts only its new text.
  callIam(ctx, 'PutRolePolicy', { RoleName: 'r', PolicyName: 'a', PolicyDocument: policyOfSize(10000) })
  callIam(ctx, 'PutUserPolicy', { UserName: 'u', PolicyName: 'a', PolicyDocument: policyOfSize(2048) })
  assert.equal(
    failure(() => callIam(ctx, 'PutUserPolicy', { UserName: 'u', PolicyName: 'b', PolicyDocument: policyOfSize(200) })).message,
    'Maximum policy size of 2048 bytes exceeded for user u',
  )
  assert.equal(
    failure(() => callIam(ctx, 'PutGroupPolicy', { GroupName: 'g', PolicyName: 'a', PolicyDocument: policyOfSize(5121) })).message,
    'Maximum policy size of 5120 bytes exceeded for group g',
  )
  assert.deepEqual(callIam(ctx, 'ListUserPolicies', { UserName: 'u' }).PolicyNames, ['a'])
  assert.deepEqual(callIam(ctx, 'ListGroupPolicies', { GroupName: 'g' }).PolicyNames, [])
})

test('user and group inline policies answer with their own names and messages', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  callIam(ctx, 'PutUserPolicy', { UserName: 'u', PolicyName: 'p', PolicyDocument: allowPolicy('s3:*') })
  callIam(ctx, 'PutGroupPolicy', { GroupName: 'g', PolicyName: 'p', PolicyDocument: allowPolicy('s3:*') })
  assert.equal(callIam(ctx, 'GetUserPolicy', { UserName: 'u', PolicyName: 'p' }).UserName, 'u')
  assert.equal(callIam(ctx, 'GetGroupPolicy', { GroupName: 'g', PolicyName: 'p' }).GroupName, 'g')
  assert.equal(failure(() => callIam(ctx, 'GetUserPolicy', { UserName: 'u', PolicyName: 'x' })).message, 'The user policy with name x cannot be found.')
  assert.equal(failure(() => callIam(ctx, 'GetGroupPolicy', { GroupName: 'g', PolicyName: 'x' })).message, 'The group policy with name x cannot be found.')
  assert.equal(failure(() => callIam(ctx, 'PutUserPolicy', { UserName: 'ghost', PolicyName: 'p', PolicyDocument: allowPolicy('s3:*') })).code, 'NoSuchEntity')
})
