//! One taskrole per data dir: the store holds the file exclusively and a second opener is told why it cannot.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { openDatabase } from './database.js'

test('a data dir in use is refused with a clear error, and is free again once closed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'taskrole-lock-'))
  try {
    const first = openDatabase(dir)
    first.sqlite.exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept')")
    assert.throws(() => openDatabase(dir, { lockWaitMs: 50 }), { message: `the data dir ${dir} is in use by another taskrole process` })
    first.close()
    const second = openDatabase(dir, { lockWaitMs: 50 })
    assert.equal(second.sqlite.prepare('SELECT v FROM t').pluck().get(), 'kept')
    second.close()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
