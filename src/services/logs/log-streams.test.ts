import assert from 'node:assert/strict'
import { test } from 'node:test'
import { at, callLogs, failure, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'

const GROUP_NOT_FOUND = { code: 'ResourceNotFoundException', message: 'The specified log group does not exist.' }
const STREAM_NOT_FOUND = { code: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' }

function withGroup() {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  return ctx
}

test('CreateLogStream stores a stream that DescribeLogStreams shows with its ARN and no events yet', () => {
  const ctx = withGroup()
  assert.deepEqual(callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 'ecs/web/abc' }), {})
  assert.deepEqual(callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g' }), {
    logStreams: [
      {
        logStreamName: 'ecs/web/abc',
        creationTime: ctx.now.getTime(),
        firstEventTimestamp: undefined,
        lastEventTimestamp: undefined,
        lastIngestionTime: undefined,
        uploadSequenceToken: undefined,
        arn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g:log-stream:ecs/web/abc`,
        storedBytes: 0,
      },
    ],
    nextToken: undefined,
  })
})

test('CreateLogStream errors: unknown group, existing stream (nothing changes)', () => {
  const ctx = withGroup()
  assert.deepEqual(failure(() => callLogs(ctx, 'CreateLogStream', { logGroupName: 'nope', logStreamName: 's' })), GROUP_NOT_FOUND)
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 's' })
  const later = at(ctx, ctx.now.getTime() + 5_000)
  assert.deepEqual(failure(() => callLogs(later, 'CreateLogStream', { logGroupName: 'g', logStreamName: 's' })), {
    code: 'ResourceAlreadyExistsException',
    message: 'The specified log stream already exists',
  })
  assert.equal(callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g' }).logStreams[0].creationTime, ctx.now.getTime())
})

test('DeleteLogStream removes the stream and its events and lowers the group storedBytes', () => {
  const ctx = withGroup()
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 'a' })
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 'b' })
  const ts = ctx.now.getTime()
  callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: 'a', logEvents: [{ timestamp: ts, message: 'héllo' }] })
  callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: 'b', logEvents: [{ timestamp: ts, message: 'abc' }] })
  assert.equal(callLogs(ctx, 'DescribeLogGroups').logGroups[0].storedBytes, 9)
  callLogs(ctx, 'DeleteLogStream', { logGroupName: 'g', logStreamName: 'a' })
  assert.equal(callLogs(ctx, 'DescribeLogGroups').logGroups[0].storedBytes, 3)
  assert.deepEqual(callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g' }).logStreams.map((s: any) => s.logStreamName), ['b'])
  assert.deepEqual(callLogs(ctx, 'FilterLogEvents', { logGroupName: 'g' }).events.map((e: any) => e.message), ['abc'])
  assert.deepEqual(failure(() => callLogs(ctx, 'DeleteLogStream', { logGroupName: 'g', logStreamName: 'a' })), STREAM_NOT_FOUND)
  assert.deepEqual(failure(() => callLogs(ctx, 'DeleteLogStream', { logGroupName: 'x', logStreamName: 'b' })), GROUP_NOT_FOUND)
})

test('DescribeLogStreams: prefix, descending, LastEventTime order, paging, identifier as ARN', () => {
  const ctx = withGroup()
  const base = ctx.now.getTime()
  const streams = [
    ['web/1', 300],
    ['web/2', 100],
    ['db/1', 200],
    ['web/3', undefined],
  ] as const
  for (const [name, offset] of streams) {
    callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: name })
    if (offset !== undefined) callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: name, logEvents: [{ timestamp: base - offset, message: 'x' }] })
  }
  const names = (input: Record<string, unknown>) =>
    callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g', ...input }).logStreams.map((s: any) => s.logStreamName)
  assert.deepEqual(names({}), ['db/1', 'web/1', 'web/2', 'web/3'])
  assert.deepEqual(names({ logStreamNamePrefix: 'web/' }), ['web/1', 'web/2', 'web/3'])
  assert.deepEqual(names({ descending: true }), ['web/3', 'web/2', 'web/1', 'db/1'])
  assert.deepEqual(names({ orderBy: 'LastEventTime' }), ['web/3', 'web/1', 'db/1', 'web/2'])
  assert.deepEqual(names({ orderBy: 'LastEventTime', descending: true }), ['web/2', 'db/1', 'web/1', 'web/3'])
  const first = callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime', descending: true, limit: 3 })
  assert.deepEqual(first.logStreams.map((s: any) => s.logStreamName), ['web/2', 'db/1', 'web/1'])
  const second = callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime', descending: true, limit: 3, nextToken: first.nextToken })
  assert.deepEqual(second.logStreams.map((s: any) => s.logStreamName), ['web/3'])
  assert.equal(second.nextToken, undefined)
  const byArn = callLogs(ctx, 'DescribeLogStreams', { logGroupIdentifier: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g:*`, logStreamNamePrefix: 'db' })
  assert.deepEqual(byArn.logStreams.map((s: any) => s.logStreamName), ['db/1'])
  assert.equal(callLogs(ctx, 'DescribeLogStreams', { logGroupIdentifier: 'g' }).logStreams.length, 4)
})

test('DescribeLogStreams errors: prefix with LastEventTime, name and identifier together, unknown group', () => {
  const ctx = withGroup()
  assert.deepEqual(failure(() => callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g', orderBy: 'LastEventTime', logStreamNamePrefix: 'a' })), {
    code: 'InvalidParameterException',
    message: 'Cannot order by LastEventTime with a logStreamNamePrefix.',
  })
  assert.equal(failure(() => callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g', logGroupIdentifier: 'g' })).code, 'InvalidParameterException')
  assert.equal(failure(() => callLogs(ctx, 'DescribeLogStreams', {})).code, 'InvalidParameterException')
  assert.deepEqual(failure(() => callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'nope' })), GROUP_NOT_FOUND)
})
