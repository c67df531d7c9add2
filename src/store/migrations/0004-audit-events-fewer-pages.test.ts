//! Migration 0004 on a data dir of the previous schema: every audit row survives with its seq, in order, and the
//! trail goes on numbering after the last one; lookups by decision use the new partial index.
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { test } from 'node:test'
import { openStore } from '../index.js'
import { LAST_DENIED_SQL, type AuditEventRow } from '../repositories/audit-events.js'
import { dataDirAtVersion } from './data-dir-at-version.js'
import { MIGRATIONS } from './index.js'

const A = '111122223333'

function row(eventId: string, decision: string): AuditEventRow {
  return {
    eventId,
    account: A,
    eventTime: 1_700_000_000_000,
    eventName: 'GetRole',
    eventSource: 'iam.amazonaws.com',
    username: 'dev',
    accessKeyId: undefined,
    readOnly: true,
    resourceNames: ['arn:aws:iam::111122223333:role/app'],
    decision,
    record: `{"eventID":"${eventId}"}`,
    explanation: decision === 'allowed' ? undefined : '[]',
  }
}

/** A data dir as taskrole left it before migration 0004 (user_version 3, AUTOINCREMENT, the decision index). */
function oldDataDir(): string {
  return dataDirAtVersion(3, (sqlite) => {
    const insert = sqlite.prepare(
      `INSERT INTO audit_events (event_id, account, event_time, event_name, event_source, username, access_key_id, read_only,
         resource_names, decision, record, explanation) VALUES (?, ?, 1, 'GetRole', 'iam.amazonaws.com', NULL, NULL, 1, '', ?, '{}', NULL)`,
    )
    for (const [id, decision] of [['e1', 'allowed'], ['e2', 'denied'], ['e3', 'none'], ['e4', 'audit-denied'], ['e5', 'allowed']]) {
      insert.run(id, id === 'e2' ? '555566667777' : A, decision)
    }
    // A gap, as no code makes but a hand-edited store might have: seq values are kept as they are, not renumbered.
    sqlite.exec("DELETE FROM audit_events WHERE event_id = 'e3'")
  })
}

const stored = (store: ReturnType<typeof openStore>) =>
  store.database.sqlite.prepare('SELECT seq, event_id, account, decision FROM audit_events ORDER BY seq').raw().all()

test('an old data dir upgrades: rows, seq values and their order survive, and new rows number after them', () => {
  const dir = oldDataDir()
  try {
    const store = openStore(dir)
    const sqlite = store.database.sqlite
    assert.equal(sqlite.pragma('user_version', { simple: true }), MIGRATIONS.length)
    assert.deepEqual(stored(store), [
      [1, 'e1', A, 'allowed'],
      [2, 'e2', '555566667777', 'denied'],
      [4, 'e4', A, 'audit-denied'],
      [5, 'e5', A, 'allowed'],
    ])
    assert.equal(sqlite.prepare("SELECT count(*) FROM sqlite_sequence WHERE name = 'audit_events'").pluck().get(), 0)
    assert.doesNotMatch(String(sqlite.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_events'").pluck().get()), /AUTOINCREMENT/)
    assert.equal(store.audit.lastDenied()?.eventId, 'e4')
    store.audit.append(row('e6', 'allowed'))
    store.audit.append(row('e7', 'denied'))
    assert.deepEqual(stored(store).slice(-2), [[6, 'e6', A, 'allowed'], [7, 'e7', A, 'denied']])
    assert.equal(store.audit.lastDenied()?.eventId, 'e7')
    assert.deepEqual(store.audit.lookup({ account: A, limit: 10 }).map((r) => r.eventId), ['e7', 'e6', 'e5', 'e4', 'e1'])
    assert.deepEqual(store.audit.lookup({ account: A, limit: 10, beforeSeq: 5 }).map((r) => r.eventId), ['e4', 'e1'])
    store.close()
    // Opening again migrates nothing more.
    const reopened = openStore(dir)
    assert.equal(stored(reopened).length, 6)
    reopened.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('the last denied event is read through the partial index of denied events; allowed events are not in it', () => {
  const store = openStore(':memory:')
  const sqlite = store.database.sqlite
  const plan = (sql: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ')
  // A scan of the partial index in seq order: no temporary B-tree, no allowed event read.
  assert.equal(plan(LAST_DENIED_SQL), 'SCAN audit_events USING INDEX audit_events_denied')
  assert.match(plan("SELECT * FROM audit_events WHERE event_id = 'x'"), /USING INDEX sqlite_autoindex_audit_events_1 \(event_id=\?\)/)
  assert.match(plan("SELECT * FROM audit_events WHERE account = 'a' AND event_time >= 0 ORDER BY seq DESC LIMIT 51"), /USING INDEX audit_events_by_account_time/)
  store.audit.append(row('e1', 'allowed'))
  store.audit.append(row('e2', 'none'))
  store.audit.append(row('e3', 'audit-denied'))
  const indexed = sqlite.prepare("SELECT event_id FROM audit_events INDEXED BY audit_events_denied WHERE decision IN ('denied', 'audit-denied')").pluck().all()
  assert.deepEqual(indexed, ['e3'])
  assert.equal(store.audit.lastDenied()?.eventId, 'e3')
})
