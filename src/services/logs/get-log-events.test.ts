import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callLogs, failure, fakeCallContext, type FakeContext } from './fake-call-context.js'

function withStream(): FakeContext {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 's' })
  return ctx
}

function put(ctx: FakeContext, events: Array<[number, string]>) {
  callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: events.map(([timestamp, message]) => ({ timestamp, message })) })
}

function get(ctx: FakeContext, input: Record<string, unknown> = {}) {
  return callLogs(ctx, 'GetLogEvents', { logGroupName: 'g', logStreamName: 's', ...input })
}

/** Follows one direction's token until it comes back unchanged, as the SDK paginators do. */
function follow(ctx: FakeContext, input: Record<string, unknown>, direction: 'nextForwardToken' | 'nextBackwardToken') {
  const pages: string[][] = []
  let token: string | undefined
  for (let i = 0; i < 100; i++) {
    const page = get(ctx, { ...input, nextToken: token })
    pages.push(page.events.map((e: any) => e.message))
    if (token !== undefined && page[direction] === token) return pages
    token = page[direction]
  }
  throw new Error('pagination did not terminate')
}

test('an empty stream answers tokens in AWS format, and each token comes back unchanged', () => {
  const ctx = withStream()
  const first = get(ctx)
  assert.deepEqual(first.events, [])
  assert.match(first.nextForwardToken, /^f\/\d{56}\/s$/)
  assert.match(first.nextBackwardToken, /^b\/\d{56}\/s$/)
  assert.equal(get(ctx, { nextToken: first.nextForwardToken }).nextForwardToken, first.nextForwardToken)
  assert.equal(get(ctx, { nextToken: first.nextBackwardToken }).nextBackwardToken, first.nextBackwardToken)
})

test('startFromHead pages forward; the end returns the same forward token and the backward token of that place', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, [[t - 5, 'e1'], [t - 4, 'e2'], [t - 3, 'e3'], [t - 2, 'e4'], [t - 1, 'e5']])
  assert.deepEqual(follow(ctx, { startFromHead: true, limit: 2 }, 'nextForwardToken'), [['e1', 'e2'], ['e3', 'e4'], ['e5'], []])
  const last = get(ctx, { startFromHead: true, limit: 10 })
  const end = get(ctx, { nextToken: last.nextForwardToken })
  assert.deepEqual(end.events, [])
  assert.equal(end.nextForwardToken, last.nextForwardToken)
  assert.equal(end.nextBackwardToken, 'b' + last.nextForwardToken.slice(1))
})

test('by default the latest events come first; backward tokens walk to the start and then repeat', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, [[t - 5, 'e1'], [t - 4, 'e2'], [t - 3, 'e3'], [t - 2, 'e4'], [t - 1, 'e5']])
  assert.deepEqual(get(ctx, { limit: 2 }).events.map((e: any) => e.message), ['e4', 'e5'])
  assert.deepEqual(follow(ctx, { limit: 2 }, 'nextBackwardToken'), [['e4', 'e5'], ['e2', 'e3'], ['e1'], []])
})

test('a backward page then its forward token continues without gaps or repeats', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, [[t - 3, 'a'], [t - 2, 'b'], [t - 1, 'c'], [t, 'd']])
  const latest = get(ctx, { limit: 2 })
  const older = get(ctx, { nextToken: latest.nextBackwardToken, limit: 2 })
  assert.deepEqual(older.events.map((e: any) => e.message), ['a', 'b'])
  assert.deepEqual(get(ctx, { nextToken: older.nextForwardToken, limit: 10 }).events.map((e: any) => e.message), ['c', 'd'])
})

test('tailing: a repeated forward token later returns events that arrived since', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, [[t - 10, 'first']])
  const head = get(ctx, { startFromHead: true })
  const idle = get(ctx, { nextToken: head.nextForwardToken })
  assert.equal(idle.nextForwardToken, head.nextForwardToken)
  put(ctx, [[t - 5, 'second'], [t - 5, 'third']])
  const more = get(ctx, { nextToken: idle.nextForwardToken })
  assert.deepEqual(more.events.map((e: any) => e.message), ['second', 'third'])
  assert.notEqual(more.nextForwardToken, idle.nextForwardToken)
})

test('events with equal timestamps page in arrival order without skips', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, Array.from({ length: 7 }, (_, i) => [t, `same-${i}`] as [number, string]))
  const pages = follow(ctx, { startFromHead: true, limit: 3 }, 'nextForwardToken')
  assert.deepEqual(pages.flat(), Array.from({ length: 7 }, (_, i) => `same-${i}`))
  const backward = follow(ctx, { limit: 3 }, 'nextBackwardToken')
  assert.deepEqual(backward.reverse().flat(), Array.from({ length: 7 }, (_, i) => `same-${i}`))
})

test('startTime is inclusive and endTime exclusive; output carries timestamp and ingestionTime', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, [[t - 30, 'a'], [t - 20, 'b'], [t - 10, 'c']])
  const page = get(ctx, { startTime: t - 20, endTime: t - 10, startFromHead: true })
  assert.deepEqual(page.events, [{ timestamp: t - 20, message: 'b', ingestionTime: t }])
  assert.deepEqual(get(ctx, { startTime: t - 5 }).events, [])
})

test('a batch with earlier timestamps than stored events is read in timestamp order', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  put(ctx, [[t - 1, 'late']])
  put(ctx, [[t - 100, 'early']])
  assert.deepEqual(get(ctx, { startFromHead: true }).events.map((e: any) => e.message), ['early', 'late'])
})

test('a page holds at most 1 MB of events', () => {
  const ctx = withStream()
  const t = ctx.now.getTime()
  const big = 'x'.repeat(400_000)
  put(ctx, [[t - 3, big], [t - 2, big]])
  put(ctx, [[t - 1, big]])
  const first = get(ctx, { startFromHead: true })
  assert.equal(first.events.length, 2)
  assert.equal(get(ctx, { nextToken: first.nextForwardToken }).events.length, 1)
})

test('errors: bad token, unknown group or stream, both group name and identifier', () => {
  const ctx = withStream()
  assert.deepEqual(failure(() => get(ctx, { nextToken: 'f/123' })), { code: 'InvalidParameterException', message: 'The specified nextToken is invalid.' })
  assert.deepEqual(failure(() => get(ctx, { logGroupName: 'nope' })), { code: 'ResourceNotFoundException', message: 'The specified log group does not exist.' })
  assert.deepEqual(failure(() => get(ctx, { logStreamName: 'nope' })), { code: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' })
  assert.equal(failure(() => get(ctx, { logGroupIdentifier: 'g' })).code, 'InvalidParameterException')
  assert.deepEqual(callLogs(ctx, 'GetLogEvents', { logGroupIdentifier: 'arn:aws:logs:us-east-1:111122223333:log-group:g', logStreamName: 's' }).events, [])
})
