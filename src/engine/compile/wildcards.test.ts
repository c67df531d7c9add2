//! `*` and `?` globs, compiled and uncompiled, with literal characters.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compileGlob, matchesPattern } from './wildcards.js'

const cases: Array<[string, string, boolean]> = [
  ['iam:passrole', 'iam:passrole', true],
  ['iam:*', 'iam:passrole', true],
  ['*', '', true],
  ['*accesskey*', 'createaccesskeys', true],
  ['*accesskey*', 'getuser', false],
  ['s3:get?bject', 's3:getobject', true],
  ['s3:get?bject', 's3:getbject', false],
  ['a*b*c', 'axxbyyc', true],
  ['a*b*c', 'axxbyy', false],
  ['*.amazonaws.com', 'ecs-tasks.amazonaws.com', true],
  ['a**', 'a', true],
  ['?', '', false],
  ['bucket/*/test/*', 'bucket/1/2/test/3/x', true],
]

for (const [pattern, input, expected] of cases) {
  test(`${pattern} ${expected ? 'matches' : 'does not match'} ${input}`, () => {
    assert.equal(compileGlob(pattern).matches(input), expected)
    assert.equal(matchesPattern(pattern, undefined, input), expected)
  })
}

test('characters marked literal never act as wildcards', () => {
  const literal = new Uint8Array([0, 0, 1])
  assert.equal(compileGlob('ab*', literal).matches('abc'), false)
  assert.equal(compileGlob('ab*', literal).matches('ab*'), true)
  assert.equal(matchesPattern('ab*', literal, 'abc'), false)
  assert.equal(compileGlob('ab*', literal).exact, true)
})

test('exact tells whether a pattern only matches itself', () => {
  assert.equal(compileGlob('iam:getuser').exact, true)
  assert.equal(compileGlob('iam:get*').exact, false)
})
