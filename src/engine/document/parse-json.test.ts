//! The span-keeping JSON reader: strict like JSON.parse, 1-based positions, no prototype keys.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseJson } from './parse-json.js'

test('reads what JSON.parse reads', () => {
  const text = '{"a": [1, -2.5e3, true, false, null, "x\\"y\\u00e9\\n"], "b": {}}'
  assert.deepEqual(JSON.parse(JSON.stringify(parseJson(text)!.value)), JSON.parse(text))
})

test('rejects what JSON.parse rejects', () => {
  for (const bad of ['', '{', '{"a":1,}', "{'a':1}", '[1 2]', '{"a":01}', '{"a":"\u0001"}', '{"a":1} x', 'nul', '{"a":"\\x"}']) {
    assert.equal(parseJson(bad), undefined, bad)
  }
})

test('keeps the 1-based span of each object and array', () => {
  const parsed = parseJson('{\n  "Statement": [\n    {"Effect": "Allow"}\n  ]\n}')!
  const root = parsed.value as Record<string, unknown>
  const list = root['Statement'] as object[]
  assert.deepEqual(parsed.spanOf(list[0]!), { start: { line: 3, column: 5 }, end: { line: 3, column: 24 } })
  assert.deepEqual(parsed.spanOf(list), { start: { line: 2, column: 16 }, end: { line: 4, column: 4 } })
  assert.equal(parsed.spanOf({}), undefined)
})

test('keys such as __proto__ and constructor are plain data', () => {
  const value = parseJson('{"__proto__": {"polluted": true}, "constructor": 1}')!.value as Record<string, unknown>
  assert.deepEqual(Object.keys(value), ['__proto__', 'constructor'])
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined)
})

test('the last duplicate key wins, as with JSON.parse', () => {
  assert.deepEqual({ ...(parseJson('{"a": 1, "a": 2}')!.value as object) }, { a: 2 })
})

test('refuses nesting deeper than any policy', () => {
  assert.equal(parseJson('['.repeat(100) + ']'.repeat(100)), undefined)
  assert.ok(parseJson('['.repeat(10) + ']'.repeat(10)))
})
