//! Policy size without whitespace.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { policySize } from './policy-size.js'

test('whitespace does not count, anything else does', () => {
  assert.equal(policySize(' {\n\t"a" : "b c"\r\n} '), 10)
  assert.equal(policySize(''), 0)
})
