//! Migration 0005 on a data dir of the previous schema: every document survives with its key and data, large ones
//! (an ECS task's ~2 KB) no longer spill onto overflow pages, and an update keeps the row where it is.
import assert from 'node:assert/strict'
import BetterSqlite3 from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { openStore } from '../index.js'
import { dataDirAtVersion } from './data-dir-at-version.js'
import { MIGRATIONS } from './index.js'

const A = '111122223333'
const bigTask = (n: number, desiredStatus: string) => ({ taskArn: `arn:aws:ecs:us-east-1:${A}:task/c/t${n}`, desiredStatus, pad: 'x'.repeat(2200) })

/** A data dir as taskrole left it before migration 0005 (user_version 4, documents WITHOUT ROWID). */
function oldDataDir(): string {
  return dataDirAtVersion(4, (sqlite) => {
    const insert = sqlite.prepare('INSERT INTO documents (collection, scope, key, data) VALUES (?, ?, ?, ?)')
    insert.run('iam.role', A, 'app', JSON.stringify({ roleName: 'app' }))
    for (let n = 1; n <= 3; n++) insert.run('ecs.task', A, `c/t${n}`, JSON.stringify(bigTask(n, n === 2 ? 'STOPPED' : 'RUNNING')))
  })
}

/** Overflow pages of the documents table (SQLite's dbstat: what an update rewrites besides the row's own page). */
const overflowPages = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare("SELECT count(*) FROM dbstat WHERE name = 'documents' AND pagetype = 'overflow'").pluck().get() as number

test('an old data dir upgrades: documents keep their keys and data, and large ones fit on their pages', () => {
  const dir = oldDataDir()
  try {
    const before = new BetterSqlite3(join(dir, 'taskrole.db'), { readonly: true })
    assert.ok(overflowPages(before) >= 3, 'the old table spilled each task onto an overflow page')
    before.close()
    const store = openStore(dir)
    const sqlite = store.database.sqlite
    assert.equal(sqlite.pragma('user_version', { simple: true }), MIGRATIONS.length)
    const tasks = store.documents.collection<ReturnType<typeof bigTask>>('ecs.task')
    assert.deepEqual(tasks.get(A, 'c/t2'), bigTask(2, 'STOPPED'))
    assert.deepEqual(store.documents.collection('iam.role').get(A, 'app'), { roleName: 'app' })
    assert.deepEqual(tasks.list(A).map((t) => t.taskArn.split('/').pop()), ['t1', 't2', 't3'])
    // ListTasks' conditions still find only the tasks wanted RUNNING, through the rebuilt index.
    const running = tasks.list(A, { prefix: 'c/', where: [['$.desiredStatus', '=', 'RUNNING']] })
    assert.deepEqual(running.map((t) => t.taskArn.split('/').pop()), ['t1', 't3'])
    assert.equal(overflowPages(sqlite), 0)
    // An update (upsert) keeps the row's id: the key index is not rewritten.
    const idOf = () => sqlite.prepare("SELECT id FROM documents WHERE collection = 'ecs.task' AND key = 'c/t1'").pluck().get()
    const id = idOf()
    tasks.put(A, 'c/t1', bigTask(1, 'STOPPED'))
    assert.equal(idOf(), id)
    assert.equal(tasks.get(A, 'c/t1')?.desiredStatus, 'STOPPED')
    assert.equal(tasks.list(A, { prefix: 'c/', where: [['$.desiredStatus', '=', 'RUNNING']] }).length, 1)
    assert.equal(tasks.insert(A, 'c/t1', bigTask(1, 'RUNNING')), false)
    store.close()
    const reopened = openStore(dir)
    assert.equal(reopened.documents.collection('ecs.task').list(A).length, 3)
    reopened.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
