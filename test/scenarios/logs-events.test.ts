//! Writing and reading log events with real clients: put-log-events, get-log-events (forward and backward tokens,
//! start-from-head, time ranges) and filter-log-events (patterns, automatic paging), with the aws CLI, boto3 and
//! the SDK v3 paginators, which stop only when GetLogEvents hands back the token they sent.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  paginateFilterLogEvents,
  paginateGetLogEvents,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function sdk(identity: ClientIdentity) {
  return new CloudWatchLogsClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey },
    maxAttempts: 1,
  })
}

/** A fresh account with group `app`, stream `web`, and `count` events one millisecond apart ending a minute ago. */
async function seeded(count: number, messageOf = (i: number) => `line ${i}`) {
  const root = rootOf(server.endpoint, newAccount())
  const client = sdk(root)
  await client.send(new CreateLogGroupCommand({ logGroupName: 'app' }))
  await client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'web' }))
  const start = Date.now() - 60_000 - count
  const logEvents = Array.from({ length: count }, (_, i) => ({ timestamp: start + i, message: messageOf(i) }))
  if (count > 0) await client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'web', logEvents }))
  return { root, client, start, logEvents }
}

test('put-log-events then get-log-events (aws CLI): latest first by default, --start-from-head, time range', async () => {
  const { root, start } = await seeded(0)
  const put = awsCli(
    ['logs', 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--log-events', `timestamp=${start},message=first`, `timestamp=${start + 10},message=second`, `timestamp=${start + 20},message=third`],
    root,
  )
  assert.equal(put.code, 0, put.stderr)
  assert.match(put.json.nextSequenceToken, /^\d+$/)
  const latest = awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--limit', '2'], root)
  assert.equal(latest.code, 0, latest.stderr)
  assert.deepEqual(latest.json.events.map((e: any) => e.message), ['second', 'third'])
  assert.match(latest.json.nextForwardToken, /^f\/\d{56}\/s$/)
  assert.match(latest.json.nextBackwardToken, /^b\/\d{56}\/s$/)
  const head = awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--start-from-head', '--limit', '2'], root)
  assert.deepEqual(head.json.events.map((e: any) => e.message), ['first', 'second'])
  const ranged = awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--start-time', String(start + 10), '--end-time', String(start + 20)], root)
  assert.deepEqual(ranged.json.events.map((e: any) => [e.timestamp, e.message]), [[start + 10, 'second']])
  // The CLI follows a token it got back; at the end it receives the same token.
  const end = awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--next-token', latest.json.nextForwardToken], root)
  assert.deepEqual(end.json.events, [])
  assert.equal(end.json.nextForwardToken, latest.json.nextForwardToken)
})

test('SDK v3 paginateGetLogEvents (stopOnSameToken) reads every event forward and terminates', async () => {
  const { client, logEvents } = await seeded(25)
  const seen: string[] = []
  let pages = 0
  for await (const page of paginateGetLogEvents({ client, pageSize: 10, stopOnSameToken: true }, { logGroupName: 'app', logStreamName: 'web', startFromHead: true })) {
    seen.push(...page.events!.map((e) => e.message!))
    if (++pages > 20) assert.fail('the paginator did not stop')
  }
  assert.deepEqual(seen, logEvents.map((e) => e.message))
  assert.equal(pages, 4) // 10 + 10 + 5, then the empty page that returns the same token
})

test('boto3 walks backward with nextBackwardToken until it repeats, and forward again from there', async () => {
  const { root, logEvents } = await seeded(7)
  const script = `
import boto3, json
c = boto3.client('logs')
kw = {'logGroupName': 'app', 'logStreamName': 'web', 'limit': 3}
r = c.get_log_events(**kw)
pages = [[e['message'] for e in r['events']]]
token = r['nextBackwardToken']
for _ in range(20):
    r = c.get_log_events(nextToken=token, **kw)
    pages.append([e['message'] for e in r['events']])
    if r['nextBackwardToken'] == token: break
    token = r['nextBackwardToken']
forward = c.get_log_events(nextToken=r['nextForwardToken'], logGroupName='app', logStreamName='web', limit=2)
print(json.dumps({'pages': pages, 'forward': [e['message'] for e in forward['events']]}))
`
  const out = boto3(script, root)
  assert.equal(out.code, 0, out.stderr)
  const messages = logEvents.map((e) => e.message)
  assert.deepEqual(out.json.pages, [messages.slice(4), messages.slice(1, 4), messages.slice(0, 1), []])
  assert.deepEqual(out.json.forward, messages.slice(0, 2))
})

test('filter-log-events (aws CLI): patterns and automatic paging across streams', async () => {
  const { root, client, start } = await seeded(6, (i) => (i % 2 ? `ERROR request ${i} failed` : `INFO request ${i} ok`))
  await client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'worker' }))
  await client.send(
    new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'worker', logEvents: [{ timestamp: start + 2, message: '{"level":"error","code":503}' }] }),
  )
  const all = awsCli(['logs', 'filter-log-events', '--log-group-name', 'app', '--page-size', '2'], root)
  assert.equal(all.code, 0, all.stderr)
  assert.equal(all.json.events.length, 7)
  assert.deepEqual(all.json.events.map((e: any) => e.logStreamName).slice(2, 4), ['web', 'worker'])
  const errors = awsCli(['logs', 'filter-log-events', '--log-group-name', 'app', '--filter-pattern', 'ERROR failed', '--page-size', '1'], root)
  assert.deepEqual(errors.json.events.map((e: any) => e.message), ['ERROR request 1 failed', 'ERROR request 3 failed', 'ERROR request 5 failed'])
  const either = awsCli(['logs', 'filter-log-events', '--log-group-name', 'app', '--filter-pattern', '?"request 0" ?"request 5"', '--log-stream-names', 'web'], root)
  assert.deepEqual(either.json.events.map((e: any) => e.message), ['INFO request 0 ok', 'ERROR request 5 failed'])
  const json = awsCli(['logs', 'filter-log-events', '--log-group-name', 'app', '--filter-pattern', '{ $.code >= 500 }'], root)
  assert.deepEqual(json.json.events.map((e: any) => e.logStreamName), ['worker'])
  const ranged = awsCli(['logs', 'filter-log-events', '--log-group-name', 'app', '--start-time', String(start + 1), '--end-time', String(start + 2), '--log-stream-name-prefix', 'w'], root)
  assert.deepEqual(ranged.json.events.map((e: any) => e.message), ['ERROR request 1 failed', 'INFO request 2 ok', '{"level":"error","code":503}'])
})

test('SDK v3 paginateFilterLogEvents stops when nextToken is absent', async () => {
  const { client, logEvents } = await seeded(12)
  const seen: string[] = []
  for await (const page of paginateFilterLogEvents({ client, pageSize: 5 }, { logGroupName: 'app' })) seen.push(...page.events!.map((e) => e.message!))
  assert.deepEqual(seen, logEvents.map((e) => e.message))
})

test('PutLogEvents rejects out-of-order batches whole and reports too-old events (aws CLI)', async () => {
  const { root, start } = await seeded(0)
  const bad = awsCli(['logs', 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--log-events', `timestamp=${start + 5},message=b`, `timestamp=${start},message=a`], root)
  assert.notEqual(bad.code, 0)
  assert.match(bad.stderr, /\(InvalidParameterException\).*Log events in a single PutLogEvents request must be in chronological order\./)
  const old = awsCli(
    ['logs', 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--log-events', `timestamp=${start - 15 * 86_400_000},message=old`, `timestamp=${start},message=new`],
    root,
  )
  assert.equal(old.code, 0, old.stderr)
  assert.deepEqual(old.json.rejectedLogEventsInfo, { tooOldLogEventEndIndex: 0 })
  const stored = awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web'], root)
  assert.deepEqual(stored.json.events.map((e: any) => e.message), ['new'])
})
