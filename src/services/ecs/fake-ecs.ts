//! For unit tests: ECS operations run against an in-memory store as dispatch runs them (authorization, then the
//! handler in one transaction, afterCommit work after it), with a scripted authorizer instead of the engine.
import { AwsError } from '../../aws/index.js'
import type { AuthorizationOutcome, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { IAM_COLLECTIONS, entityKey, openStore, type RoleRecord, type Store } from '../../store/index.js'
import { ECS_AUTHORIZATION } from './authorization.js'
import { ecsHandlers } from './index.js'

type Principal = CallContext['principal']

export const ACCOUNT = '111122223333'
export const REGION = 'us-east-1'

export interface FakeEcs {
  store: Store
  now: Date
  /** Every requirement checked, in order (authorize and check). */
  checked: AuthorizationRequirement[]
  /** Task ARNs handed to hooks.taskChanged, after commit. */
  woken: string[]
  /** Return false to deny a requirement (authorize throws AccessDeniedException; check reports not permitted). */
  allow: (requirement: AuthorizationRequirement, as?: Principal) => boolean
  call<O = any>(operation: string, input: unknown): O
  /** The error an operation throws, or fails the test by throwing if it succeeds. */
  error(operation: string, input: unknown): AwsError
  putRole(name: string, trustedService: string): string
}

const ROOT = { type: 'Root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT, accessKeyId: ACCOUNT } as const

export function fakeEcs(): FakeEcs {
  const store = openStore(':memory:')
  const handlers = ecsHandlers({ taskChanged: (arn) => fake.woken.push(arn) })
  const fake: FakeEcs = {
    store,
    now: new Date('2025-01-01T12:00:00Z'),
    checked: [],
    woken: [],
    allow: trustsService,
    call(operation, input) {
      const pending: Array<() => void> = []
      const ctx = contextFor(fake, operation, pending)
      const output = store.transaction(() => {
        for (const requirement of ECS_AUTHORIZATION[operation]!(input, ctx) as AuthorizationRequirement[]) ctx.authorize(requirement)
        return handlers[operation]!(input, ctx)
      })
      for (const fn of pending) fn()
      return JSON.parse(JSON.stringify(output))
    },
    error(operation, input) {
      try {
        fake.call(operation, input)
      } catch (error) {
        if (error instanceof AwsError) return error
        throw error
      }
      throw new Error(`${operation} succeeded; an error was expected`)
    },
    putRole(name, trustedService) {
      const arn = `arn:aws:iam::${ACCOUNT}:role/${name}`
      const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: trustedService }, Action: 'sts:AssumeRole' }] })
      const role: RoleRecord = {
        accountId: ACCOUNT, roleName: name, roleId: 'AROA' + name.toUpperCase().padEnd(17, 'X').slice(0, 17), arn, path: '/',
        createDate: fake.now.toISOString(), assumeRolePolicyDocument: trust, trustPrincipalIds: {}, maxSessionDuration: 3600,
        tags: [], inlinePolicies: {}, attachedPolicyArns: [],
      }
      store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).put(ACCOUNT, entityKey(name), role)
      return arn
    },
  }
  return fake
}

/** The default rule: everything is allowed except assuming a role whose trust policy does not name the service. */
function trustsService(requirement: AuthorizationRequirement, as?: Principal): boolean {
  if (requirement.action !== 'sts:AssumeRole' || as?.type !== 'AWSService') return true
  return requirement.resourcePolicy?.document.includes(`"${as.service}"`) ?? false
}

function contextFor(fake: FakeEcs, operation: string, pending: Array<() => void>): CallContext {
  const outcome = (requirement: AuthorizationRequirement, as?: Principal): AuthorizationOutcome => {
    fake.checked.push(requirement)
    const permitted = fake.allow(requirement, as)
    return {
      decision: { decision: permitted ? 'allowed' : 'implicitDeny', matchedStatements: [], missingContextValues: [], explanation: {} as never },
      permitted,
      denialMessage: permitted ? undefined : `User: ${ROOT.arn} is not authorized to perform: ${requirement.action} on resource: ${requirement.resource}`,
      requirement,
    }
  }
  return {
    requestId: 'request',
    eventId: 'event',
    service: 'ecs',
    operation,
    principal: ROOT,
    accountId: ACCOUNT,
    region: REGION,
    now: fake.now,
    store: fake.store,
    source: { userAgent: 'test', secureTransport: true },
    audit: { resources: [] },
    authorize(requirement) {
      const result = outcome(requirement)
      if (!result.permitted) throw new AwsError('AccessDeniedException', result.denialMessage!)
    },
    check: outcome,
    invoke() {
      throw new Error('not used by ECS')
    },
    afterCommit(fn) {
      pending.push(fn)
    },
  }
}
