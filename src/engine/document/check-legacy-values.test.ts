//! The legacy parser's Effect spelling and Date value rules.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { legacyAcceptsDate, legacyAcceptsStatement } from './check-legacy-values.js'

test('dates the legacy parser accepts', () => {
  for (const ok of ['2019-07-01T13:20:15Z', '2016-12-13T21:20:37.593194+00:00', '2016-12-13t2:00:00.593194+23', '01T', '-292275054', '1577836800', '2020-01-01']) {
    assert.ok(legacyAcceptsDate(ok), ok)
  }
})

test('dates the legacy parser rejects', () => {
  for (const bad of ['sdfdsf', '234-13', '2016-12-13t2:00:00.593194+1', '2016-12-13t2:00:00.1999999999+10:59', '9223372036854775808', '2020-01-32', '2020-01-01T24:00:00Z', '1-2-3-4']) {
    assert.ok(!legacyAcceptsDate(bad), bad)
  }
})

test('Effect must be spelt exactly', () => {
  assert.ok(legacyAcceptsStatement({ Effect: 'Deny' }))
  assert.ok(!legacyAcceptsStatement({ Effect: 'deny' }))
})

test('only Date operators have their values checked', () => {
  assert.ok(legacyAcceptsStatement({ Effect: 'Allow', Condition: { StringEquals: { a: 'sdfdsf' } } }))
  assert.ok(!legacyAcceptsStatement({ Effect: 'Allow', Condition: { 'ForAnyValue:DateEqualsIfExists': { a: ['2020-01-01', 'x'] } } }))
})
