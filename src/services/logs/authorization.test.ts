import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { LOGS_AUTHORIZATION } from './authorization.js'
import { callLogs, fakeCallContext, TEST_ACCOUNT } from './fake-call-context.js'
import { logsService } from './index.js'

const GROUP = `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group:g`

function declared(operation: string, input: Record<string, unknown>, ctx = fakeCallContext()) {
  const requirements = LOGS_AUTHORIZATION[operation]!(input, ctx)
  assert.notEqual(requirements, 'none')
  return (requirements as Exclude<typeof requirements, 'none'>).map((r) => ({ action: r.action, resource: r.resource, context: r.context }))
}

test('every implemented operation is a model operation and declares its authorization', () => {
  const model = JSON.parse(readFileSync(new URL('../../../models/logs.json', import.meta.url), 'utf8'))
  for (const [name, operation] of Object.entries(logsService.operations)) {
    assert.ok(model.operations[name], `${name} is not in models/logs.json`)
    assert.equal(typeof operation.authorization, 'function', name)
  }
  assert.equal(Object.keys(logsService.operations).length, 17)
  assert.deepEqual(logsService.accessDenied, { code: 'AccessDeniedException', status: 400 })
})

test('stream actions name the stream ARN; group actions name log-group:<name>:log-stream:', () => {
  assert.deepEqual(declared('CreateLogStream', { logGroupName: 'g', logStreamName: 'ecs/app/1' }), [
    { action: 'logs:CreateLogStream', resource: `${GROUP}:log-stream:ecs/app/1`, context: {} },
  ])
  assert.equal(declared('PutLogEvents', { logGroupName: 'g', logStreamName: 's' })[0]!.resource, `${GROUP}:log-stream:s`)
  assert.equal(declared('GetLogEvents', { logGroupIdentifier: `${GROUP}:*`, logStreamName: 's' })[0]!.resource, `${GROUP}:log-stream:s`)
  assert.equal(declared('DeleteLogStream', { logGroupName: 'g', logStreamName: 's' })[0]!.resource, `${GROUP}:log-stream:s`)
  for (const operation of ['DeleteLogGroup', 'PutRetentionPolicy', 'DeleteRetentionPolicy', 'DescribeLogStreams', 'FilterLogEvents', 'ListTagsLogGroup']) {
    assert.deepEqual(declared(operation, { logGroupName: 'g' }), [{ action: `logs:${operation}`, resource: `${GROUP}:log-stream:`, context: {} }], operation)
  }
  assert.deepEqual(declared('DescribeLogGroups', {}), [
    { action: 'logs:DescribeLogGroups', resource: `arn:aws:logs:us-east-1:${TEST_ACCOUNT}:log-group::log-stream:`, context: {} },
  ])
})

test('tag condition keys: request tags on create and tag, tag keys on untag, resource tags from the stored group', () => {
  assert.deepEqual(declared('CreateLogGroup', { logGroupName: 'g', tags: { team: 'a' } }), [
    { action: 'logs:CreateLogGroup', resource: `${GROUP}:log-stream:`, context: { 'aws:TagKeys': ['team'], 'aws:RequestTag/team': 'a' } },
  ])
  const ctx = fakeCallContext()
  callLogs(ctx, 'CreateLogGroup', { logGroupName: 'g', tags: { env: 'prod' } })
  assert.deepEqual(declared('TagResource', { resourceArn: GROUP, tags: { team: 'b' } }, ctx), [
    { action: 'logs:TagResource', resource: GROUP, context: { 'aws:ResourceTag/env': 'prod', 'aws:TagKeys': ['team'], 'aws:RequestTag/team': 'b' } },
  ])
  assert.deepEqual(declared('UntagResource', { resourceArn: GROUP, tagKeys: ['env'] }, ctx)[0]!.context, { 'aws:ResourceTag/env': 'prod', 'aws:TagKeys': ['env'] })
  assert.deepEqual(declared('PutLogEvents', { logGroupName: 'g', logStreamName: 's' }, ctx)[0]!.context, { 'aws:ResourceTag/env': 'prod' })
})

test('naming both or neither of logGroupName and logGroupIdentifier fails before authorization', () => {
  assert.throws(() => declared('FilterLogEvents', {}), (e: any) => e.code === 'InvalidParameterException')
  assert.throws(() => declared('GetLogEvents', { logGroupName: 'g', logGroupIdentifier: 'g', logStreamName: 's' }), (e: any) => e.code === 'InvalidParameterException')
})
