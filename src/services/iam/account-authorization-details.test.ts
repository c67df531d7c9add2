//! Unit tests of account-authorization-details.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ECS_TASKS_TRUST, allowPolicy, callIam, fakeCallContext } from './fake-call-context.js'

const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'

test('lists users, groups, roles and policies with their documents; AWS managed ones only when used', () => {
  const ctx = fakeCallContext()
  callIam(ctx, 'CreateUser', { UserName: 'u' })
  callIam(ctx, 'CreateGroup', { GroupName: 'g' })
  callIam(ctx, 'AddUserToGroup', { GroupName: 'g', UserName: 'u' })
  callIam(ctx, 'PutUserPolicy', { UserName: 'u', PolicyName: 'inline', PolicyDocument: allowPolicy('s3:*') })
  callIam(ctx, 'CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: ECS_TASKS_TRUST })
  callIam(ctx, 'AttachRolePolicy', { RoleName: 'r', PolicyArn: EXECUTION_POLICY })
  callIam(ctx, 'CreatePolicy', { PolicyName: 'mine', PolicyDocument: allowPolicy('ecs:*') })
  const out = callIam(ctx, 'GetAccountAuthorizationDetails', {})
  assert.equal(out.UserDetailList[0].UserName, 'u')
  assert.deepEqual(out.UserDetailList[0].GroupList, ['g'])
  assert.equal(decodeURIComponent(out.UserDetailList[0].UserPolicyList[0].PolicyDocument), allowPolicy('s3:*'))
  assert.equal(out.GroupDetailList[0].GroupName, 'g')
  assert.equal(decodeURIComponent(out.RoleDetailList[0].AssumeRolePolicyDocument), ECS_TASKS_TRUST)
  assert.deepEqual(out.RoleDetailList[0].AttachedManagedPolicies, [{ PolicyName: 'AmazonECSTaskExecutionRolePolicy', PolicyArn: EXECUTION_POLICY }])
  assert.deepEqual(out.Policies.map((p: { PolicyName: string }) => p.PolicyName).sort(), ['AmazonECSTaskExecutionRolePolicy', 'mine'])
  assert.equal(out.IsTruncated, false)
  const rolesOnly = callIam(ctx, 'GetAccountAuthorizationDetails', { Filter: ['Role'] })
  assert.deepEqual([rolesOnly.UserDetailList.length, rolesOnly.RoleDetailList.length, rolesOnly.Policies.length], [0, 1, 0])
  const first = callIam(ctx, 'GetAccountAuthorizationDetails', { MaxItems: 2 })
  assert.equal(first.IsTruncated, true)
  const second = callIam(ctx, 'GetAccountAuthorizationDetails', { MaxItems: 10, Marker: first.Marker })
  const count = (o: { UserDetailList: unknown[]; GroupDetailList: unknown[]; RoleDetailList: unknown[]; Policies: unknown[] }) =>
    o.UserDetailList.length + o.GroupDetailList.length + o.RoleDetailList.length + o.Policies.length
  assert.equal(count(first) + count(second), 5)
})
