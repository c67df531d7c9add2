//! RunTask / StopTask / DescribeTasks / ListTasks on Fargate: records, PassRole, trust, errors, filters.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ACCOUNT, fakeEcs, type FakeEcs } from './fake-ecs.js'

const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'DISABLED' } }

function setUp(taskTrust = 'ecs-tasks.amazonaws.com'): { ecs: FakeEcs; taskRole: string; execRole: string } {
  const ecs = fakeEcs()
  const taskRole = ecs.putRole('app-task-role', taskTrust)
  const execRole = ecs.putRole('ecsTaskExecutionRole', 'ecs-tasks.amazonaws.com')
  ecs.call('CreateCluster', { clusterName: 'c' })
  ecs.call('RegisterTaskDefinition', {
    family: 'app',
    taskRoleArn: taskRole,
    executionRoleArn: execRole,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'busybox', command: ['true'] }, { name: 'sidecar', image: 'busybox', essential: false }],
  })
  ecs.checked.length = 0
  return { ecs, taskRole, execRole }
}

function runFargate(ecs: FakeEcs, extra: Record<string, unknown> = {}) {
  return ecs.call('RunTask', { cluster: 'c', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: NETWORK, ...extra })
}

test('RunTask FARGATE: a PROVISIONING task as ECS describes it, handed to the agent after commit', () => {
  const { ecs, taskRole, execRole } = setUp()
  const out = runFargate(ecs, { startedBy: 'ci', tags: [{ key: 'k', value: 'v' }] })
  assert.deepEqual(out.failures, [])
  const task = out.tasks[0]
  assert.match(task.taskArn, new RegExp(`^arn:aws:ecs:us-east-1:${ACCOUNT}:task/c/[0-9a-f]{32}$`))
  assert.equal(task.lastStatus, 'PROVISIONING')
  assert.equal(task.desiredStatus, 'RUNNING')
  assert.equal(task.launchType, 'FARGATE')
  assert.equal(task.platformVersion, '1.4.0')
  assert.equal(task.group, 'family:app')
  assert.equal(task.cpu, '256')
  assert.equal(task.version, 1)
  assert.equal(task.availabilityZone, 'us-east-1a')
  assert.equal(task.taskDefinitionArn, `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/app:1`)
  assert.deepEqual(task.overrides.containerOverrides, [{ name: 'app' }, { name: 'sidecar' }])
  assert.equal(task.containers.length, 2)
  assert.match(task.containers[0].containerArn, new RegExp(`^arn:aws:ecs:us-east-1:${ACCOUNT}:container/c/[0-9a-f]{32}/[0-9a-f-]{36}$`))
  const eni = task.attachments[0]
  assert.equal(eni.type, 'ElasticNetworkInterface')
  const details = Object.fromEntries(eni.details.map((d: { name: string; value: string }) => [d.name, d.value]))
  assert.equal(details.subnetId, 'subnet-0123456789abcdef0')
  assert.match(details.privateIPv4Address, /^10\.0\.\d+\.\d+$/)
  assert.match(details.macAddress, /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/)
  assert.equal(task.tags, undefined, 'RunTask does not echo tags')
  assert.deepEqual(ecs.woken, [task.taskArn])
  // The stored record carries what the agent needs: the roles in effect.
  const stored = ecs.call('DescribeTasks', { cluster: 'c', tasks: [task.taskArn], include: ['TAGS'] }).tasks[0]
  assert.deepEqual(stored.tags, [{ key: 'k', value: 'v' }])
  const records = ecs.store.documents.collection<any>('ecs.task').list(`${ACCOUNT}/us-east-1`)
  assert.equal(records[0].taskRoleArn, taskRole)
  assert.equal(records[0].executionRoleArn, execRole)
  // PassRole for both roles, then ECS's own assumption of both with the task as source.
  const passed = ecs.checked.filter((r) => r.action === 'iam:PassRole').map((r) => r.resource)
  assert.deepEqual(passed.sort(), [taskRole, execRole].sort())
  const assumed = ecs.checked.filter((r) => r.action === 'sts:AssumeRole')
  assert.deepEqual(assumed.map((r) => r.resource).sort(), [taskRole, execRole].sort())
  assert.ok(assumed.every((r) => r.context?.['aws:SourceArn'] === task.taskArn && r.context?.['aws:SourceAccount'] === ACCOUNT))
  const runTask = ecs.checked.find((r) => r.action === 'ecs:RunTask')
  assert.equal(runTask?.resource, `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/app:1`)
  assert.equal(runTask?.context?.['ecs:cluster'], `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/c`)
})

test('RunTask: a task role that does not trust ecs-tasks.amazonaws.com -> ClientException, no task, no wake-up', () => {
  const { ecs, taskRole } = setUp('ec2.amazonaws.com')
  const error = ecs.error('RunTask', { cluster: 'c', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: NETWORK, count: 2 })
  assert.equal(error.code, 'ClientException')
  assert.equal(
    error.message,
    `ECS was unable to assume the role '${taskRole}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`,
  )
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c' }).taskArns, [])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', desiredStatus: 'STOPPED' }).taskArns, [])
  assert.deepEqual(ecs.woken, [])
})

test('RunTask: a role that does not exist gives the same ClientException', () => {
  const { ecs } = setUp()
  const missing = `arn:aws:iam::${ACCOUNT}:role/deleted`
  const error = ecs.error('RunTask', { cluster: 'c', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: NETWORK, overrides: { taskRoleArn: missing } })
  assert.match(error.message, /^ECS was unable to assume the role 'arn:aws:iam::111122223333:role\/deleted'/)
})

test('RunTask: PassRole on an override role denied -> AccessDeniedException, nothing started', () => {
  const { ecs } = setUp()
  const other = ecs.putRole('admin-role', 'ecs-tasks.amazonaws.com')
  ecs.allow = (r) => !(r.action === 'iam:PassRole' && r.resource === other)
  const error = ecs.error('RunTask', { cluster: 'c', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: NETWORK, overrides: { taskRoleArn: other } })
  assert.equal(error.code, 'AccessDeniedException')
  assert.match(error.message, /iam:PassRole on resource: arn:aws:iam::111122223333:role\/admin-role/)
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c' }).taskArns, [])
})

test('RunTask: the override role replaces the definition role for the task', () => {
  const { ecs } = setUp()
  const other = ecs.putRole('other-role', 'ecs-tasks.amazonaws.com')
  runFargate(ecs, { overrides: { taskRoleArn: other, containerOverrides: [{ name: 'app', command: ['echo', 'hi'] }] } })
  const record = ecs.store.documents.collection<any>('ecs.task').list(`${ACCOUNT}/us-east-1`)[0]
  assert.equal(record.taskRoleArn, other)
  assert.deepEqual(record.overrides.containerOverrides[0], { name: 'app', command: ['echo', 'hi'] })
})

test('RunTask: bad input gets ECS errors and starts nothing', () => {
  const { ecs } = setUp()
  const cases: Array<[Record<string, unknown>, string, string]> = [
    [{ cluster: 'nope' }, 'ClusterNotFoundException', 'Cluster not found.'],
    [{ taskDefinition: 'never-registered' }, 'ClientException', 'TaskDefinition not found.'],
    [{ networkConfiguration: undefined }, 'InvalidParameterException', "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    [{ networkConfiguration: { awsvpcConfiguration: { subnets: [] } } }, 'InvalidParameterException', 'subnets can not be empty.'],
    [{ count: 11 }, 'InvalidParameterException', 'count must be between 1 and 10.'],
    [{ overrides: { containerOverrides: [{ name: 'ghost' }] } }, 'InvalidParameterException', 'Override for container named ghost is not a container in the TaskDefinition.'],
    [{ capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] }, 'InvalidParameterException', 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.'],
    [{ platformVersion: '9.9.9' }, 'InvalidParameterException', 'The specified platform version does not exist.'],
  ]
  for (const [extra, code, message] of cases) {
    const error = ecs.error('RunTask', { cluster: 'c', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: NETWORK, ...extra })
    assert.deepEqual([error.code, error.message], [code, message], JSON.stringify(extra))
  }
  ecs.call('RegisterTaskDefinition', { family: 'ec2only', containerDefinitions: [{ name: 'a', image: 'x', memory: 64 }] })
  const error = ecs.error('RunTask', { cluster: 'c', taskDefinition: 'ec2only', launchType: 'FARGATE' })
  assert.deepEqual([error.code, error.message], ['InvalidParameterException', 'Task definition does not support launch_type FARGATE.'])
  assert.equal(ecs.error('RunTask', { cluster: 'c', taskDefinition: 'ec2only', launchType: 'EC2' }).message, 'No Container Instances were found in your cluster.')
  ecs.call('DeregisterTaskDefinition', { taskDefinition: 'ec2only:1' })
  assert.equal(ecs.error('RunTask', { cluster: 'c', taskDefinition: 'ec2only:1', launchType: 'EC2' }).message, 'TaskDefinition is inactive')
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', desiredStatus: 'STOPPED' }).taskArns, [])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c' }).taskArns, [])
})

test('RunTask: count places several tasks; a capacity provider strategy of FARGATE runs on Fargate', () => {
  const { ecs } = setUp()
  assert.equal(runFargate(ecs, { count: 3 }).tasks.length, 3)
  const out = ecs.call('RunTask', { cluster: 'c', taskDefinition: 'app', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT' }], networkConfiguration: NETWORK })
  assert.equal(out.tasks[0].launchType, 'FARGATE')
  assert.equal(ecs.call('ListTasks', { cluster: 'c' }).taskArns.length, 4)
})

test('StopTask: desiredStatus STOPPED, UserInitiated, the reason given or "Task stopped by user"; the agent is woken', () => {
  const { ecs } = setUp()
  const a = runFargate(ecs).tasks[0].taskArn
  const b = runFargate(ecs).tasks[0].taskArn
  ecs.woken.length = 0
  const stopped = ecs.call('StopTask', { cluster: 'c', task: a, reason: 'done' }).task
  assert.deepEqual([stopped.desiredStatus, stopped.stopCode, stopped.stoppedReason, stopped.stoppingAt, stopped.version], ['STOPPED', 'UserInitiated', 'done', ecs.now.toISOString(), 2])
  assert.equal(stopped.lastStatus, 'PROVISIONING', 'the agent sets lastStatus')
  const byId = ecs.call('StopTask', { cluster: 'c', task: b.split('/').pop() }).task
  assert.equal(byId.stoppedReason, 'Task stopped by user')
  assert.deepEqual(ecs.woken, [a, b])
  // A second StopTask changes nothing.
  assert.equal(ecs.call('StopTask', { cluster: 'c', task: a, reason: 'again' }).task.stoppedReason, 'done')
  const missing = ecs.error('StopTask', { cluster: 'c', task: '0123456789abcdef0123456789abcdef' })
  assert.deepEqual([missing.code, missing.message], ['InvalidParameterException', 'The referenced task was not found.'])
  assert.equal(ecs.error('StopTask', { cluster: 'nope', task: a }).code, 'ClusterNotFoundException')
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', desiredStatus: 'STOPPED' }).taskArns.sort(), [a, b].sort())
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c' }).taskArns, [])
})

test('DescribeTasks: MISSING failures for unknown tasks and tasks of other clusters', () => {
  const { ecs } = setUp()
  ecs.call('CreateCluster', { clusterName: 'other' })
  const arn = runFargate(ecs).tasks[0].taskArn
  const id = arn.split('/').pop()
  const out = ecs.call('DescribeTasks', { cluster: 'c', tasks: [arn, id, 'ffffffffffffffffffffffffffffffff'] })
  assert.equal(out.tasks.length, 2)
  assert.deepEqual(out.failures, [{ arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task/c/ffffffffffffffffffffffffffffffff`, reason: 'MISSING' }])
  assert.deepEqual(ecs.call('DescribeTasks', { cluster: 'other', tasks: [arn] }).failures, [{ arn, reason: 'MISSING' }])
  assert.equal(ecs.error('DescribeTasks', { cluster: 'c', tasks: [] }).message, 'Tasks cannot be empty.')
  assert.equal(ecs.error('DescribeTasks', { cluster: 'nope', tasks: [arn] }).code, 'ClusterNotFoundException')
})

test('ListTasks: agent-stopped tasks count as STOPPED; filters by family, startedBy, launchType; PENDING', () => {
  const { ecs } = setUp()
  const a = runFargate(ecs, { startedBy: 'ci' }).tasks[0].taskArn
  const b = runFargate(ecs).tasks[0].taskArn
  // The agent marks b STOPPED after its essential container exits (desiredStatus untouched).
  const tasks = ecs.store.documents.collection<any>('ecs.task')
  const key = `c/${b.split('/').pop()}`
  tasks.put(`${ACCOUNT}/us-east-1`, key, { ...tasks.get(`${ACCOUNT}/us-east-1`, key), lastStatus: 'STOPPED' })
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c' }).taskArns, [a])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', desiredStatus: 'STOPPED' }).taskArns, [b])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', desiredStatus: 'PENDING' }).taskArns, [a])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', startedBy: 'ci' }).taskArns, [a])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', family: 'app' }).taskArns, [a])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', family: 'ap' }).taskArns, [])
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c', launchType: 'EC2' }).taskArns, [])
  assert.equal(ecs.error('ListTasks', { cluster: 'c', family: 'a.b' }).message, 'family must match ^[a-zA-Z0-9\\-_]+$')
  assert.equal(ecs.error('ListTasks', { cluster: 'c', serviceName: 'web' }).code, 'ServiceNotFoundException')
  assert.equal(ecs.error('ListTasks', { cluster: 'nope' }).code, 'ClusterNotFoundException')
})
