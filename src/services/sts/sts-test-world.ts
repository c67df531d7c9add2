//! For STS and CloudTrail unit tests: an in-memory store, the real dispatcher and authorizer, and IAM records
//! written directly (users with keys, roles with trust policies), so handlers run as they do behind HTTP.
import assert from 'node:assert/strict'
import { AwsError, accessKeyId, manualClock, secretAccessKey, uniqueId } from '../../aws/index.js'
import type { IamUserPrincipal, Principal, RootPrincipal } from '../../auth/index.js'
import { CompiledPolicyCache, createAuthorizer, type EnforcementMode } from '../../authz/index.js'
import { createDispatcher, OperationRegistry, type ServiceDefinition } from '../../dispatch/index.js'
import {
  IAM_COLLECTIONS,
  SESSION_COLLECTION,
  entityKey,
  openStore,
  type AccessKeyRecord,
  type RoleRecord,
  type SessionCredentialRecord,
  type UserRecord,
} from '../../store/index.js'

export interface RoleOptions {
  path?: string
  maxSessionDuration?: number
  inlinePolicies?: Record<string, unknown>
  attachedPolicyArns?: string[]
  tags?: Array<{ Key: string; Value: string }>
}

export function stsTestWorld(options: { mode?: EnforcementMode; services: ServiceDefinition[] }) {
  const store = openStore(':memory:')
  const clock = manualClock(new Date('2025-03-01T12:00:00.250Z'))
  const registry = new OperationRegistry()
  for (const service of options.services) registry.register(service)
  const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode: options.mode ?? 'enforce' })
  const dispatcher = createDispatcher({ store, authorizer, registry, clock })
  const roles = store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles)
  const users = store.documents.collection<UserRecord>(IAM_COLLECTIONS.users)

  /** Users and roles a trust policy names, pinned to their unique ids as IAM does when it saves the policy. */
  function pinnedPrincipals(trust: unknown): Record<string, string> {
    const ids: Record<string, string> = {}
    for (const arn of JSON.stringify(trust).match(/arn:aws:iam::\d{12}:(user|role)\/[\w+=,.@/-]+/g) ?? []) {
      const [, account, resource] = /arn:aws:iam::(\d{12}):(.*)$/.exec(arn)!
      const name = resource!.slice(resource!.lastIndexOf('/') + 1)
      const entity = resource!.startsWith('user/') ? users.get(account!, entityKey(name)) : roles.get(account!, entityKey(name))
      if (entity && entity.arn === arn) ids[arn] = 'userId' in entity ? entity.userId : entity.roleId
    }
    return ids
  }

  return {
    store,
    clock,
    dispatcher,
    call(service: string, operation: string, input: unknown, principal: Principal): any {
      return dispatcher.invoke({
        service,
        operation,
        input,
        principal,
        region: 'us-east-1',
        source: { ip: '192.0.2.10', userAgent: 'unit-test', secureTransport: true },
      })
    },
    root(account: string): RootPrincipal {
      return { type: 'Root', accountId: account, arn: `arn:aws:iam::${account}:root`, userId: account, accessKeyId: account }
    },
    createUser(account: string, userName: string, inlinePolicies: Record<string, unknown> = {}): IamUserPrincipal {
      const user: UserRecord = {
        accountId: account,
        userName,
        userId: uniqueId('AIDA'),
        arn: `arn:aws:iam::${account}:user/${userName}`,
        path: '/',
        createDate: '2025-01-01T00:00:00Z',
        tags: [],
        inlinePolicies: Object.fromEntries(Object.entries(inlinePolicies).map(([name, doc]) => [name, JSON.stringify(doc)])),
        attachedPolicyArns: [],
        groupNames: [],
      }
      users.put(account, entityKey(userName), user)
      const key: AccessKeyRecord = {
        accessKeyId: accessKeyId('AKIA'),
        secretAccessKey: secretAccessKey(),
        accountId: account,
        userName,
        status: 'Active',
        createDate: '2025-01-01T00:00:00Z',
      }
      store.documents.collection<AccessKeyRecord>(IAM_COLLECTIONS.accessKeys).put('', key.accessKeyId, key)
      return { type: 'IAMUser', accountId: account, arn: user.arn, userId: user.userId, userName, path: '/', accessKeyId: key.accessKeyId }
    },
    deleteUser(account: string, userName: string): void {
      users.delete(account, entityKey(userName))
    },
    createRole(account: string, roleName: string, trust: unknown, roleOptions: RoleOptions = {}): RoleRecord {
      const path = roleOptions.path ?? '/'
      const role: RoleRecord = {
        accountId: account,
        roleName,
        roleId: uniqueId('AROA'),
        arn: `arn:aws:iam::${account}:role${path}${roleName}`,
        path,
        createDate: '2025-01-01T00:00:00Z',
        assumeRolePolicyDocument: JSON.stringify(trust),
        trustPrincipalIds: pinnedPrincipals(trust),
        maxSessionDuration: roleOptions.maxSessionDuration ?? 3_600,
        tags: roleOptions.tags ?? [],
        inlinePolicies: Object.fromEntries(Object.entries(roleOptions.inlinePolicies ?? {}).map(([name, doc]) => [name, JSON.stringify(doc)])),
        attachedPolicyArns: roleOptions.attachedPolicyArns ?? [],
      }
      roles.put(account, entityKey(roleName), role)
      return role
    },
    assume(principal: Principal, input: Record<string, unknown>): any {
      return this.call('sts', 'AssumeRole', { RoleSessionName: 'unit', ...input }, principal)
    },
    /** A probe for what a principal may do: sts:GetAccessKeyInfo on *. */
    canProbe(principal: Principal): boolean {
      try {
        this.call('sts', 'GetAccessKeyInfo', { AccessKeyId: principal.type === 'AWSService' ? principal.sourceAccount : principal.accountId }, principal)
        return true
      } catch (error) {
        if (error instanceof AwsError && error.code === 'AccessDenied') return false
        throw error
      }
    },
    role(account: string, roleName: string): RoleRecord | undefined {
      return roles.get(account, entityKey(roleName))
    },
    /** The principal a session key authenticates as, read back the way auth/ reads it. */
    sessionPrincipal(key: string): Principal {
      const record = store.documents.collection<SessionCredentialRecord>(SESSION_COLLECTION).get('', key)
      if (!record) throw new Error(`no session ${key}`)
      // As auth/ revives it: stored JSON with ISO dates.
      const principal = JSON.parse(JSON.stringify(record.principal)) as Principal & { session?: { issuedAt: Date; expiresAt: Date } }
      if (principal.type !== 'AWSService' && principal.session) {
        principal.session.issuedAt = new Date(principal.session.issuedAt)
        principal.session.expiresAt = new Date(principal.session.expiresAt)
      }
      return principal
    },
    sessionRecord(key: string): SessionCredentialRecord | undefined {
      return store.documents.collection<SessionCredentialRecord>(SESSION_COLLECTION).get('', key)
    },
  }
}

export type StsTestWorld = ReturnType<typeof stsTestWorld>

/** A policy document allowing or denying actions on resources. */
export function policy(effect: 'Allow' | 'Deny', action: string | string[], resource: string | string[] = '*', condition?: unknown) {
  return { Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }] }
}

/** A trust policy letting principals assume the role (and tag the session, when asked). */
export function trust(principal: unknown, actions: string[] = ['sts:AssumeRole'], condition?: unknown) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: actions, ...(condition ? { Condition: condition } : {}) }] }
}

/** Asserts that fn fails with an AwsError of this code (and message, exactly or by pattern). */
export function rejectsWith(fn: () => unknown, code: string, message?: string | RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof AwsError, `expected an AwsError, got ${String(error)}`)
    assert.equal(error.code, code)
    if (typeof message === 'string') assert.equal(error.message, message)
    else if (message) assert.match(error.message, message)
    return true
  })
}
