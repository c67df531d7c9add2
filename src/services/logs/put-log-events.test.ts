import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callLogs, failure, fakeCallContext } from './fake-call-context.js'
import { classify } from './put-log-events.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

function withStream() {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 's' })
  return ctx
}

function put(ctx: ReturnType<typeof withStream>, logEvents: Array<{ timestamp: number; message: string }>, extra: Record<string, unknown> = {}) {
  return callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents, ...extra })
}

function stored(ctx: ReturnType<typeof withStream>) {
  return callLogs(ctx, 'GetLogEvents', { logGroupName: 'g', logStreamName: 's', startFromHead: true }).events.map((e: any) => e.message)
}

test('PutLogEvents stores events, ignores the sequence token and updates the stream', () => {
  const ctx = withStream()
  const now = ctx.now.getTime()
  const first = put(ctx, [{ timestamp: now - 2000, message: 'one' }, { timestamp: now - 1000, message: 'two' }], { sequenceToken: 'whatever' })
  assert.deepEqual(first, { nextSequenceToken: '1'.padStart(56, '0'), rejectedLogEventsInfo: undefined })
  const second = put(ctx, [{ timestamp: now - 5000, message: 'earlier' }])
  assert.equal(second.nextSequenceToken, '2'.padStart(56, '0'))
  assert.deepEqual(stored(ctx), ['earlier', 'one', 'two'])
  const [stream] = callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g' }).logStreams
  assert.equal(stream.firstEventTimestamp, now - 5000)
  assert.equal(stream.lastEventTimestamp, now - 1000)
  assert.equal(stream.lastIngestionTime, now)
  assert.equal(stream.uploadSequenceToken, '2'.padStart(56, '0'))
  assert.equal(callLogs(ctx, 'DescribeLogGroups').logGroups[0].storedBytes, 3 + 3 + 7)
})

test('unknown group or stream: ResourceNotFoundException with AWS wording', () => {
  const ctx = withStream()
  const event = [{ timestamp: ctx.now.getTime(), message: 'x' }]
  assert.deepEqual(failure(() => callLogs(ctx, 'PutLogEvents', { logGroupName: 'nope', logStreamName: 's', logEvents: event })), {
    code: 'ResourceNotFoundException',
    message: 'The specified log group does not exist.',
  })
  assert.deepEqual(failure(() => callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: 'nope', logEvents: event })), {
    code: 'ResourceNotFoundException',
    message: 'The specified log stream does not exist.',
  })
})

test('a batch out of chronological order fails whole and stores nothing', () => {
  const ctx = withStream()
  const now = ctx.now.getTime()
  assert.deepEqual(failure(() => put(ctx, [{ timestamp: now, message: 'b' }, { timestamp: now - 1, message: 'a' }])), {
    code: 'InvalidParameterException',
    message: 'Log events in a single PutLogEvents request must be in chronological order.',
  })
  assert.deepEqual(stored(ctx), [])
  assert.equal(callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g' }).logStreams[0].uploadSequenceToken, undefined)
})

test('batch size counts UTF-8 bytes plus 26 per event, limit 1,048,576', () => {
  const ctx = withStream()
  const now = ctx.now.getTime()
  const exact = [{ timestamp: now, message: 'x'.repeat(524_262) }, { timestamp: now, message: 'y'.repeat(524_262) }]
  put(ctx, exact) // 2 × (524,262 + 26) = 1,048,576
  const over = [{ timestamp: now, message: 'é'.repeat(262_131) }, { timestamp: now, message: 'z'.repeat(524_289) }]
  assert.deepEqual(failure(() => put(ctx, over)), {
    code: 'InvalidParameterException',
    message: 'Upload too large: 1048603 bytes exceeds limit of 1048576',
  })
  assert.deepEqual(failure(() => put(ctx, [{ timestamp: now, message: 'q'.repeat(1_048_551) }])), {
    code: 'InvalidParameterException',
    message: 'Log event too large: 1048577 bytes exceeds limit of 1048576',
  })
  assert.equal(stored(ctx).length, 2)
})

test('too new, too old and expired events are rejected while the rest are stored', () => {
  const ctx = withStream()
  const now = ctx.now.getTime()
  const result = put(ctx, [
    { timestamp: now - 15 * DAY, message: 'too old' },
    { timestamp: now - HOUR, message: 'kept 1' },
    { timestamp: now + HOUR, message: 'kept 2' },
    { timestamp: now + 3 * HOUR, message: 'too new' },
  ])
  assert.deepEqual(result.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 0, tooNewLogEventStartIndex: 3 })
  assert.deepEqual(stored(ctx), ['kept 1', 'kept 2'])
  callLogs(ctx, 'PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 1 })
  const expired = put(ctx, [{ timestamp: now - 2 * DAY, message: 'expired' }, { timestamp: now, message: 'kept 3' }])
  assert.deepEqual(expired.rejectedLogEventsInfo, { expiredLogEventEndIndex: 0 })
  assert.deepEqual(stored(ctx), ['kept 1', 'kept 3', 'kept 2'])
})

test('accepted events spanning more than 24 hours fail the call', () => {
  const ctx = withStream()
  const now = ctx.now.getTime()
  assert.deepEqual(failure(() => put(ctx, [{ timestamp: now - 25 * HOUR, message: 'a' }, { timestamp: now, message: 'b' }])), {
    code: 'InvalidParameterException',
    message: 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.',
  })
  // Rejected events do not count towards the span.
  put(ctx, [{ timestamp: now - 20 * DAY, message: 'old' }, { timestamp: now - 23 * HOUR, message: 'a' }, { timestamp: now, message: 'b' }])
  assert.deepEqual(stored(ctx), ['a', 'b'])
})

test('classify marks the boundaries exactly: 14 days back and 2 hours ahead are still accepted', () => {
  const now = 10 * 365 * DAY
  const { accepted, rejected } = classify([{ timestamp: now - 14 * DAY }, { timestamp: now + 2 * HOUR }, { timestamp: now + 2 * HOUR + 1 }], now, undefined)
  assert.deepEqual(accepted, [0, 1])
  assert.deepEqual(rejected, { tooNewLogEventStartIndex: 2 })
})
