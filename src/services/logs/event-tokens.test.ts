import assert from 'node:assert/strict'
import { test } from 'node:test'
import { eventId, formatEventToken, formatFilterToken, gapAfter, gapBefore, parseEventToken, parseFilterToken } from './event-tokens.js'

test('GetLogEvents tokens round-trip and look like AWS tokens', () => {
  const token = formatEventToken('f', { timestamp: 1_735_787_045_678, seq: 42 })
  assert.equal(token, 'f/00000001735787045678000000000000000000000000000000000042/s')
  assert.deepEqual(parseEventToken(token), { direction: 'f', gap: { timestamp: 1_735_787_045_678, seq: 42 } })
  // Without the `/s` suffix (older AWS tokens) it still reads.
  assert.deepEqual(parseEventToken(token.slice(0, -2)).gap.seq, 42)
  assert.equal(parseEventToken(formatEventToken('b', { timestamp: 0, seq: 0 })).direction, 'b')
})

test('malformed tokens are InvalidParameterException', () => {
  for (const token of ['f/1', 'x/' + '0'.repeat(56), 'f/' + '9'.repeat(56), 'b/' + '0'.repeat(55) + 'a/s']) {
    assert.throws(() => parseEventToken(token), (e: any) => e.code === 'InvalidParameterException' && e.message === 'The specified nextToken is invalid.', token)
  }
  assert.throws(() => parseFilterToken('not-ours'), (e: any) => e.code === 'InvalidParameterException')
})

test('gaps sit just after and just before an event; filter tokens and event ids are stable', () => {
  const event = { timestamp: 5, seq: 7 }
  assert.deepEqual(gapAfter(event), { timestamp: 5, seq: 7 })
  assert.deepEqual(gapBefore(event), { timestamp: 5, seq: 6 })
  assert.deepEqual(parseFilterToken(formatFilterToken(event)), event)
  assert.equal(eventId(event), '0'.repeat(19) + '5' + '0'.repeat(35) + '7')
})
