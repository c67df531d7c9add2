import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Principal } from '../auth/index.js'
import { openStore } from '../store/index.js'
import { recordEvent, type CallRecord } from './record-event.js'

const A = '653711331788'

function call(principal: Principal, extra: Partial<CallRecord> = {}): CallRecord {
  return {
    eventId: 'e1',
    requestId: 'r1',
    eventTime: new Date('2018-11-28T22:31:59.400Z'),
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    region: 'us-east-1',
    principal,
    sourceIp: '192.0.2.1',
    userAgent: 'aws-cli/1.0',
    readOnly: false,
    requestParameters: { RoleArn: `arn:aws:iam::${A}:role/level3`, RoleSessionName: 'd190d14a' },
    responseElements: null,
    resources: [{ ARN: `arn:aws:iam::${A}:role/level3`, type: 'AWS::IAM::Role', name: 'level3' }],
    decision: 'allowed',
    ...extra,
  }
}

test('ECS assuming a task role is recorded as AWS records it (an AwsApiCall by an AWSService identity)', () => {
  const store = openStore(':memory:')
  const ecs: Principal = { type: 'AWSService', service: 'ecs-tasks.amazonaws.com', sourceAccount: A }
  recordEvent(store, call(ecs, { sharedEventId: 'shared-1' }))
  const record = JSON.parse(store.audit.byId('e1')!.record)
  assert.deepEqual(record.userIdentity, { type: 'AWSService', invokedBy: 'ecs-tasks.amazonaws.com' })
  assert.equal(record.eventType, 'AwsApiCall')
  assert.equal(record.sourceIPAddress, 'ecs-tasks.amazonaws.com')
  assert.equal(record.userAgent, 'ecs-tasks.amazonaws.com')
  assert.equal(record.recipientAccountId, A)
  assert.equal(record.sharedEventID, 'shared-1')
  assert.deepEqual(record.requestParameters, { roleArn: `arn:aws:iam::${A}:role/level3`, roleSessionName: 'd190d14a' })
  assert.deepEqual(record.resources, [{ accountId: A, type: 'AWS::IAM::Role', ARN: `arn:aws:iam::${A}:role/level3` }])
})

test('an IAM user’s session credentials carry sessionContext attributes', () => {
  const store = openStore(':memory:')
  const user: Principal = {
    type: 'IAMUser',
    accountId: A,
    arn: `arn:aws:iam::${A}:user/JaneDoe`,
    userId: 'AIDACKCEVSQ6C2EXAMPLE',
    userName: 'JaneDoe',
    path: '/',
    accessKeyId: 'ASIAEXAMPLEEXAMPLE00',
    session: {
      issuedAt: new Date('2014-07-15T21:39:40.120Z'),
      expiresAt: new Date('2014-07-16T09:39:40Z'),
      sessionPolicies: [],
      tags: {},
      transitiveTagKeys: [],
      chained: false,
      mfaPresent: false,
      issuer: { type: 'IAMUser', arn: `arn:aws:iam::${A}:user/JaneDoe`, principalId: 'AIDACKCEVSQ6C2EXAMPLE', accountId: A, userName: 'JaneDoe' },
    },
  }
  recordEvent(store, call(user, { eventName: 'GetUserPolicy', eventSource: 'iam.amazonaws.com' }))
  const record = JSON.parse(store.audit.byId('e1')!.record)
  assert.equal(record.eventType, 'AwsApiCall')
  assert.deepEqual(record.userIdentity.sessionContext, { attributes: { creationDate: '2014-07-15T21:39:40Z', mfaAuthenticated: 'false' } })
  assert.equal(record.sharedEventID, undefined)
})

test('audit mode: a denial that was let through is kept beside the service’s own additionalEventData', () => {
  const store = openStore(':memory:')
  const root: Principal = { type: 'Root', accountId: A, arn: `arn:aws:iam::${A}:root`, userId: A, accessKeyId: A }
  const errorMessage = `User: arn:aws:iam::${A}:user/dev is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${A}:role/x because no identity-based policy allows the iam:GetRole action`
  recordEvent(
    store,
    call(root, { decision: 'audit-denied', additionalEventData: { own: 1 }, wouldBeDenied: [{ errorCode: 'AccessDenied', errorMessage }] }),
  )
  const record = JSON.parse(store.audit.byId('e1')!.record)
  assert.deepEqual(record.additionalEventData, { own: 1, taskrole: { enforcement: 'audit', wouldBeDenied: [{ errorCode: 'AccessDenied', errorMessage }] } })
  assert.equal(record.errorCode, undefined)
  assert.equal(store.audit.lastDenied()?.eventId, 'e1')
})
