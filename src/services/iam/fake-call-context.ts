//! For IAM's unit tests: a call context over an in-memory store, and a way to run one IAM handler as a caller.
import type { CallContext } from '../../dispatch/index.js'
import { openStore, type Store } from '../../store/index.js'
import { iamHandlers } from './index.js'

export type Principal = CallContext['principal']

export const TEST_ACCOUNT = '111122223333'

export function rootPrincipal(accountId = TEST_ACCOUNT): Principal {
  return { type: 'Root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, accessKeyId: accountId }
}

export function fakeCallContext(options: { store?: Store; principal?: Principal; now?: Date } = {}): CallContext & { store: Store } {
  const principal = options.principal ?? rootPrincipal()
  const store = options.store ?? openStore(':memory:')
  return {
    requestId: 'test-request',
    eventId: 'test-event',
    service: 'iam',
    operation: 'test',
    principal,
    accountId: principal.type === 'AWSService' ? principal.sourceAccount : principal.accountId,
    region: 'us-east-1',
    now: options.now ?? new Date('2025-01-02T03:04:05.678Z'),
    store,
    source: { userAgent: 'test', secureTransport: true },
    audit: { resources: [] },
    authorize: () => undefined,
    check: () => {
      throw new Error('not used by IAM handlers')
    },
    invoke: () => {
      throw new Error('not used by IAM handlers')
    },
    afterCommit: (fn) => fn(),
  }
}

/** Runs one IAM operation's handler in a transaction, as dispatch does (a throw rolls everything back). */
export function callIam<O = any>(ctx: CallContext, operation: string, input: Record<string, unknown> = {}): O {
  const handler = iamHandlers[operation]
  if (!handler) throw new Error(`no handler for ${operation}`)
  return ctx.store.transaction(() => handler(input, ctx)) as O
}

/** The thrown AwsError's code and message, for assert.deepEqual. */
export function failure(fn: () => unknown): { code: string; message: string; status?: number } {
  try {
    fn()
  } catch (error) {
    const e = error as { code?: string; message: string; status?: number }
    return { code: e.code ?? 'not an AwsError', message: e.message, status: e.status }
  }
  throw new Error('expected the call to fail')
}

export const ECS_TASKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

export function allowPolicy(action: string, resource = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] })
}
