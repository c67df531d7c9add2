//! For CloudWatch Logs' unit tests: a call context over an in-memory store, and a way to run one handler as
//! dispatch does (inside a transaction, so a throw leaves nothing behind).
import type { Principal } from '../../auth/index.js'
import type { AuthorizationOutcome, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { openStore, type Store } from '../../store/index.js'
import { LOGS_HANDLERS } from './index.js'

export const TEST_ACCOUNT = '111122223333'
export const TEST_REGION = 'us-east-1'

export interface FakeOptions {
  store?: Store
  now?: Date
  /** What ctx.check answers (CreateLogGroup's tag permission); everything is permitted by default. */
  permits?: (requirement: AuthorizationRequirement) => boolean
}

export type FakeContext = CallContext & { store: Store; now: Date; checked: AuthorizationRequirement[] }

export function fakeCallContext(options: FakeOptions = {}): FakeContext {
  const principal: Principal = { type: 'Root', accountId: TEST_ACCOUNT, arn: `arn:aws:iam::${TEST_ACCOUNT}:root`, userId: TEST_ACCOUNT, accessKeyId: TEST_ACCOUNT }
  const checked: AuthorizationRequirement[] = []
  const permits = options.permits ?? (() => true)
  const ctx: FakeContext = {
    requestId: 'test-request',
    eventId: 'test-event',
    service: 'logs',
    operation: 'test',
    principal,
    accountId: TEST_ACCOUNT,
    region: TEST_REGION,
    now: options.now ?? new Date('2025-01-02T03:04:05.678Z'),
    store: options.store ?? openStore(':memory:'),
    source: { userAgent: 'test', secureTransport: true },
    audit: { resources: [] },
    checked,
    authorize: () => undefined,
    check: (requirement) => {
      checked.push(requirement)
      const permitted = permits(requirement)
      return { permitted, requirement, decision: { decision: permitted ? 'allowed' : 'implicitDeny' } } as unknown as AuthorizationOutcome
    },
    invoke: () => {
      throw new Error('not used by CloudWatch Logs handlers')
    },
    afterCommit: (fn) => fn(),
  }
  return ctx
}

/** Runs one operation's handler in a transaction, as dispatch does. */
export function callLogs<O = any>(ctx: CallContext, operation: string, input: Record<string, unknown> = {}): O {
  const handler = LOGS_HANDLERS[operation]
  if (!handler) throw new Error(`no handler for ${operation}`)
  return ctx.store.transaction(() => handler(input, ctx)) as O
}

/** The thrown AwsError's code and message, for assert.deepEqual. */
export function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn()
  } catch (error) {
    const e = error as { code?: string; message: string }
    return { code: e.code ?? `not an AwsError: ${String(error)}`, message: e.message }
  }
  throw new Error('expected the call to fail')
}

/** A context whose clock reads `now` (ms) for one call, sharing the store. */
export function at(ctx: FakeContext, now: number): FakeContext {
  return { ...ctx, now: new Date(now), audit: { resources: [] } }
}
