//! Date values for the Date* operators.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseDateValue } from './date-value.js'

test('ISO 8601 date-times, dates and offsets', () => {
  assert.equal(parseDateValue('2020-01-01T00:00:00Z'), Date.UTC(2020, 0, 1))
  assert.equal(parseDateValue('2020-01-01'), Date.UTC(2020, 0, 1))
  assert.equal(parseDateValue('2020-01-01T01:00:00+01:00'), Date.UTC(2020, 0, 1))
  assert.equal(parseDateValue('2016-12-13T21:20:37.593194+00:00'), Date.UTC(2016, 11, 13, 21, 20, 37, 593))
  assert.equal(parseDateValue('2016-12-13t2:00:00Z'), Date.UTC(2016, 11, 13, 2))
})

test('epoch seconds, as text or number', () => {
  assert.equal(parseDateValue('1577836800'), Date.UTC(2020, 0, 1))
  assert.equal(parseDateValue(1577836800), Date.UTC(2020, 0, 1))
})

test('not a date', () => {
  for (const bad of ['soon', '2020-13-01', '2020-01-01T25:00:00Z', true]) assert.equal(parseDateValue(bad), undefined, String(bad))
})
