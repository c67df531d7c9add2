import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callLogs, failure, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'

const ARN = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g`

test('TagResource / UntagResource / ListTagsForResource by the group ARN', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g', tags: { a: '1' } })
  callLogs(ctx, 'TagResource', { resourceArn: ARN, tags: { b: '2', a: 'one' } })
  assert.deepEqual(callLogs(ctx, 'ListTagsForResource', { resourceArn: ARN }), { tags: { a: 'one', b: '2' } })
  callLogs(ctx, 'UntagResource', { resourceArn: ARN, tagKeys: ['a', 'missing'] })
  assert.deepEqual(callLogs(ctx, 'ListTagsForResource', { resourceArn: ARN }), { tags: { b: '2' } })
})

test('the older TagLogGroup / UntagLogGroup / ListTagsLogGroup by name', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g' })
  assert.deepEqual(callLogs(ctx, 'ListTagsLogGroup', { logGroupName: 'g' }), { tags: {} })
  callLogs(ctx, 'TagLogGroup', { logGroupName: 'g', tags: { team: 'x', env: 'dev' } })
  callLogs(ctx, 'UntagLogGroup', { logGroupName: 'g', tags: ['env'] })
  assert.deepEqual(callLogs(ctx, 'ListTagsLogGroup', { logGroupName: 'g' }), { tags: { team: 'x' } })
  assert.deepEqual(callLogs(ctx, 'ListTagsForResource', { resourceArn: ARN }), { tags: { team: 'x' } })
})

test('more than 50 tags is TooManyTagsException and keeps the old tags', () => {
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g', tags: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v'])) })
  const more = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`n${i}`, 'v']))
  assert.deepEqual(failure(() => callLogs(ctx, 'TagResource', { resourceArn: ARN, tags: more })), {
    code: 'TooManyTagsException',
    message: 'A resource can have no more than 50 tags.',
  })
  assert.equal(Object.keys(callLogs(ctx, 'ListTagsForResource', { resourceArn: ARN }).tags).length, 40)
})

test('unknown groups and foreign ARNs are not found', () => {
  const ctx = fakeCallContext()
  assert.deepEqual(failure(() => callLogs(ctx, 'TagResource', { resourceArn: ARN, tags: { a: 'b' } })), {
    code: 'ResourceNotFoundException',
    message: 'The specified log group does not exist.',
  })
  for (const resourceArn of ['arn:aws:logs:us-east-1:999988887777:log-group:g', 'arn:aws:logs:eu-west-1:111122223333:log-group:g', 'arn:aws:logs:us-east-1:111122223333:destination:d']) {
    assert.equal(failure(() => callLogs(ctx, 'ListTagsForResource', { resourceArn })).code, 'ResourceNotFoundException', resourceArn)
  }
  assert.equal(failure(() => callLogs(ctx, 'ListTagsLogGroup', { logGroupName: 'g' })).code, 'ResourceNotFoundException')
})
