//! The audit trail's write-behind: deferred rows are written late but never lost, reordered or seen missing.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { openStore } from '../index.js'
import { AUDIT_FLUSH_MS, type AuditEventRow } from './audit-events.js'

const A = '111122223333'

function row(eventId: string, extra: Partial<AuditEventRow> = {}): AuditEventRow {
  return {
    eventId,
    account: A,
    eventTime: Date.now(),
    eventName: 'GetRole',
    eventSource: 'iam.amazonaws.com',
    username: 'dev',
    accessKeyId: 'AKIADEV',
    readOnly: true,
    resourceNames: [],
    decision: 'allowed',
    record: '{}',
    explanation: undefined,
    ...extra,
  }
}

const storedIds = (store: ReturnType<typeof openStore>) =>
  (store.database.sqlite.prepare('SELECT event_id FROM audit_events ORDER BY seq').pluck().all() as string[])

test('a deferred row is not written at once, but every read of the trail sees it', () => {
  const store = openStore(':memory:')
  store.audit.defer(row('e1'))
  assert.deepEqual(storedIds(store), [], 'no write (and no commit) for the row alone')
  assert.equal(store.audit.lookup({ account: A, limit: 10 })[0]?.eventId, 'e1')
  assert.deepEqual(storedIds(store), ['e1'])
  store.audit.defer(row('e2', { decision: 'denied' }))
  assert.equal(store.audit.lastDenied()?.eventId, 'e2')
  store.audit.defer(row('e3'))
  assert.equal(store.audit.byId('e3')?.eventId, 'e3')
})

test('deferred rows are written within AUDIT_FLUSH_MS by themselves', async () => {
  const store = openStore(':memory:')
  store.audit.defer(row('e1'))
  store.audit.defer(row('e2'))
  await new Promise((resolve) => setTimeout(resolve, AUDIT_FLUSH_MS * 3))
  assert.deepEqual(storedIds(store), ['e1', 'e2'])
})

test('rows written in a transaction that rolls back wait again, ahead of newer ones', () => {
  const store = openStore(':memory:')
  store.audit.defer(row('e1'))
  store.audit.defer(row('e2'))
  let written: AuditEventRow[] = []
  assert.throws(() =>
    store.transaction(() => {
      written = store.audit.insertPending()
      store.audit.append(row('e3', { readOnly: false }))
      throw new Error('the call failed')
    }),
  )
  assert.deepEqual(storedIds(store), [])
  store.audit.requeue(written)
  store.audit.defer(row('e4'))
  store.audit.flush()
  assert.deepEqual(storedIds(store), ['e1', 'e2', 'e4'])
})

test('flush inside a transaction writes nothing (it could roll back with the call)', () => {
  const store = openStore(':memory:')
  store.audit.defer(row('e1'))
  assert.throws(() =>
    store.transaction(() => {
      store.audit.flush()
      throw new Error('the call failed')
    }),
  )
  store.audit.flush()
  assert.deepEqual(storedIds(store), ['e1'])
})

test('reset forgets waiting rows; close writes them to the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taskrole-audit-'))
  try {
    const store = openStore(dir)
    store.audit.defer(row('gone'))
    store.reset()
    store.audit.defer(row('kept'))
    store.close()
    const reopened = openStore(dir)
    assert.deepEqual(storedIds(reopened), ['kept'])
    reopened.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
