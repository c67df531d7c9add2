import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Principal } from '../../auth/index.js'
import { AwsError } from '../../aws/index.js'
import { stsService } from '../sts/index.js'
import { policy, stsTestWorld, trust } from '../sts/sts-test-world.js'
import { cloudtrailService } from './index.js'

const A = '111122223333'
const B = '555566667777'

/** Some history in account A: a user assumes a role, a stranger is refused, and B does something of its own. */
function history() {
  const w = stsTestWorld({ services: [stsService, cloudtrailService] })
  const root = w.root(A)
  const alice = w.createUser(A, 'alice')
  const role = w.createRole(A, 'app', trust({ AWS: alice.arn }))
  const assumed = w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 'alice-app' }, alice)
  w.clock.advance(2_000)
  const session = w.sessionPrincipal(assumed.Credentials.AccessKeyId)
  w.call('sts', 'GetCallerIdentity', {}, session)
  w.clock.advance(2_000)
  const mallory = w.createUser(A, 'mallory')
  assert.throws(() => w.call('sts', 'AssumeRole', { RoleArn: role.arn, RoleSessionName: 'm' }, mallory), /AccessDenied|not authorized/)
  w.clock.advance(2_000)
  w.call('sts', 'GetCallerIdentity', {}, w.root(B))
  const lookup = (input: Record<string, unknown>, as: Principal = root) => w.call('cloudtrail', 'LookupEvents', input, as)
  return { w, root, alice, mallory, role, assumed, session, lookup }
}

test('LookupEvents lists the caller’s account’s events, newest first, with the record as JSON text', () => {
  const { lookup, assumed, role } = history()
  const out = lookup({})
  assert.deepEqual(out.Events.map((e: any) => e.EventName), ['AssumeRole', 'GetCallerIdentity', 'AssumeRole'])
  assert.equal(out.NextToken, undefined)
  const success = out.Events[2]
  assert.equal(success.ReadOnly, 'false')
  assert.equal(success.EventSource, 'sts.amazonaws.com')
  assert.equal(success.Username, 'alice')
  assert.equal(success.EventTime.toISOString(), '2025-03-01T12:00:00.000Z')
  assert.deepEqual(success.Resources, [{ ResourceType: 'AWS::IAM::Role', ResourceName: role.arn }])
  const record = JSON.parse(success.CloudTrailEvent)
  assert.equal(record.eventID, success.EventId)
  assert.equal(record.recipientAccountId, A)
  assert.equal(out.Events[1].Username, 'alice-app')
  assert.equal(out.Events[1].AccessKeyId, assumed.Credentials.AccessKeyId)
  assert.equal(out.Events[1].ReadOnly, 'true')
  const denied = JSON.parse(out.Events[0].CloudTrailEvent)
  assert.equal(denied.errorCode, 'AccessDenied')
  assert.match(denied.errorMessage, /is not authorized to perform: sts:AssumeRole/)
  // No secret of any issued credential is ever in a record.
  for (const event of out.Events) {
    assert.ok(!event.CloudTrailEvent.includes(assumed.Credentials.SecretAccessKey))
    assert.ok(!event.CloudTrailEvent.includes(assumed.Credentials.SessionToken))
  }
})

test('one lookup attribute filters: EventName, Username, ResourceName, AccessKeyId, ReadOnly, EventSource, EventId', () => {
  const { lookup, assumed, role, alice } = history()
  const names = (key: string, value: string) =>
    lookup({ LookupAttributes: [{ AttributeKey: key, AttributeValue: value }] }).Events.map((e: any) => `${e.EventName}:${e.Username}`)
  assert.deepEqual(names('EventName', 'GetCallerIdentity'), ['GetCallerIdentity:alice-app'])
  assert.deepEqual(names('Username', 'mallory'), ['AssumeRole:mallory'])
  assert.deepEqual(names('ResourceName', role.arn), ['AssumeRole:mallory', 'AssumeRole:alice'])
  assert.deepEqual(names('ResourceName', assumed.Credentials.AccessKeyId), ['AssumeRole:alice'])
  assert.deepEqual(names('AccessKeyId', alice.accessKeyId), ['AssumeRole:alice'])
  // LookupEvents calls are read-only events too, recorded like any other call.
  assert.deepEqual(names('ReadOnly', 'true').filter((n: string) => !n.startsWith('LookupEvents')), ['GetCallerIdentity:alice-app'])
  assert.deepEqual(names('ReadOnly', 'false'), ['AssumeRole:mallory', 'AssumeRole:alice'])
  assert.deepEqual(names('EventSource', 'iam.amazonaws.com'), [])
  assert.deepEqual(names('ResourceType', 'AWS::IAM::Role'), ['AssumeRole:mallory', 'AssumeRole:alice'])
  const refused = lookup({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'mallory' }] }).Events[0]
  assert.deepEqual(names('EventId', refused.EventId), ['AssumeRole:mallory'])
})

test('StartTime and EndTime bound the events, to the second', () => {
  const { lookup } = history()
  const between = (start: string, end: string) => lookup({ StartTime: new Date(start), EndTime: new Date(end) }).Events.map((e: any) => e.EventName)
  assert.deepEqual(between('2025-03-01T12:00:01Z', '2025-03-01T12:00:02Z'), ['GetCallerIdentity'])
  assert.deepEqual(between('2025-03-01T12:00:00Z', '2025-03-01T12:00:00Z'), ['AssumeRole'])
  assert.deepEqual(between('2025-03-01T13:00:00Z', '2025-03-01T14:00:00Z'), [])
})

test('MaxResults and NextToken page through the events', () => {
  const { lookup: lookupAll } = history()
  // The lookups are recorded too (a second after the history); the window keeps them out of the pages.
  const lookup = (input: Record<string, unknown>) => lookupAll({ EndTime: new Date('2025-03-01T12:00:05Z'), ...input })
  const first = lookup({ MaxResults: 2 })
  assert.equal(first.Events.length, 2)
  assert.ok(first.NextToken)
  const second = lookup({ MaxResults: 2, NextToken: first.NextToken })
  assert.deepEqual(second.Events.map((e: any) => e.EventName), ['AssumeRole'])
  assert.equal(second.NextToken, undefined)
  const all = lookup({}).Events.map((e: any) => e.EventId)
  assert.deepEqual([...first.Events, ...second.Events].map((e: any) => e.EventId), all)
  // A token belongs to its query.
  assert.throws(
    () => lookup({ MaxResults: 2, NextToken: first.NextToken, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'AssumeRole' }] }),
    (error: unknown) => error instanceof AwsError && error.code === 'InvalidNextTokenException',
  )
})

test('a NextToken from before a reset is refused: the trail it paged through is gone, and numbering started again', () => {
  const { w, root } = history()
  const lookup = (input: Record<string, unknown>) => w.call('cloudtrail', 'LookupEvents', input, root)
  const stale = lookup({ MaxResults: 1 }).NextToken
  assert.ok(stale)
  w.store.reset()
  // A new trail, with as many events as the old one had and more: the old token's position exists again.
  for (let i = 0; i < 8; i++) w.call('sts', 'GetCallerIdentity', {}, root)
  assert.throws(
    () => lookup({ MaxResults: 1, NextToken: stale }),
    (error: unknown) => error instanceof AwsError && error.code === 'InvalidNextTokenException',
  )
  // Tokens of the new trail page through it.
  const fresh = lookup({ MaxResults: 1 })
  assert.equal(lookup({ MaxResults: 1, NextToken: fresh.NextToken }).Events.length, 1)
})

test('LookupEvents refuses what CloudTrail refuses', () => {
  const { lookup } = history()
  const code = (input: Record<string, unknown>) => {
    try {
      lookup(input)
      return 'ok'
    } catch (error) {
      return error instanceof AwsError ? error.code : String(error)
    }
  }
  const two = [
    { AttributeKey: 'EventName', AttributeValue: 'AssumeRole' },
    { AttributeKey: 'Username', AttributeValue: 'alice' },
  ]
  assert.equal(code({ LookupAttributes: two }), 'InvalidLookupAttributesException')
  assert.equal(code({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'maybe' }] }), 'InvalidLookupAttributesException')
  assert.equal(code({ StartTime: new Date('2025-03-02T00:00:00Z'), EndTime: new Date('2025-03-01T00:00:00Z') }), 'InvalidTimeRangeException')
  assert.equal(code({ MaxResults: 51 }), 'InvalidMaxResultsException')
  assert.equal(code({ MaxResults: 0 }), 'InvalidMaxResultsException')
  assert.equal(code({ NextToken: 'garbage' }), 'InvalidNextTokenException')
  assert.deepEqual(lookup({ EventCategory: 'insight' }).Events, [])
})

test('LookupEvents needs cloudtrail:LookupEvents and sees only the caller’s account', () => {
  const { w, lookup, alice } = history()
  assert.throws(
    () => lookup({}, alice),
    (error: unknown) =>
      error instanceof AwsError &&
      error.code === 'AccessDeniedException' &&
      error.status === 400 &&
      error.message.startsWith(`User: ${alice.arn} is not authorized to perform: cloudtrail:LookupEvents`),
  )
  const auditor = w.createUser(A, 'auditor', { read: policy('Allow', 'cloudtrail:LookupEvents') })
  assert.ok(lookup({}, auditor).Events.length >= 3)
  const other = lookup({}, w.root(B)).Events.map((e: any) => e.EventName)
  assert.deepEqual(other, ['GetCallerIdentity'])
})
