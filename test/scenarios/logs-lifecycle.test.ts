//! CloudWatch Logs groups and streams with the real aws CLI and boto3: create, describe (with the CLI's automatic
//! paging), retention, tags, delete, and every error case with a check that nothing changed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function logs(identity: ClientIdentity, ...args: string[]) {
  return awsCli(['logs', ...args], identity)
}

function ok(result: ReturnType<typeof awsCli>) {
  assert.equal(result.code, 0, result.stderr)
  return result.json
}

function failsWith(result: ReturnType<typeof awsCli>, code: string, message: string) {
  assert.notEqual(result.code, 0)
  assert.match(result.stderr, new RegExp(`\\(${code}\\)`), result.stderr)
  assert.ok(result.stderr.includes(message), result.stderr)
}

test('a log group and its streams from create to delete (aws CLI)', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(logs(root, 'create-log-group', '--log-group-name', '/ecs/web', '--tags', 'team=web'))
  const [group] = ok(logs(root, 'describe-log-groups')).logGroups
  assert.equal(group.logGroupName, '/ecs/web')
  assert.equal(group.arn, `arn:aws:logs:us-east-1:${root.accessKeyId}:log-group:/ecs/web:*`)
  assert.equal(group.logGroupArn, `arn:aws:logs:us-east-1:${root.accessKeyId}:log-group:/ecs/web`)
  assert.ok(Math.abs(group.creationTime - Date.now()) < 60_000, 'creationTime is epoch milliseconds')
  assert.equal(group.storedBytes, 0)

  ok(logs(root, 'create-log-stream', '--log-group-name', '/ecs/web', '--log-stream-name', 'ecs/web/task-1'))
  const [stream] = ok(logs(root, 'describe-log-streams', '--log-group-name', '/ecs/web')).logStreams
  assert.equal(stream.logStreamName, 'ecs/web/task-1')
  assert.equal(stream.arn, `arn:aws:logs:us-east-1:${root.accessKeyId}:log-group:/ecs/web:log-stream:ecs/web/task-1`)

  ok(logs(root, 'put-retention-policy', '--log-group-name', '/ecs/web', '--retention-in-days', '14'))
  assert.equal(ok(logs(root, 'describe-log-groups')).logGroups[0].retentionInDays, 14)
  ok(logs(root, 'delete-retention-policy', '--log-group-name', '/ecs/web'))
  assert.equal(ok(logs(root, 'describe-log-groups')).logGroups[0].retentionInDays, undefined)

  ok(logs(root, 'tag-resource', '--resource-arn', group.logGroupArn, '--tags', 'env=dev'))
  assert.deepEqual(ok(logs(root, 'list-tags-for-resource', '--resource-arn', group.logGroupArn)).tags, { team: 'web', env: 'dev' })
  ok(logs(root, 'untag-resource', '--resource-arn', group.logGroupArn, '--tag-keys', 'team'))
  assert.deepEqual(ok(logs(root, 'list-tags-log-group', '--log-group-name', '/ecs/web')).tags, { env: 'dev' })

  ok(logs(root, 'delete-log-stream', '--log-group-name', '/ecs/web', '--log-stream-name', 'ecs/web/task-1'))
  assert.deepEqual(ok(logs(root, 'describe-log-streams', '--log-group-name', '/ecs/web')).logStreams, [])
  ok(logs(root, 'delete-log-group', '--log-group-name', '/ecs/web'))
  assert.deepEqual(ok(logs(root, 'describe-log-groups')).logGroups, [])
})

test('errors answer with AWS codes and messages, and change nothing (aws CLI)', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(logs(root, 'create-log-group', '--log-group-name', 'app'))
  ok(logs(root, 'create-log-stream', '--log-group-name', 'app', '--log-stream-name', 's'))
  const before = ok(logs(root, 'describe-log-groups'))

  failsWith(logs(root, 'create-log-group', '--log-group-name', 'app'), 'ResourceAlreadyExistsException', 'The specified log group already exists')
  failsWith(logs(root, 'create-log-group', '--log-group-name', 'aws/mine'), 'InvalidParameterException', 'Log groups starting with AWS/ are reserved for AWS.')
  failsWith(logs(root, 'create-log-stream', '--log-group-name', 'app', '--log-stream-name', 's'), 'ResourceAlreadyExistsException', 'The specified log stream already exists')
  failsWith(logs(root, 'create-log-stream', '--log-group-name', 'nope', '--log-stream-name', 's'), 'ResourceNotFoundException', 'The specified log group does not exist.')
  failsWith(logs(root, 'delete-log-stream', '--log-group-name', 'app', '--log-stream-name', 'nope'), 'ResourceNotFoundException', 'The specified log stream does not exist.')
  failsWith(logs(root, 'delete-log-group', '--log-group-name', 'nope'), 'ResourceNotFoundException', 'The specified log group does not exist.')
  failsWith(logs(root, 'put-retention-policy', '--log-group-name', 'app', '--retention-in-days', '2'), 'InvalidParameterException', "Value '2' at 'retentionInDays'")
  failsWith(logs(root, 'put-retention-policy', '--log-group-name', 'nope', '--retention-in-days', '7'), 'ResourceNotFoundException', 'The specified log group does not exist.')
  failsWith(
    logs(root, 'describe-log-streams', '--log-group-name', 'app', '--order-by', 'LastEventTime', '--log-stream-name-prefix', 's'),
    'InvalidParameterException',
    'Cannot order by LastEventTime with a logStreamNamePrefix.',
  )
  failsWith(
    logs(root, 'put-log-events', '--log-group-name', 'app', '--log-stream-name', 'nope', '--log-events', `timestamp=${Date.now()},message=x`),
    'ResourceNotFoundException',
    'The specified log stream does not exist.',
  )

  assert.deepEqual(ok(logs(root, 'describe-log-groups')), before)
  assert.deepEqual(ok(logs(root, 'describe-log-streams', '--log-group-name', 'app')).logStreams.map((s: any) => s.logStreamName), ['s'])
})

test('describe-log-groups and describe-log-streams page: the CLI follows nextToken to the end; boto3 pages by hand', () => {
  const root = rootOf(server.endpoint, newAccount())
  const names = Array.from({ length: 7 }, (_, i) => `/svc/g${i}`)
  for (const name of names) ok(logs(root, 'create-log-group', '--log-group-name', name))
  for (let i = 0; i < 5; i++) ok(logs(root, 'create-log-stream', '--log-group-name', '/svc/g0', '--log-stream-name', `s${i}`))
  // --page-size makes the CLI ask for 2 at a time and follow the tokens.
  assert.deepEqual(ok(logs(root, 'describe-log-groups', '--page-size', '2')).logGroups.map((g: any) => g.logGroupName), names)
  assert.deepEqual(
    ok(logs(root, 'describe-log-streams', '--log-group-name', '/svc/g0', '--page-size', '2', '--descending')).logStreams.map((s: any) => s.logStreamName),
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
