//! CloudWatch Logs under IAM enforcement: a principal without logs permissions is refused with
//! AccessDeniedException (the aws CLI shows the code); policies on `log-group:<name>:*` cover the stream and group
//! actions, `log-group:<name>` only the tagging APIs; the ECS task execution role's managed policy allows exactly
//! CreateLogStream and PutLogEvents.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  ListTagsForResourceCommand,
  PutLogEventsCommand,
  TagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs'
import { AttachRolePolicyCommand, CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { awsCli, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function config(identity: ClientIdentity) {
  return {
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken },
    maxAttempts: 1,
  }
}

/** Expects AccessDeniedException naming the action and the resource IAM evaluated. */
async function denied(promise: Promise<unknown>, action: string, resource: string) {
  try {
    await promise
  } catch (error) {
    const e = error as Error
    assert.equal(e.name, 'AccessDeniedException', e.message)
    assert.ok(e.message.includes(`is not authorized to perform: ${action} on resource: ${resource}`), e.message)
    return
  }
  assert.fail(`${action} was allowed`)
}

/** An account with group `app` and stream `web` made by root, and a user `dev` holding `policy` (if any). */
async function setUp(policy?: object) {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const rootLogs = new CloudWatchLogsClient(config(root))
  await rootLogs.send(new CreateLogGroupCommand({ logGroupName: 'app' }))
  await rootLogs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'web' }))
  const iam = new IAMClient(config(root))
  await iam.send(new CreateUserCommand({ UserName: 'dev' }))
  if (policy) await iam.send(new PutUserPolicyCommand({ UserName: 'dev', PolicyName: 'logs', PolicyDocument: JSON.stringify(policy) }))
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey!
  const user: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }
  const group = `arn:aws:logs:us-east-1:${account}:log-group:app`
  return { account, root, rootLogs, iam, user, userLogs: new CloudWatchLogsClient(config(user)), group }
}

function allow(actions: string[], resource: string | string[]) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] }
}

test('a user without logs permissions is denied every call (the aws CLI shows AccessDeniedException), and nothing changes', async () => {
  const { account, rootLogs, user, userLogs, group } = await setUp()
  const cli = awsCli(['logs', 'describe-log-groups'], user)
  assert.notEqual(cli.code, 0)
  assert.match(cli.stderr, /An error occurred \(AccessDeniedException\) when calling the DescribeLogGroups operation( \(reached max retries: \d+\))?: User: arn:aws:iam::\d{12}:user\/dev is not authorized to perform: logs:DescribeLogGroups on resource: arn:aws:logs:us-east-1:\d{12}:log-group::log-stream:/)
  await denied(userLogs.send(new CreateLogGroupCommand({ logGroupName: 'other' })), 'logs:CreateLogGroup', `arn:aws:logs:us-east-1:${account}:log-group:other:log-stream:`)
  await denied(userLogs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'x' })), 'logs:CreateLogStream', `${group}:log-stream:x`)
  await denied(
    userLogs.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'web', logEvents: [{ timestamp: Date.now(), message: 'hi' }] })),
    'logs:PutLogEvents',
    `${group}:log-stream:web`,
  )
  await denied(userLogs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'web' })), 'logs:GetLogEvents', `${group}:log-stream:web`)
  await denied(userLogs.send(new FilterLogEventsCommand({ logGroupName: 'app' })), 'logs:FilterLogEvents', `${group}:log-stream:`)
  assert.deepEqual((await rootLogs.send(new DescribeLogGroupsCommand({}))).logGroups!.map((g) => g.logGroupName), ['app'])
  assert.deepEqual((await rootLogs.send(new DescribeLogStreamsCommand({ logGroupName: 'app' }))).logStreams!.map((s) => s.logStreamName), ['web'])
  assert.deepEqual((await rootLogs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'web' }))).events, [])
})

test('log-group:<name>:* grants the group and its streams, not other groups', async () => {
  const { account, userLogs, group } = await setUp(
    allow(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:DescribeLogStreams'], 'arn:aws:logs:us-east-1:*:log-group:app:*'),
  )
  await userLogs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'task-1' }))
  await userLogs.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'task-1', logEvents: [{ timestamp: Date.now(), message: 'hello' }] }))
  assert.deepEqual((await userLogs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'task-1' }))).events!.map((e) => e.message), ['hello'])
  assert.deepEqual((await userLogs.send(new DescribeLogStreamsCommand({ logGroupName: 'app' }))).logStreams!.map((s) => s.logStreamName), ['task-1', 'web'])
  await denied(userLogs.send(new CreateLogStreamCommand({ logGroupName: 'other', logStreamName: 'x' })), 'logs:CreateLogStream', `arn:aws:logs:us-east-1:${account}:log-group:other:log-stream:x`)
  await denied(userLogs.send(new FilterLogEventsCommand({ logGroupName: 'app' })), 'logs:FilterLogEvents', `${group}:log-stream:`)
})

test('log-group:<name> without :* matches the tagging APIs only (the logGroupArn rule)', async () => {
  const { userLogs, group } = await setUp(allow(['logs:DescribeLogStreams', 'logs:TagResource', 'logs:ListTagsForResource'], 'arn:aws:logs:us-east-1:*:log-group:app'))
  await denied(userLogs.send(new DescribeLogStreamsCommand({ logGroupName: 'app' })), 'logs:DescribeLogStreams', `${group}:log-stream:`)
  await userLogs.send(new TagResourceCommand({ resourceArn: group, tags: { team: 'a' } }))
  assert.deepEqual((await userLogs.send(new ListTagsForResourceCommand({ resourceArn: group }))).tags, { team: 'a' })
})

test('CreateLogGroup with tags also needs logs:TagResource (or TagLogGroup)', async () => {
  const { account, rootLogs, user, userLogs } = await setUp(allow(['logs:CreateLogGroup'], '*'))
  const cli = awsCli(['logs', 'create-log-group', '--log-group-name', 'tagged', '--tags', 'team=a'], user)
  assert.notEqual(cli.code, 0)
  assert.match(cli.stderr, /\(AccessDeniedException\) when calling the CreateLogGroup operation( \(reached max retries: \d+\))?: User with accountId: (\d{12}) is not authorized to perform CreateLogGroup with Tags/)
  assert.ok(cli.stderr.includes(`User with accountId: ${account} `), cli.stderr)
  assert.deepEqual((await rootLogs.send(new DescribeLogGroupsCommand({}))).logGroups!.map((g) => g.logGroupName), ['app'])
  await userLogs.send(new CreateLogGroupCommand({ logGroupName: 'untagged' }))
})

test('the task execution role policy allows CreateLogStream and PutLogEvents, and no reading', async () => {
  const { account, rootLogs, iam, user, group } = await setUp()
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:user/dev` }, Action: 'sts:AssumeRole' }] }
  await iam.send(new CreateRoleCommand({ RoleName: 'ecsTaskExecutionRole', AssumeRolePolicyDocument: JSON.stringify(trust) }))
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }))
  const sts = new STSClient(config(user))
  const credentials = (await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/ecsTaskExecutionRole`, RoleSessionName: 'task-0123' }))).Credentials!
  const session: ClientIdentity = { endpoint: server.endpoint, accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken }
  const sessionLogs = new CloudWatchLogsClient(config(session))
  await sessionLogs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 'ecs/web/0123' }))
  await sessionLogs.send(new PutLogEventsCommand({ logGroupName: 'app', logStreamName: 'ecs/web/0123', logEvents: [{ timestamp: Date.now(), message: 'from the agent' }] }))
  await denied(sessionLogs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'ecs/web/0123' })), 'logs:GetLogEvents', `${group}:log-stream:ecs/web/0123`)
  await denied(sessionLogs.send(new CreateLogGroupCommand({ logGroupName: 'new' })), 'logs:CreateLogGroup', `arn:aws:logs:us-east-1:${account}:log-group:new:log-stream:`)
  assert.deepEqual(
    (await rootLogs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'ecs/web/0123' }))).events!.map((e) => e.message),
    ['from the agent'],
  )
})
