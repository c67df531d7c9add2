import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callLogs, failure, fakeCallContext, type FakeContext } from './fake-call-context.js'

function withStreams(): FakeContext {
  const ctx = fakeCallContext()
  const t = ctx.now.getTime()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  for (const name of ['web/1', 'web/2', 'db/1']) callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: name })
  const put = (stream: string, events: Array<[number, string]>) =>
    callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: stream, logEvents: events.map(([timestamp, message]) => ({ timestamp, message })) })
  put('web/1', [[t - 50, 'web1 ERROR a'], [t - 30, 'web1 ok b']])
  put('web/2', [[t - 40, 'web2 ERROR c'], [t - 10, 'web2 ok d']])
  put('db/1', [[t - 45, 'db WARN e'], [t - 20, 'db ERROR f']])
  return ctx
}

function filter(ctx: FakeContext, input: Record<string, unknown> = {}) {
  return callLogs(ctx, 'FilterLogEvents', { logGroupName: 'g', ...input })
}

const messages = (result: any) => result.events.map((e: any) => e.message)

test('FilterLogEvents interleaves all streams in timestamp order with stream names and event ids', () => {
  const ctx = withStreams()
  const result = filter(ctx)
  assert.deepEqual(messages(result), ['web1 ERROR a', 'db WARN e', 'web2 ERROR c', 'web1 ok b', 'db ERROR f', 'web2 ok d'])
  assert.deepEqual(result.searchedLogStreams, [])
  assert.equal(result.nextToken, undefined)
  const [first] = result.events
  assert.equal(first.logStreamName, 'web/1')
  assert.equal(first.timestamp, ctx.now.getTime() - 50)
  assert.equal(first.ingestionTime, ctx.now.getTime())
  assert.match(first.eventId, /^\d{56}$/)
  assert.equal(new Set(result.events.map((e: any) => e.eventId)).size, 6)
})

test('stream names, stream prefix, time range (both ends inclusive) and pattern narrow the result', () => {
  const ctx = withStreams()
  const t = ctx.now.getTime()
  assert.deepEqual(messages(filter(ctx, { logStreamNames: ['db/1', 'web/2'] })), ['db WARN e', 'web2 ERROR c', 'db ERROR f', 'web2 ok d'])
  assert.deepEqual(messages(filter(ctx, { logStreamNamePrefix: 'web/' })), ['web1 ERROR a', 'web2 ERROR c', 'web1 ok b', 'web2 ok d'])
  assert.deepEqual(messages(filter(ctx, { startTime: t - 40, endTime: t - 20 })), ['web2 ERROR c', 'web1 ok b', 'db ERROR f'])
  assert.deepEqual(messages(filter(ctx, { filterPattern: 'ERROR' })), ['web1 ERROR a', 'web2 ERROR c', 'db ERROR f'])
  assert.deepEqual(messages(filter(ctx, { filterPattern: '?WARN ?ok', logStreamNamePrefix: 'db' })), ['db WARN e'])
  assert.deepEqual(messages(filter(ctx, { logStreamNames: ['missing'] })), [])
})

test('nextToken pages through the matches; the last page has no token', () => {
  const ctx = withStreams()
  const seen: string[] = []
  let token: string | undefined
  let calls = 0
  do {
    const page = filter(ctx, { limit: 2, nextToken: token, filterPattern: 'web' })
    seen.push(...messages(page))
    token = page.nextToken
    calls++
  } while (token && calls < 10)
  assert.deepEqual(seen, ['web1 ERROR a', 'web2 ERROR c', 'web1 ok b', 'web2 ok d'])
  assert.equal(token, undefined)
})

test('errors: both stream filters, bad token, unknown group, bad pattern', () => {
  const ctx = withStreams()
  assert.equal(failure(() => filter(ctx, { logStreamNames: ['a'], logStreamNamePrefix: 'a' })).code, 'InvalidParameterException')
  assert.deepEqual(failure(() => filter(ctx, { nextToken: 'nope' })), { code: 'InvalidParameterException', message: 'The specified nextToken is invalid.' })
  assert.deepEqual(failure(() => filter(ctx, { logGroupName: 'nope' })), { code: 'ResourceNotFoundException', message: 'The specified log group does not exist.' })
  assert.equal(failure(() => filter(ctx, { filterPattern: '{ $.a = ' })).code, 'InvalidParameterException')
})

test('a call reads a bounded number of rows: a sparse match over a large group comes back in pages, some empty', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'big' })
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'big', logStreamName: 's' })
  const t = ctx.now.getTime() - 100_000
  for (let batch = 0; batch < 7; batch++) {
    const logEvents = Array.from({ length: 10_000 }, (_, i) => ({ timestamp: t + batch * 10_000 + i, message: batch === 6 && i === 9_999 ? 'needle' : 'hay' }))
    callLogs(ctx, 'PutLogEvents', { logGroupName: 'big', logStreamName: 's', logEvents })
  }
  // A regex pattern cannot be narrowed in the store, so every row is read in JavaScript.
  const first = callLogs(ctx, 'FilterLogEvents', { logGroupName: 'big', filterPattern: '%^needle$%' })
  assert.deepEqual(first.events, [])
  assert.ok(first.nextToken, 'more rows remain')
  const second = callLogs(ctx, 'FilterLogEvents', { logGroupName: 'big', filterPattern: '%^needle$%', nextToken: first.nextToken })
  assert.deepEqual(messages(second), ['needle'])
  assert.equal(second.nextToken, undefined)
  // A plain term is narrowed in the store and found in one call.
  assert.deepEqual(messages(callLogs(ctx, 'FilterLogEvents', { logGroupName: 'big', filterPattern: 'needle' })), ['needle'])
})
