//! The authorizer over an in-memory store: modes, denial messages, and when a principal's policies are read again.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Principal } from '../auth/index.js'
import { IAM_COLLECTIONS, entityKey, openStore, type ManagedPolicyRecord, type UserRecord } from '../store/index.js'
import { createAuthorizer } from './authorize-call.js'
import { CompiledPolicyCache } from './compiled-policy-cache.js'
import type { EnforcementMode } from './enforcement-mode.js'
import type { CallEnvironment } from './request-context.js'

const A = '111122223333'
const dev: Principal = { type: 'IAMUser', accountId: A, arn: `arn:aws:iam::${A}:user/dev`, userId: 'AIDADEV', userName: 'dev', path: '/', accessKeyId: 'AKIADEV' }
const getRole = { action: 'iam:GetRole', resource: `arn:aws:iam::${A}:role/app` }
const policy = (effect: 'Allow' | 'Deny', action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: '*' }] })

function world(mode: EnforcementMode = 'enforce') {
  const store = openStore(':memory:')
  const users = store.documents.collection<UserRecord>(IAM_COLLECTIONS.users)
  const user: UserRecord = {
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
  }
  users.put(A, entityKey('dev'), user)
  const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode })
  // Handlers write through dispatch, which reports every IAM write to the authorizer; these direct writes do too.
  const setUser = (change: Partial<UserRecord>) => {
    users.put(A, entityKey('dev'), { ...users.get(A, entityKey('dev'))!, ...change })
    authorizer.recordWritten(IAM_COLLECTIONS.users, A, entityKey('dev'))
  }
  const putManaged = (name: string, document: string) => {
    const record: ManagedPolicyRecord = {
      accountId: A,
      policyName: name,
      policyId: `ANPA${name.toUpperCase()}`,
      arn: `arn:aws:iam::${A}:policy/${name}`,
      path: '/',
      createDate: '2025-01-01T00:00:00Z',
      updateDate: '2025-01-01T00:00:00Z',
      defaultVersionId: 'v1',
      versions: [{ versionId: 'v1', document, createDate: '2025-01-01T00:00:00Z' }],
      nextVersion: 2,
      tags: [],
    }
    store.documents.collection<ManagedPolicyRecord>(IAM_COLLECTIONS.policies).put(A, entityKey(name), record)
    authorizer.recordWritten(IAM_COLLECTIONS.policies, A, entityKey(name))
    return record.arn
  }
  return { store, authorizer, setUser, putManaged }
}

const env = (snapshot?: CallEnvironment['policySnapshot']): CallEnvironment => ({
  now: new Date('2025-01-02T03:04:05Z'),
  region: 'us-east-1',
  sourceIp: '127.0.0.1',
  secureTransport: false,
  policySnapshot: snapshot,
})

test('a reported policy change is seen by the next call, though the policy keeps its name (caches keyed by text and record)', () => {
  const { authorizer, setUser } = world()
  assert.equal(authorizer.authorize(dev, getRole, env()).decision.decision, 'implicitDeny')
  setUser({ inlinePolicies: { p: policy('Allow', 'iam:GetRole') } })
  assert.equal(authorizer.authorize(dev, getRole, env()).decision.decision, 'allowed')
  setUser({ inlinePolicies: { p: policy('Allow', 'iam:ListRoles') } })
  assert.equal(authorizer.authorize(dev, getRole, env()).decision.decision, 'implicitDeny')
  setUser({ inlinePolicies: { p: policy('Allow', 'iam:GetRole') } })
  assert.equal(authorizer.authorize(dev, getRole, env()).decision.decision, 'allowed', 'a text seen before is looked up again')
})

test('the checks of one call share a snapshot of the principal’s policies; the next call reads them anew', () => {
  const { authorizer, setUser } = world()
  setUser({ inlinePolicies: { p: policy('Allow', 'iam:GetRole') } })
  const snapshot = new Map()
  assert.equal(authorizer.authorize(dev, getRole, env(snapshot)).permitted, true)
  setUser({ inlinePolicies: {} })
  assert.equal(authorizer.authorize(dev, getRole, env(snapshot)).permitted, true, 'same call: the state when it began')
  assert.equal(authorizer.authorize(dev, getRole, env(new Map())).permitted, false, 'next call: the new state')
})

test('an explicit deny by a managed policy names it; audit mode lets the denial through with the same message', () => {
  for (const mode of ['enforce', 'audit'] as const) {
    const { authorizer, setUser, putManaged } = world(mode)
    const arn = putManaged('NoGetRole', policy('Deny', 'iam:GetRole'))
    setUser({ inlinePolicies: { all: policy('Allow', 'iam:*') }, attachedPolicyArns: [arn] })
    const outcome = authorizer.authorize(dev, getRole, env())
    assert.equal(outcome.decision.decision, 'explicitDeny')
    assert.equal(outcome.permitted, mode === 'audit')
    assert.equal(
      outcome.denialMessage,
      `User: arn:aws:iam::${A}:user/dev is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${A}:role/app with an explicit deny in an identity-based policy: ${arn}`,
    )
  }
})

test('policies are kept across calls until a record they came from is reported written, even a record that was absent', () => {
  const { authorizer, setUser, putManaged, store } = world()
  const users = store.documents.collection<UserRecord>(IAM_COLLECTIONS.users)
  setUser({ inlinePolicies: { p: policy('Allow', 'iam:GetRole') } })
  assert.equal(authorizer.authorize(dev, getRole, env()).permitted, true)
  // INVARIANT: IAM records change only through dispatch, which reports the write; an unreported write is not seen.
  users.put(A, entityKey('dev'), { ...users.get(A, entityKey('dev'))!, inlinePolicies: {} })
  assert.equal(authorizer.authorize(dev, getRole, env()).permitted, true, 'kept: no user record was read')
  authorizer.recordWritten(IAM_COLLECTIONS.users, A, entityKey('dev'))
  assert.equal(authorizer.authorize(dev, getRole, env()).permitted, false, 'read again after the reported write')

  const arn = `arn:aws:iam::${A}:policy/Later`
  setUser({ attachedPolicyArns: [arn] })
  assert.equal(authorizer.authorize(dev, getRole, env()).permitted, false, 'the attached policy does not exist yet')
  putManaged('Later', policy('Allow', 'iam:GetRole'))
  assert.equal(authorizer.authorize(dev, getRole, env()).permitted, true, 'creating the missing policy is a change too')
})

test('off mode evaluates nothing', () => {
  const { authorizer } = world('off')
  const outcome = authorizer.authorize(dev, getRole, env())
  assert.deepEqual([outcome.decision.decision, outcome.permitted, outcome.denialMessage], ['allowed', true, undefined])
  assert.deepEqual(outcome.decision.explanation, { evaluated: false })
})
