import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callLogs, failure, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'

const NOT_FOUND = { code: 'ResourceNotFoundException', message: 'The specified log group does not exist.' }

test('CreateLogGroup stores the group; DescribeLogGroups shows it with both ARNs and creation time in ms', () => {
  const ctx = fakeCallContext()
  assert.deepEqual(callLogs(ctx, 'CreateLogGroup', { logGroupName: '/ecs/web' }), {})
  const { logGroups, nextToken } = callLogs(ctx, 'DescribeLogGroups')
  assert.equal(nextToken, undefined)
  assert.deepEqual(logGroups, [
    {
      logGroupName: '/ecs/web',
      creationTime: ctx.now.getTime(),
      retentionInDays: undefined,
      metricFilterCount: 0,
      arn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:/ecs/web:*`,
      storedBytes: 0,
      kmsKeyId: undefined,
      logGroupClass: 'STANDARD',
      logGroupArn: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:/ecs/web`,
      deletionProtectionEnabled: false,
    },
  ])
  assert.deepEqual(ctx.audit.resources[0], { ARN: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:/ecs/web`, type: 'AWS::Logs::LogGroup', name: '/ecs/web' })
})

test('CreateLogGroup of an existing name fails and changes nothing', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g', tags: { team: 'a' } })
  assert.deepEqual(failure(() => callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g', tags: { team: 'b' } })), {
    code: 'ResourceAlreadyExistsException',
    message: 'The specified log group already exists',
  })
  assert.deepEqual(callLogs(ctx, 'ListTagsLogGroup', { logGroupName: 'g' }), { tags: { team: 'a' } })
})

test('log group names starting with aws/ (any case) are reserved; /aws/… is fine', () => {
  const ctx = fakeCallContext()
  for (const name of ['aws/x', 'AWS/x', 'Aws/y']) {
    assert.deepEqual(failure(() => callLogs(ctx, 'CreateLogGroup', { logGroupName: name })), {
      code: 'InvalidParameterException',
      message: 'Log groups starting with AWS/ are reserved for AWS.',
    })
  }
  callLogs(ctx, 'CreateLogGroup', { logGroupName: '/aws/ecs/containerinsights' })
  assert.deepEqual(callLogs(ctx, 'DescribeLogGroups').logGroups.map((g: any) => g.logGroupName), ['/aws/ecs/containerinsights'])
})

test('CreateLogGroup with tags needs logs:TagResource or logs:TagLogGroup', () => {
  const onlyTagLogGroup = fakeCallContext({ permits: (r) => r.action === 'logs:TagLogGroup' })
  callLogs(onlyTagLogGroup, 'CreateLogGroup', { logGroupName: 'g', tags: { env: 'dev' } })
  assert.deepEqual(
    onlyTagLogGroup.checked.map((r) => [r.action, r.resource, r.context]),
    [
      ['logs:TagResource', `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g`, { 'aws:TagKeys': ['env'], 'aws:RequestTag/env': 'dev' }],
      ['logs:TagLogGroup', `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g:log-stream:`, { 'aws:TagKeys': ['env'], 'aws:RequestTag/env': 'dev' }],
    ],
  )
  const neither = fakeCallContext({ permits: () => false })
  assert.deepEqual(failure(() => callLogs(neither, 'CreateLogGroup', { logGroupName: 'g', tags: { env: 'dev' } })), {
    code: 'AccessDeniedException',
    message: `User with accountId: ${TEST_ACCOUNT} is not authorized to perform CreateLogGroup with Tags`,
  })
  assert.deepEqual(callLogs(neither, 'DescribeLogGroups').logGroups, [])
  // Without tags nothing extra is checked.
  callLogs(neither, 'CreateLogGroup', { logGroupName: 'plain' })
  assert.equal(neither.checked.length, 2)
})

test('DeleteLogGroup removes the group, its streams and their events; unknown groups are not found', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'g', logStreamName: 's' })
  callLogs(ctx, 'PutLogEvents', { logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: ctx.now.getTime(), message: 'hi' }] })
  callLogs(ctx, 'DeleteLogGroup', { logGroupName: 'g' })
  assert.deepEqual(callLogs(ctx, 'DescribeLogGroups').logGroups, [])
  assert.equal(ctx.store.logEvents.query({ scope: `${TEST_ACCOUNT}/us-east-1`, logGroup: 'g', limit: 10 }).length, 0)
  assert.deepEqual(failure(() => callLogs(ctx, 'DeleteLogGroup', { logGroupName: 'g' })), NOT_FOUND)
  // A group of the same name starts empty.
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  assert.deepEqual(callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'g' }).logStreams, [])
})

test('deletion protection blocks DeleteLogGroup and DeleteLogStream', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'kept', deletionProtectionEnabled: true })
  callLogs(ctx, 'CreateLogStream', { logGroupName: 'kept', logStreamName: 's' })
  assert.equal(failure(() => callLogs(ctx, 'DeleteLogGroup', { logGroupName: 'kept' })).code, 'ValidationException')
  assert.equal(failure(() => callLogs(ctx, 'DeleteLogStream', { logGroupName: 'kept', logStreamName: 's' })).code, 'ValidationException')
  assert.equal(callLogs(ctx, 'DescribeLogStreams', { logGroupName: 'kept' }).logStreams.length, 1)
})

test('DescribeLogGroups: prefix, pattern (substring, brief output), class, identifiers, sorted ASCII', () => {
  const ctx = fakeCallContext()
  for (const name of ['b/DataLogs', 'a', 'DataLogs', 'GroupDataLogs', 'datalogs', 'a/x']) callLogs(ctx, 'CreateLogGroup', { logGroupName: name })
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'cheap', logGroupClass: 'INFREQUENT_ACCESS' })
  const names = (input: Record<string, unknown>) => callLogs(ctx, 'DescribeLogGroups', input).logGroups.map((g: any) => g.logGroupName)
  assert.deepEqual(names({}), ['DataLogs', 'GroupDataLogs', 'a', 'a/x', 'b/DataLogs', 'cheap', 'datalogs'])
  assert.deepEqual(names({ logGroupNamePrefix: 'a' }), ['a', 'a/x'])
  assert.deepEqual(names({ logGroupNamePattern: 'DataLogs' }), ['DataLogs', 'GroupDataLogs', 'b/DataLogs'])
  assert.deepEqual(Object.keys(callLogs(ctx, 'DescribeLogGroups', { logGroupNamePattern: 'DataLogs' }).logGroups[0]).sort(), ['arn', 'creationTime', 'logGroupName'])
  assert.deepEqual(names({ logGroupClass: 'INFREQUENT_ACCESS' }), ['cheap'])
  assert.deepEqual(names({ logGroupIdentifiers: ['a', `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:cheap`, 'nope'] }), ['a', 'cheap'])
  assert.equal(failure(() => callLogs(ctx, 'DescribeLogGroups', { logGroupNamePrefix: 'a', logGroupNamePattern: 'a' })).code, 'InvalidParameterException')
})

test('DescribeLogGroups pages with limit and nextToken, and the last page has no token', () => {
  const ctx = fakeCallContext()
  for (let i = 0; i < 7; i++) callLogs(ctx, 'CreateLogGroup', { logGroupName: `g${i}` })
  const seen: string[] = []
  let token: string | undefined
  let pages = 0
  do {
    const page = callLogs(ctx, 'DescribeLogGroups', { limit: 3, nextToken: token })
    seen.push(...page.logGroups.map((g: any) => g.logGroupName))
    token = page.nextToken
    pages++
  } while (token)
  assert.equal(pages, 3)
  assert.deepEqual(seen, ['g0', 'g1', 'g2', 'g3', 'g4', 'g5', 'g6'])
  assert.deepEqual(failure(() => callLogs(ctx, 'DescribeLogGroups', { nextToken: 'garbage' })), {
    code: 'InvalidParameterException',
    message: 'The specified nextToken is invalid.',
  })
})

test('PutRetentionPolicy accepts only the documented values; DeleteRetentionPolicy clears it', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  assert.deepEqual(failure(() => callLogs(ctx, 'PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 2 })), {
    code: 'InvalidParameterException',
    message:
      "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: " +
      '[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]',
  })
  assert.equal(callLogs(ctx, 'DescribeLogGroups').logGroups[0].retentionInDays, undefined)
  callLogs(ctx, 'PutRetentionPolicy', { logGroupName: 'g', retentionInDays: 7 })
  assert.equal(callLogs(ctx, 'DescribeLogGroups').logGroups[0].retentionInDays, 7)
  callLogs(ctx, 'DeleteRetentionPolicy', { logGroupName: 'g' })
  assert.equal(callLogs(ctx, 'DescribeLogGroups').logGroups[0].retentionInDays, undefined)
  assert.deepEqual(failure(() => callLogs(ctx, 'PutRetentionPolicy', { logGroupName: 'x', retentionInDays: 7 })), NOT_FOUND)
  assert.deepEqual(failure(() => callLogs(ctx, 'DeleteRetentionPolicy', { logGroupName: 'x' })), NOT_FOUND)
})
