//! CloudWatch Logs under IAM enforcement, with the aws CLI: a principal without logs permissions is refused with
//! AccessDeniedException; policies on `log-group:<name>:*` cover the stream and group actions, `log-group:<name>`
//! only the tagging APIs; the ECS task execution role's managed policy allows exactly CreateLogStream and PutLogEvents.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { awsCli, newAccount, rootOf, type ClientIdentity, type ClientResult } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function ok(result: ClientResult) {
  assert.equal(result.code, 0, result.stderr)
  return result.json
}

function denied(result: ClientResult, action: string, resource: string) {
  assert.notEqual(result.code, 0, 'expected a denial')
  assert.match(result.stderr, /An error occurred \(AccessDeniedException\)/, result.stderr)
  assert.ok(result.stderr.includes(`not authorized to perform: ${action} on resource: ${resource}`), result.stderr)
}

/** An account with group `app` and stream `web` made by root, and a user holding `policy` (if any). */
function setUp(policy?: object) {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(awsCli(['logs', 'create-log-group', '--log-group-name', 'app'], root))
  ok(awsCli(['logs', 'create-log-stream', '--log-group-name', 'app', '--log-stream-name', 'web'], root))
  ok(awsCli(['iam', 'create-user', '--user-name', 'dev'], root))
  if (policy) ok(awsCli(['iam', 'put-user-policy', '--user-name', 'dev', '--policy-name', 'logs', '--policy-document', JSON.stringify(policy)], root))
  const key = ok(awsCli(['iam', 'create-access-key', '--user-name', 'dev'], root)).AccessKey
  const user: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }
  const group = `arn:aws:logs:us-east-1:${account}:log-group:app`
  return { account, root, user, group }
}

function allow(actions: string[], resource: string | string[]) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] }
}

test('a user without logs permissions is denied every call, and nothing changes', () => {
  const { root, user, group, account } = setUp()
  denied(awsCli(['logs', 'describe-log-groups'], user), 'logs:DescribeLogGroups', `arn:aws:logs:us-east-1:${account}:log-group::log-stream:`)
  denied(awsCli(['logs', 'create-log-group', '--log-group-name', 'other'], user), 'logs:CreateLogGroup', `arn:aws:logs:us-east-1:${account}:log-group:other:log-stream:`)
  denied(awsCli(['logs', 'create-log-stream', '--log-group-name', 'app', '--log-stream-name', 'x'], user), 'logs:CreateLogStream', `${group}:log-stream:x`)
  denied(
    awsCli(['logs', 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'web', '--log-events', `timestamp=${Date.now()},message=hi`], user),
    'logs:PutLogEvents',
    `${group}:log-stream:web`,
  )
  denied(awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web'], user), 'logs:GetLogEvents', `${group}:log-stream:web`)
  denied(awsCli(['logs', 'filter-log-events', '--log-group-name', 'app'], user), 'logs:FilterLogEvents', `${group}:log-stream:`)
  denied(awsCli(['logs', 'delete-log-group', '--log-group-name', 'app'], user), 'logs:DeleteLogGroup', `${group}:log-stream:`)
  assert.deepEqual(ok(awsCli(['logs', 'describe-log-groups'], root)).logGroups.map((g: any) => g.logGroupName), ['app'])
  assert.deepEqual(ok(awsCli(['logs', 'describe-log-streams', '--log-group-name', 'app'], root)).logStreams.map((s: any) => s.logStreamName), ['web'])
  assert.deepEqual(ok(awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'web'], root)).events, [])
})

test('log-group:<name>:* grants the group and its streams, not other groups', () => {
  const { account, user, group } = setUp(allow(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:DescribeLogStreams'], `arn:aws:logs:us-east-1:*:log-group:app:*`))
  ok(awsCli(['logs', 'create-log-stream', '--log-group-name', 'app', '--log-stream-name', 'task-1'], user))
  ok(awsCli(['logs', 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'task-1', '--log-events', `timestamp=${Date.now()},message=hello`], user))
  assert.deepEqual(ok(awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'task-1'], user)).events.map((e: any) => e.message), ['hello'])
  assert.deepEqual(ok(awsCli(['logs', 'describe-log-streams', '--log-group-name', 'app'], user)).logStreams.map((s: any) => s.logStreamName), ['task-1', 'web'])
  denied(awsCli(['logs', 'create-log-stream', '--log-group-name', 'other', '--log-stream-name', 'x'], user), 'logs:CreateLogStream', `arn:aws:logs:us-east-1:${account}:log-group:other:log-stream:x`)
  denied(awsCli(['logs', 'filter-log-events', '--log-group-name', 'app'], user), 'logs:FilterLogEvents', `${group}:log-stream:`)
})

test('log-group:<name> without :* matches the tagging APIs only (the logGroupArn rule)', () => {
  const { user, group } = setUp(allow(['logs:DescribeLogStreams', 'logs:TagResource', 'logs:ListTagsForResource'], 'arn:aws:logs:us-east-1:*:log-group:app'))
  denied(awsCli(['logs', 'describe-log-streams', '--log-group-name', 'app'], user), 'logs:DescribeLogStreams', `${group}:log-stream:`)
  ok(awsCli(['logs', 'tag-resource', '--resource-arn', group, '--tags', 'team=a'], user))
  assert.deepEqual(ok(awsCli(['logs', 'list-tags-for-resource', '--resource-arn', group], user)).tags, { team: 'a' })
})

test('CreateLogGroup with tags also needs logs:TagResource (or TagLogGroup)', () => {
  const { root, user } = setUp(allow(['logs:CreateLogGroup'], '*'))
  const result = awsCli(['logs', 'create-log-group', '--log-group-name', 'tagged', '--tags', 'team=a'], user)
  assert.notEqual(result.code, 0)
  assert.match(result.stderr, /\(AccessDeniedException\).*is not authorized to perform CreateLogGroup with Tags/)
  assert.deepEqual(ok(awsCli(['logs', 'describe-log-groups'], root)).logGroups.map((g: any) => g.logGroupName), ['app'])
  ok(awsCli(['logs', 'create-log-group', '--log-group-name', 'untagged'], user))
})

test('the task execution role policy allows CreateLogStream and PutLogEvents, and no reading', () => {
  const { root, account, group } = setUp()
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:user/dev` }, Action: 'sts:AssumeRole' }] }
  ok(awsCli(['iam', 'create-role', '--role-name', 'ecsTaskExecutionRole', '--assume-role-policy-document', JSON.stringify(trust)], root))
  ok(awsCli(['iam', 'attach-role-policy', '--role-name', 'ecsTaskExecutionRole', '--policy-arn', 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'], root))
  const key = ok(awsCli(['iam', 'create-access-key', '--user-name', 'dev'], root)).AccessKey
  const user: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }
  const assumed = ok(awsCli(['sts', 'assume-role', '--role-arn', `arn:aws:iam::${account}:role/ecsTaskExecutionRole`, '--role-session-name', 'task-0123'], user)).Credentials
  const session: ClientIdentity = { endpoint: server.endpoint, accessKeyId: assumed.AccessKeyId, secretAccessKey: assumed.SecretAccessKey, sessionToken: assumed.SessionToken }
  ok(awsCli(['logs', 'create-log-stream', '--log-group-name', 'app', '--log-stream-name', 'ecs/web/0123'], session))
  ok(awsCli(['logs', 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'ecs/web/0123', '--log-events', `timestamp=${Date.now()},message=from the agent`], session))
  denied(awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'ecs/web/0123'], session), 'logs:GetLogEvents', `${group}:log-stream:ecs/web/0123`)
  denied(awsCli(['logs', 'create-log-group', '--log-group-name', 'new'], session), 'logs:CreateLogGroup', `arn:aws:logs:us-east-1:${account}:log-group:new:log-stream:`)
  assert.deepEqual(
    ok(awsCli(['logs', 'get-log-events', '--log-group-name', 'app', '--log-stream-name', 'ecs/web/0123'], root)).events.map((e: any) => e.message),
    ['from the agent'],
  )
})
