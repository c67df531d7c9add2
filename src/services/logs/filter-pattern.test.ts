import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compileFilterPattern, requiredTerms } from './filter-pattern.js'

function matching(pattern: string | undefined, messages: string[]): string[] {
  const matches = compileFilterPattern(pattern)
  return messages.filter((message) => matches(message))
}

const LINES = ['[ERROR] disk full', '[WARN] slow request', 'INFO started', 'ERROR: Exiting now', 'error lower case']

test('empty pattern and "" match everything', () => {
  assert.deepEqual(matching(undefined, LINES), LINES)
  assert.deepEqual(matching('', LINES), LINES)
  assert.deepEqual(matching('""', LINES), LINES)
})

test('terms: every term must occur, case sensitive', () => {
  assert.deepEqual(matching('ERROR', LINES), ['[ERROR] disk full', 'ERROR: Exiting now'])
  assert.deepEqual(matching('ERROR disk', LINES), ['[ERROR] disk full'])
  assert.deepEqual(matching('error', LINES), ['error lower case'])
})

test('quoted phrases match exactly, with escapes', () => {
  assert.deepEqual(matching('"disk full"', LINES), ['[ERROR] disk full'])
  assert.deepEqual(matching('"full disk"', LINES), [])
  assert.deepEqual(matching('"say \\"hi\\""', ['they say "hi"', 'say hi']), ['they say "hi"'])
})

test('?terms match any of them; -terms exclude', () => {
  assert.deepEqual(matching('?ERROR ?WARN', LINES), ['[ERROR] disk full', '[WARN] slow request', 'ERROR: Exiting now'])
  assert.deepEqual(matching('ERROR -Exiting', LINES), ['[ERROR] disk full'])
  assert.deepEqual(matching('ERROR -"disk full"', LINES), ['ERROR: Exiting now'])
})

test('%regex% patterns', () => {
  assert.deepEqual(matching('%ERR(OR)?:%', LINES), ['ERROR: Exiting now'])
  assert.deepEqual(matching('%^INFO%', LINES), ['INFO started'])
})

test('JSON patterns: strings, wildcards, numbers, IS, NOT EXISTS, && || and parentheses', () => {
  const events = [
    JSON.stringify({ level: 'error', code: 500, user: { id: 'u-1' }, ok: false }),
    JSON.stringify({ level: 'info', code: 200, user: { id: 'u-2' }, ok: true, tags: ['a', 'b'] }),
    JSON.stringify({ level: 'warn', code: 429, user: null }),
    'not json',
  ]
  const pick = (pattern: string) => matching(pattern, events).map((m) => (m.startsWith('{') ? JSON.parse(m).level : m))
  assert.deepEqual(pick('{ $.level = "error" }'), ['error'])
  assert.deepEqual(pick('{ $.level = err* }'), ['error'])
  assert.deepEqual(pick('{ $.level != "error" }'), ['info', 'warn'])
  assert.deepEqual(pick('{ $.code >= 400 }'), ['error', 'warn'])
  assert.deepEqual(pick('{ $.code = 200 }'), ['info'])
  assert.deepEqual(pick('{ $.user.id = "u-2" }'), ['info'])
  assert.deepEqual(pick('{ $.tags[1] = "b" }'), ['info'])
  assert.deepEqual(pick('{ $.ok IS TRUE }'), ['info'])
  assert.deepEqual(pick('{ $.user IS NULL }'), ['warn'])
  assert.deepEqual(pick('{ $.ok NOT EXISTS }'), ['warn'])
  assert.deepEqual(pick('{ ($.code = 500 || $.code = 429) && $.level != "warn" }'), ['error'])
  assert.deepEqual(pick('{ $.level = %^(error|warn)$% }'), ['error', 'warn'])
})

test('malformed patterns and space-delimited patterns are InvalidParameterException', () => {
  for (const pattern of ['{ $.a = ', '{ level = "x" }', '{ $.a > "x" }', '%(%', '[ip, user]', '"unterminated']) {
    assert.throws(() => compileFilterPattern(pattern), (error: any) => error.code === 'InvalidParameterException', pattern)
  }
})

test('requiredTerms lists the plain terms the store may prefilter on, and nothing for other pattern kinds', () => {
  assert.deepEqual(requiredTerms('ERROR "disk full" ?a -b'), ['ERROR', 'disk full'])
  assert.deepEqual(requiredTerms('?a ?b'), [])
  assert.deepEqual(requiredTerms('{ $.a = "x" }'), [])
  assert.deepEqual(requiredTerms('%ERROR%'), [])
  assert.deepEqual(requiredTerms(undefined), [])
})
