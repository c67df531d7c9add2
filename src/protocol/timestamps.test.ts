// Timestamps in and out: what clients send, what handlers return, what each protocol prints.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { epochSeconds, formatIso8601, parseTimestamp, toDate } from './timestamps.js'

test('requests: ISO 8601 at any precision or epoch seconds', () => {
  assert.equal(parseTimestamp('2024-01-02T03:04:05Z')?.toISOString(), '2024-01-02T03:04:05.000Z')
  assert.equal(parseTimestamp('2024-01-02T03:04:05.123+01:00')?.toISOString(), '2024-01-02T02:04:05.123Z')
  assert.equal(parseTimestamp(1704164645.5)?.toISOString(), '2024-01-02T03:04:05.500Z')
  assert.equal(parseTimestamp('1704164645')?.toISOString(), '2024-01-02T03:04:05.000Z')
  assert.equal(parseTimestamp('next tuesday'), undefined)
})

test('handler values: Date, ISO string, epoch seconds, or epoch milliseconds when that large', () => {
  assert.equal(toDate(1704164645)?.toISOString(), '2024-01-02T03:04:05.000Z')
  assert.equal(toDate(1704164645000)?.toISOString(), '2024-01-02T03:04:05.000Z')
  assert.equal(toDate('2024-01-02T03:04:05Z')?.getTime(), 1704164645000)
  assert.equal(toDate({}), undefined)
})

test('wire forms', () => {
  const date = new Date('2024-01-02T03:04:05.250Z')
  assert.equal(formatIso8601(date, false), '2024-01-02T03:04:05Z')
  assert.equal(formatIso8601(date, true), '2024-01-02T03:04:05.250Z')
  assert.equal(epochSeconds(date), 1704164645.25)
})
