//! Collections of JSON records: conditions on fields are answered by SQLite without parsing the records.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openStore } from '../index.js'

test('list with field conditions: = and != (a missing field is not equal to anything)', () => {
  const store = openStore(':memory:')
  const tasks = store.documents.collection<{ id: string; lastStatus?: string; desiredStatus: string }>('test.task')
  tasks.put('s', 'c/1', { id: '1', lastStatus: 'RUNNING', desiredStatus: 'RUNNING' })
  tasks.put('s', 'c/2', { id: '2', lastStatus: 'STOPPED', desiredStatus: 'STOPPED' })
  tasks.put('s', 'c/3', { id: '3', desiredStatus: 'RUNNING' })
  tasks.put('s', 'c/4', { id: '4', lastStatus: 'PENDING', desiredStatus: 'STOPPED' })
  tasks.put('s', 'd/5', { id: '5', lastStatus: 'RUNNING', desiredStatus: 'RUNNING' })
  const ids = (where: Parameters<typeof tasks.list>[1]) => tasks.list('s', where).map((task) => task.id)
  assert.deepEqual(ids({ prefix: 'c/', where: [['$.lastStatus', '!=', 'STOPPED'], ['$.desiredStatus', '=', 'RUNNING']] }), ['1', '3'])
  assert.deepEqual(ids({ prefix: 'c/', where: [['$.desiredStatus', '=', 'STOPPED']] }), ['2', '4'])
  assert.deepEqual(ids({ where: [['$.lastStatus', '=', 'RUNNING']], limit: 1 }), ['1'])
  assert.deepEqual(ids({ where: [['$.lastStatus', '=', 'RUNNING']], after: 'c/1' }), ['5'])
  assert.throws(() => ids({ where: [["$.x') OR 1=1 --" as `$.${string}`, '=', 'a']] }), /not a plain JSON path/)
  // Values are written into the SQL as literals: a quote is a quote.
  tasks.put('s', 'e/6', { id: '6', desiredStatus: "it's' OR '1'='1" })
  assert.deepEqual(ids({ where: [['$.desiredStatus', '=', "it's' OR '1'='1"]] }), ['6'])
  assert.deepEqual(ids({ where: [['$.desiredStatus', '=', "x' OR '1'='1"]] }), [])
})
