//! Which calls' audit rows wait (read-only and failed outermost calls) and which are written with the call's change.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Principal } from '../auth/index.js'
import { CompiledPolicyCache, createAuthorizer } from '../authz/index.js'
import { AwsError, manualClock } from '../aws/index.js'
import { openStore } from '../store/index.js'
import { createDispatcher } from './invoke-operation.js'
import type { ServiceDefinition } from './operation.js'
import { OperationRegistry } from './operation-registry.js'

const A = '111122223333'
const root: Principal = { type: 'Root', accountId: A, arn: `arn:aws:iam::${A}:root`, userId: A, accessKeyId: A }

function world() {
  const store = openStore(':memory:')
  const notes = store.documents.collection<{ text: string }>('test.note')
  const service: ServiceDefinition = {
    service: 'notes',
    eventSource: 'notes.amazonaws.com',
    accessDenied: { code: 'AccessDenied', status: 403 },
    operations: {
      GetNote: { authorization: () => 'none', handler: () => ({ text: notes.get(A, 'n')?.text }) },
      PutNote: {
        authorization: () => 'none',
        handler: (input: { text: string; fail?: boolean }, ctx) => {
          notes.put(A, 'n', { text: input.text })
          // A nested read-only call: its row belongs to this call's transaction.
          ctx.invoke('notes', 'GetNote', {})
          if (input.fail) throw new AwsError('LimitExceeded', 'too many')
          return {}
        },
      },
      LookupNotes: {
        authorization: () => 'none',
        readsAuditTrail: true,
        handler: () => ({ events: stored() }),
      },
    },
  }
  const stored = () => store.database.sqlite.prepare(`SELECT event_name || ':' || decision FROM audit_events ORDER BY seq`).pluck().all() as string[]
  const registry = new OperationRegistry()
  registry.register(service)
  const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode: 'enforce' })
  const dispatcher = createDispatcher({ store, authorizer, registry, clock: manualClock(new Date('2025-01-02T00:00:00Z')) })
  const call = (operation: string, input: unknown = {}) =>
    dispatcher.invoke({ service: 'notes', operation, input, principal: root, region: 'us-east-1', source: { userAgent: 'test', secureTransport: true } }) as any
  return { store, call, stored }
}

test('a read-only call commits nothing for its row; the next change writes the waiting rows first, in order', () => {
  const { call, stored } = world()
  call('GetNote')
  call('GetNote')
  assert.deepEqual(stored(), [])
  call('PutNote', { text: 'hello' })
  assert.deepEqual(stored(), ['GetNote:none', 'GetNote:none', 'GetNote:none', 'PutNote:none'], 'the nested GetNote is written inside PutNote')
})

test('a call that reads the trail sees every row, waiting ones included', () => {
  const { call } = world()
  call('GetNote')
  assert.deepEqual(call('LookupNotes').events, ['GetNote:none'])
})

test('a failed change loses nothing: the rows it wrote wait again and its own failure is recorded', () => {
  const { store, call, stored } = world()
  call('GetNote')
  assert.throws(() => call('PutNote', { text: 'x', fail: true }), (error: AwsError) => error.code === 'LimitExceeded')
  assert.equal(call('GetNote').text, undefined, 'the change rolled back')
  store.audit.flush()
  assert.deepEqual(stored(), ['GetNote:none', 'PutNote:none', 'GetNote:none'])
  const failure = store.audit.lookup({ account: A, limit: 10, attribute: { key: 'EventName', value: 'PutNote' } })[0]!
  assert.equal(JSON.parse(failure.record).errorCode, 'LimitExceeded')
})
