//! IAM writes made by handlers (committed or rolled back) reach the authorizer's cached policies.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Principal } from '../auth/index.js'
import { CompiledPolicyCache, createAuthorizer } from '../authz/index.js'
import { AwsError, manualClock } from '../aws/index.js'
import { IAM_COLLECTIONS, entityKey, openStore, type UserRecord } from '../store/index.js'
import { createDispatcher } from './invoke-operation.js'
import type { ServiceDefinition } from './operation.js'
import { OperationRegistry } from './operation-registry.js'

const A = '111122223333'
const dev: Principal = { type: 'IAMUser', accountId: A, arn: `arn:aws:iam::${A}:user/dev`, userId: 'AIDADEV', userName: 'dev', path: '/', accessKeyId: 'AKIADEV' }
const allowGetRole = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] })

/** A toy IAM: GetRole needs iam:GetRole; Grant (no permission needed here) gives dev the policy and may fail after. */
function world() {
  const store = openStore(':memory:')
  const users = (s = store) => s.documents.collection<UserRecord>(IAM_COLLECTIONS.users)
  users().put(A, entityKey('dev'), {
    accountId: A,
    userName: 'dev',
    userId: 'AIDADEV',
    arn: `arn:aws:iam::${A}:user/dev`,
    path: '/',
    createDate: '2025-01-01T00:00:00Z',
    tags: [],
    inlinePolicies: {},
    attachedPolicyArns: [],
    groupNames: [],
  })
  const service: ServiceDefinition = {
    service: 'iam',
    eventSource: 'iam.amazonaws.com',
    accessDenied: { code: 'AccessDenied', status: 403 },
    operations: {
      GetRole: { authorization: () => [{ action: 'iam:GetRole', resource: `arn:aws:iam::${A}:role/app` }], handler: () => ({}) },
      Grant: {
        authorization: () => 'none',
        handler: (input: { fail?: boolean }, ctx) => {
          const user = users(ctx.store).get(A, entityKey('dev'))!
          users(ctx.store).put(A, entityKey('dev'), { ...user, inlinePolicies: { p: allowGetRole } })
          // Authorized inside the same call, after the write: the call's snapshot is taken here, from the new state.
          ctx.check({ action: 'iam:GetRole', resource: `arn:aws:iam::${A}:role/app` }, dev)
          if (input.fail) throw new AwsError('LimitExceeded', 'too many')
          return {}
        },
      },
    },
  }
  const registry = new OperationRegistry()
  registry.register(service)
  const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode: 'enforce' })
  const dispatcher = createDispatcher({ store, authorizer, registry, clock: manualClock(new Date('2025-01-02T00:00:00Z')) })
  const call = (operation: string, input: unknown = {}) =>
    dispatcher.invoke({ service: 'iam', operation, input, principal: dev, region: 'us-east-1', source: { userAgent: 'test', secureTransport: true } })
  return { call }
}

const denied = (fn: () => unknown) => assert.throws(fn, (error: AwsError) => error.code === 'AccessDenied')

test('a handler’s write of an IAM record is seen by the next call’s authorization', () => {
  const { call } = world()
  denied(() => call('GetRole'))
  call('Grant')
  assert.deepEqual(call('GetRole'), {})
})

test('a failed call’s IAM writes roll back, and what was read from them meanwhile is read again', () => {
  const { call } = world()
  denied(() => call('GetRole'))
  assert.throws(() => call('Grant', { fail: true }), (error: AwsError) => error.code === 'LimitExceeded')
  denied(() => call('GetRole'))
})
