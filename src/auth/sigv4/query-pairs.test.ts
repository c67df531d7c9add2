import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseQueryPairs } from './query-pairs.js'

test('decodes names and values, keeping repeats and order', () => {
  assert.deepEqual(parseQueryPairs('b=x%20y&a=1&a=2&flag&c=a+b'), [
    ['b', 'x y'],
    ['a', '1'],
    ['a', '2'],
    ['flag', ''],
    ['c', 'a b'],
  ])
})

test('an empty query or a leading ? gives what is there', () => {
  assert.deepEqual(parseQueryPairs(''), [])
  assert.deepEqual(parseQueryPairs('?x=%2F'), [['x', '/']])
})

test('a broken percent escape is kept as sent', () => {
  assert.deepEqual(parseQueryPairs('x=%E0%A4%A'), [['x', '%E0%A4%A']])
})
