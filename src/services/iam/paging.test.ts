//! Unit tests of paging.ts, run against an in-memory store with the real policy engine.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { page, pageByIndex } from './paging.js'

const letters = ['a', 'b', 'c', 'd', 'e']

test('MaxItems defaults to 100 and a full page has no marker', () => {
  const items = Array.from({ length: 100 }, (_, i) => String(i).padStart(3, '0'))
  const result = page(items, {}, (x) => x)
  assert.equal(result.items.length, 100)
  assert.equal(result.IsTruncated, false)
  assert.equal(result.Marker, undefined)
})

test('the marker resumes at the next item even when earlier items were deleted', () => {
  const first = page(letters, { MaxItems: 2 }, (x) => x)
  assert.deepEqual([first.items, first.IsTruncated], [['a', 'b'], true])
  const afterDelete = page(['b', 'c', 'd', 'e'], { MaxItems: 2, Marker: first.Marker }, (x) => x)
  assert.deepEqual(afterDelete.items, ['c', 'd'])
  const last = page(letters, { MaxItems: 2, Marker: afterDelete.Marker }, (x) => x)
  assert.deepEqual([last.items, last.IsTruncated, last.Marker], [['e'], false, undefined])
})

test('a marker that taskrole did not issue is "Invalid Marker."', () => {
  assert.throws(() => page(letters, { Marker: 'abc' }, (x) => x), { code: 'ValidationError', message: 'Invalid Marker.' })
})

test('pageByIndex pages values without keys', () => {
  const first = pageByIndex([10, 20, 30], { MaxItems: 2 })
  assert.deepEqual(first.items, [10, 20])
  assert.deepEqual(pageByIndex([10, 20, 30], { MaxItems: 2, Marker: first.Marker }).items, [30])
})
