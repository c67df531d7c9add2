//! Bad input to every ECS operation gets AWS's error code and message, and changes nothing; clusters, tags and
//! the aws CLI's tasks-running waiter (MISSING is a terminal failure) through the aws CLI, boto3 and SDK v3.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { ClusterNotFoundException, CreateClusterCommand, DescribeClustersCommand, ECSClient, ListTagsForResourceCommand, TagResourceCommand } from '@aws-sdk/client-ecs'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { AWSVPC_NETWORK, fails, fargateDefinition, file, ok } from './ecs-cli-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function snapshot(who: ClientIdentity) {
  return {
    clusters: ok(['ecs', 'list-clusters'], who).clusterArns,
    definitions: ok(['ecs', 'list-task-definitions', '--status', 'ACTIVE'], who).taskDefinitionArns,
    running: ok(['ecs', 'list-tasks', '--cluster', 'c'], who).taskArns,
    stopped: ok(['ecs', 'list-tasks', '--cluster', 'c', '--desired-status', 'STOPPED'], who).taskArns,
    instances: ok(['ecs', 'list-container-instances', '--cluster', 'c'], who).containerInstanceArns,
  }
}

test('aws CLI: every operation answers bad input with ECS errors and nothing changes', () => {
  const root = rootOf(server.endpoint, newAccount())
  const account = root.accessKeyId
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(fargateDefinition('app'))], root)
  const instance = ok(['ecs', 'register-container-instance', '--cluster', 'c'], root).containerInstance.containerInstanceArn
  const task = ok(['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'app', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK], root).tasks[0].taskArn
  const before = snapshot(root)
  const run = ['ecs', 'run-task', '--task-definition', 'app', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK]
  const cases: Array<[string[], string, string | RegExp]> = [
    [['ecs', 'create-cluster', '--cluster-name', 'has space'], 'InvalidParameterException', /Cluster name/],
    [['ecs', 'delete-cluster', '--cluster', 'ghost'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'update-cluster-settings', '--cluster', 'ghost', '--settings', 'name=containerInsights,value=enabled'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'describe-task-definition', '--task-definition', 'app:abc'], 'ClientException', 'Invalid revision number. Number: abc'],
    [['ecs', 'deregister-task-definition', '--task-definition', 'ghost:1'], 'ClientException', 'The specified task definition does not exist.'],
    [[...run, '--cluster', 'ghost'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'never-registered', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK], 'ClientException', 'TaskDefinition not found.'],
    [['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'app', '--launch-type', 'FARGATE'], 'InvalidParameterException', "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    [[...run, '--cluster', 'c', '--count', '11'], 'InvalidParameterException', 'count must be between 1 and 10.'],
    [[...run, '--cluster', 'c', '--overrides', '{"containerOverrides":[{"name":"ghost","command":["x"]}]}'], 'InvalidParameterException', 'Override for container named ghost is not a container in the TaskDefinition.'],
    [[...run, '--cluster', 'c', '--placement-constraints', 'type=memberOf,expression=attribute:x =='], 'InvalidParameterException', /Invalid expression/],
    [['ecs', 'start-task', '--cluster', 'ghost', '--task-definition', 'app', '--container-instances', instance], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'stop-task', '--cluster', 'c', '--task', '0123456789abcdef0123456789abcdef'], 'InvalidParameterException', 'The referenced task was not found.'],
    [['ecs', 'describe-tasks', '--cluster', 'ghost', '--tasks', task], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'list-tasks', '--cluster', 'c', '--family', 'bad.family'], 'InvalidParameterException', 'family must match ^[a-zA-Z0-9\\-_]+$'],
    [['ecs', 'list-tasks', '--cluster', 'ghost'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'register-container-instance', '--cluster', 'ghost'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'describe-container-instances', '--cluster', 'ghost', '--container-instances', instance], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'list-container-instances', '--cluster', 'ghost'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'deregister-container-instance', '--cluster', 'c', '--container-instance', 'ffffffffffffffffffffffffffffffff'], 'InvalidParameterException', /container instance/],
    [['ecs', 'put-attributes', '--cluster', 'c', '--attributes', `name=bad name,value=x,targetId=${instance}`], 'InvalidParameterException', /Attribute/],
    [['ecs', 'list-attributes', '--cluster', 'ghost', '--target-type', 'container-instance'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'tag-resource', '--resource-arn', `arn:aws:ecs:us-east-1:${account}:cluster/ghost`, '--tags', 'key=a,value=b'], 'ClusterNotFoundException', 'Cluster not found.'],
    [['ecs', 'tag-resource', '--resource-arn', `arn:aws:ecs:us-east-1:${account}:task-definition/ghost:1`, '--tags', 'key=a,value=b'], 'ResourceNotFoundException', /not found/],
    [['ecs', 'untag-resource', '--resource-arn', 'not-an-arn', '--tag-keys', 'a'], 'InvalidParameterException', /Invalid resource ARN/],
    [['ecs', 'list-tags-for-resource', '--resource-arn', task.replace(/[0-9a-f]{32}$/, 'f'.repeat(32))], 'ResourceNotFoundException', /not found/],
  ]
  for (const [args, code, message] of cases) {
    const got = fails(args, root, code)
    if (typeof message === 'string') assert.equal(got, message, args.join(' '))
    else assert.match(got, message, args.join(' '))
  }
  assert.deepEqual(snapshot(root), before)
  assert.deepEqual(ok(['ecs', 'list-tags-for-resource', '--resource-arn', task], root).tags, [])
})

test('aws CLI: wait tasks-running fails at once for a task ECS does not know (failures[].reason MISSING)', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  const ghost = `arn:aws:ecs:us-east-1:${root.accessKeyId}:task/c/${'0'.repeat(32)}`
  const described = ok(['ecs', 'describe-tasks', '--cluster', 'c', '--tasks', ghost], root)
  assert.deepEqual(described, { tasks: [], failures: [{ arn: ghost, reason: 'MISSING' }] })
  const started = Date.now()
  const waited = awsCli(['ecs', 'wait', 'tasks-running', '--cluster', 'c', '--tasks', ghost], root)
  assert.notEqual(waited.code, 0)
  assert.match(waited.stderr, /Waiter TasksRunning failed: Waiter encountered a terminal failure state/)
  assert.ok(Date.now() - started < 10_000, 'a terminal failure, not a timeout')
})

test('aws CLI: stop-task -> desiredStatus STOPPED, stopCode UserInitiated and the reason; boto3 sees the same', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  // The container outlives the test, so StopTask (not its exit) is what stops it.
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(fargateDefinition('app', {}, 300))], root)
  const run = ['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'app', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK]
  const arn = ok([...run, '--started-by', 'ci'], root).tasks[0].taskArn
  const stopped = ok(['ecs', 'stop-task', '--cluster', 'c', '--task', arn, '--reason', 'restart test finished'], root).task
  assert.equal(stopped.desiredStatus, 'STOPPED')
  assert.equal(stopped.stopCode, 'UserInitiated')
  assert.equal(stopped.stoppedReason, 'restart test finished')
  assert.deepEqual(ok(['ecs', 'list-tasks', '--cluster', 'c', '--desired-status', 'STOPPED'], root).taskArns, [arn])
  const other = ok(run, root).tasks[0].taskArn
  const result = boto3(
    `
import boto3, json
ecs = boto3.client("ecs")
task = ecs.stop_task(cluster="c", task="${other.split('/').pop()}")["task"]
try:
    ecs.describe_tasks(cluster="c", tasks=[])
    empty = None
except ecs.exceptions.InvalidParameterException as e:
    empty = e.response["Error"]["Message"]
listed = ecs.list_tasks(cluster="c", startedBy="ci", desiredStatus="STOPPED")["taskArns"]
print(json.dumps({"reason": task["stoppedReason"], "code": task["stopCode"], "empty": empty, "listed": listed}))
`,
    root,
  )
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(result.json, { reason: 'Task stopped by user', code: 'UserInitiated', empty: 'Tasks cannot be empty.', listed: [arn] })
})

test('SDK v3: clusters and their tags; ClusterNotFoundException is a typed error', async () => {
  const root = rootOf(server.endpoint, newAccount())
  const ecs = new ECSClient({ endpoint: server.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey } })
  const created = await ecs.send(new CreateClusterCommand({ clusterName: 'js', tags: [{ key: 'team', value: 'core' }] }))
  const arn = created.cluster!.clusterArn!
  await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'env', value: 'dev' }] }))
  assert.deepEqual((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, [{ key: 'team', value: 'core' }, { key: 'env', value: 'dev' }])
  const described = await ecs.send(new DescribeClustersCommand({ clusters: ['js', 'ghost'], include: ['TAGS'] }))
  assert.equal(described.clusters?.[0]?.tags?.length, 2)
  assert.deepEqual(described.failures, [{ arn: `arn:aws:ecs:us-east-1:${root.accessKeyId}:cluster/ghost`, reason: 'MISSING' }])
  await assert.rejects(ecs.send(new TagResourceCommand({ resourceArn: arn.replace('/js', '/ghost'), tags: [{ key: 'a', value: 'b' }] })), ClusterNotFoundException)
})
