//! Migrations: pending ones apply in order, all in one transaction, so a failing one leaves the store as it was.
import assert from 'node:assert/strict'
import BetterSqlite3 from 'better-sqlite3'
import { test } from 'node:test'
import { migrate } from './migrate.js'
import { MIGRATIONS } from './migrations/index.js'

const steps = ['CREATE TABLE a (v TEXT)', "INSERT INTO a VALUES ('two')", "INSERT INTO a VALUES ('three')"]
const version = (db: BetterSqlite3.Database) => db.pragma('user_version', { simple: true })
const values = (db: BetterSqlite3.Database) => db.prepare('SELECT v FROM a ORDER BY rowid').pluck().all()

test('pending migrations apply in order from the recorded version, and only once', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, steps.slice(0, 2))
  assert.equal(version(db), 2)
  migrate(db, steps)
  assert.equal(version(db), 3)
  migrate(db, steps)
  assert.deepEqual(values(db), ['two', 'three'])
})

test('a failing migration rolls back every pending one: the store stays at its version', () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db, steps.slice(0, 1))
  assert.throws(() => migrate(db, [...steps, 'INSERT INTO missing VALUES (1)']), /no such table: missing/)
  assert.equal(version(db), 1)
  assert.deepEqual(values(db), [])
})

test("a new store reaches the latest schema version with the project's migrations", () => {
  const db = new BetterSqlite3(':memory:')
  migrate(db)
  assert.equal(version(db), MIGRATIONS.length)
  assert.ok(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_events'").get())
})
