//! CloudWatch Logs groups and streams with real clients (aws CLI, boto3, SDK v3): create, describe (with the CLI's
//! automatic paging), retention, tags, delete, and every error case with a check that nothing changed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteLogStreamCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  ListTagsForResourceCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
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

function ok(result: ReturnType<typeof awsCli>) {
  assert.equal(result.code, 0, result.stderr)
  return result.json
}

/** The SDK's error name and message (the wire's __type and message). */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } }
    assert.equal(e.$metadata?.httpStatusCode, 400)
    return { name: e.name, message: e.message }
  }
  throw new Error('expected the call to fail')
}

test('a log group and its streams from create to delete (aws CLI and SDK v3)', async () => {
  const root = rootOf(server.endpoint, newAccount())
  const client = sdk(root)
  ok(awsCli(['logs', 'create-log-group', '--log-group-name', '/ecs/web', '--tags', 'team=web'], root))
  ok(awsCli(['logs', 'create-log-stream', '--log-group-name', '/ecs/web', '--log-stream-name', 'ecs/web/task-1'], root))
  const [group] = ok(awsCli(['logs', 'describe-log-groups'], root)).logGroups
  assert.equal(group.logGroupName, '/ecs/web')
  assert.equal(group.arn, `arn:aws:logs:us-east-1:${root.accessKeyId}:log-group:/ecs/web:*`)
  assert.equal(group.logGroupArn, `arn:aws:logs:us-east-1:${root.accessKeyId}:log-group:/ecs/web`)
  assert.ok(Math.abs(group.creationTime - Date.now()) < 120_000, 'creationTime is epoch milliseconds')
  assert.equal(group.storedBytes, 0)
  const [stream] = (await client.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/web' }))).logStreams!
  assert.equal(stream!.logStreamName, 'ecs/web/task-1')
  assert.equal(stream!.arn, `arn:aws:logs:us-east-1:${root.accessKeyId}:log-group:/ecs/web:log-stream:ecs/web/task-1`)

  await client.send(new PutRetentionPolicyCommand({ logGroupName: '/ecs/web', retentionInDays: 14 }))
  assert.equal((await client.send(new DescribeLogGroupsCommand({}))).logGroups![0]!.retentionInDays, 14)
  await client.send(new DeleteRetentionPolicyCommand({ logGroupName: '/ecs/web' }))
  assert.equal((await client.send(new DescribeLogGroupsCommand({}))).logGroups![0]!.retentionInDays, undefined)

  await client.send(new TagResourceCommand({ resourceArn: group.logGroupArn, tags: { env: 'dev' } }))
  assert.deepEqual((await client.send(new ListTagsForResourceCommand({ resourceArn: group.logGroupArn }))).tags, { team: 'web', env: 'dev' })
  await client.send(new UntagResourceCommand({ resourceArn: group.logGroupArn, tagKeys: ['team'] }))
  assert.deepEqual(ok(awsCli(['logs', 'list-tags-log-group', '--log-group-name', '/ecs/web'], root)).tags, { env: 'dev' })

  await client.send(new DeleteLogStreamCommand({ logGroupName: '/ecs/web', logStreamName: 'ecs/web/task-1' }))
  assert.deepEqual((await client.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/web' }))).logStreams, [])
  ok(awsCli(['logs', 'delete-log-group', '--log-group-name', '/ecs/web'], root))
  assert.deepEqual((await client.send(new DescribeLogGroupsCommand({}))).logGroups, [])
})

test('errors answer with AWS codes and messages, and change nothing', async () => {
  const root = rootOf(server.endpoint, newAccount())
  const client = sdk(root)
  await client.send(new CreateLogGroupCommand({ logGroupName: 'app' }))
  await client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 's' }))
  const groupsBefore = (await client.send(new DescribeLogGroupsCommand({}))).logGroups

  // The CLI shows the code in its message.
  const cli = awsCli(['logs', 'create-log-group', '--log-group-name', 'app'], root)
  assert.notEqual(cli.code, 0)
  assert.match(cli.stderr, /An error occurred \(ResourceAlreadyExistsException\) when calling the CreateLogGroup operation( \(reached max retries: \d+\))?: The specified log group already exists/)

  const groupMissing = { name: 'ResourceNotFoundException', message: 'The specified log group does not exist.' }
  const streamMissing = { name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' }
  assert.deepEqual(await failure(client.send(new CreateLogGroupCommand({ logGroupName: 'aws/mine' }))), {
    name: 'InvalidParameterException',
    message: 'Log groups starting with AWS/ are reserved for AWS.',
  })
  assert.deepEqual(await failure(client.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 's' }))), {
    name: 'ResourceAlreadyExistsException',
    message: 'The specified log stream already exists',
  })
  assert.deepEqual(await failure(client.send(new CreateLogStreamCommand({ logGroupName: 'nope', logStreamName: 's' }))), groupMissing)
  assert.deepEqual(await failure(client.send(new DeleteLogStreamCommand({ logGroupName: 'app', logStreamName: 'nope' }))), streamMissing)
  assert.deepEqual(await failure(client.send(new DeleteLogGroupCommand({ logGroupName: 'nope' }))), groupMissing)
  const retention = await failure(client.send(new PutRetentionPolicyCommand({ logGroupName: 'app', retentionInDays: 2 })))
  assert.equal(retention.name, 'InvalidParameterException')
  assert.match(retention.message, /^1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: \[1, 3, 5/)
  assert.deepEqual(await failure(client.send(new PutRetentionPolicyCommand({ logGroupName: 'nope', retentionInDays: 7 }))), groupMissing)
  assert.deepEqual(await failure(client.send(new DescribeLogStreamsCommand({ logGroupName: 'app', orderBy: 'LastEventTime', logStreamNamePrefix: 's' }))), {
    name: 'InvalidParameterException',
    message: 'Cannot order by LastEventTime with a logStreamNamePrefix.',
  })
  assert.deepEqual(
    await failure(client.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'nope', logEvents: [{ timestamp: Date.now(), message: 'x' }] }))),
    streamMissing,
  )

  assert.deepEqual((await client.send(new DescribeLogGroupsCommand({}))).logGroups, groupsBefore)
  const streams = (await client.send(new DescribeLogStreamsCommand({ logGroupName: 'app' }))).logStreams!
  assert.deepEqual(streams.map((s) => [s.logStreamName, s.uploadSequenceToken]), [['s', undefined]])
})

test('describe-log-groups and describe-log-streams page: the CLI follows nextToken to the end; boto3 pages by hand', async () => {
  const root = rootOf(server.endpoint, newAccount())
  const client = sdk(root)
  const names = Array.from({ length: 7 }, (_, i) => `/svc/g${i}`)
  for (const name of names) await client.send(new CreateLogGroupCommand({ logGroupName: name }))
  for (let i = 0; i < 5; i++) await client.send(new CreateLogStreamCommand({ logGroupName: '/svc/g0', logStreamName: `s${i}` }))
  // --page-size makes the CLI ask for 2 at a time and follow the tokens.
  assert.deepEqual(ok(awsCli(['logs', 'describe-log-groups', '--page-size', '2'], root)).logGroups.map((g: any) => g.logGroupName), names)
  assert.deepEqual(
    ok(awsCli(['logs', 'describe-log-streams', '--log-group-name', '/svc/g0', '--page-size', '2', '--descending'], root)).logStreams.map((s: any) => s.logStreamName),
    ['s4', 's3', 's2', 's1', 's0'],
  )
  const script = `
import boto3, json
c = boto3.client('logs')
pages, token = [], None
while True:
    kw = {'limit': 3, 'logGroupNamePrefix': '/svc/'}
    if token: kw['nextToken'] = token
    r = c.describe_log_groups(**kw)
    pages.append([g['logGroupName'] for g in r['logGroups']])
    token = r.get('nextToken')
    if not token: break
print(json.dumps(pages))
`
  const out = boto3(script, root)
  assert.equal(out.code, 0, out.stderr)
  assert.deepEqual(out.json, [names.slice(0, 3), names.slice(3, 6), names.slice(6)])
})
