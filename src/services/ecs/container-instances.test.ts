//! Container instances and EC2 placement as conformance scenario 09 drives them, plus attributes and draining.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ACCOUNT, fakeEcs, type FakeEcs } from './fake-ecs.js'

const LINUX_PORTS = ['22', '2375', '2376', '51678', '51679']
const WINDOWS_PORTS = ['53', '135', '139', '445', '2375', '2376', '3389', '5985', '5986', '51678', '51679']
const CAPS = ['com.amazonaws.ecs.capability.logging-driver.awslogs', 'ecs.capability.execution-role-awslogs', 'com.amazonaws.ecs.capability.docker-remote-api.1.19']

/** What scenario 09 registers: a Linux instance without task IAM roles and a Windows one with them (port 80 reserved). */
function register(ecs: FakeEcs, instanceId: string, os: 'linux' | 'windows', taskRole: boolean): string {
  const ports = os === 'windows' ? [...WINDOWS_PORTS, ...(taskRole ? ['80'] : [])] : LINUX_PORTS
  const caps = taskRole ? [...CAPS, 'com.amazonaws.ecs.capability.task-iam-role'] : CAPS
  const out = ecs.call('RegisterContainerInstance', {
    cluster: 'win',
    instanceIdentityDocument: JSON.stringify({ accountId: ACCOUNT, region: 'us-east-1', availabilityZone: 'us-east-1b', instanceId, instanceType: 'm5.large', imageId: 'ami-0123456789abcdef0' }),
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
      { name: 'PORTS', type: 'STRINGSET', stringSetValue: ports },
      { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
    ],
    versionInfo: { agentVersion: '1.80.0', agentHash: '0000000', dockerVersion: '20.10.25' },
    attributes: [{ name: 'ecs.os-type', value: os }, { name: 'ecs.cpu-architecture', value: 'x86_64' }, ...caps.map((name) => ({ name }))],
  })
  return out.containerInstance.containerInstanceArn
}

function setUp() {
  const ecs = fakeEcs()
  ecs.call('CreateCluster', { clusterName: 'win' })
  const linux = register(ecs, 'i-0a1b2c3d4e5f60001', 'linux', false)
  const windows = register(ecs, 'i-0a1b2c3d4e5f60002', 'windows', true)
  const taskRole = ecs.putRole('windows-task-role', 'ecs-tasks.amazonaws.com')
  const execRole = ecs.putRole('exec', 'ecs-tasks.amazonaws.com')
  const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/w', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } }
  ecs.call('RegisterTaskDefinition', {
    family: 'iis',
    taskRoleArn: taskRole,
    executionRoleArn: execRole,
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'app', image: 'mcr.microsoft.com/windows/servercore:ltsc2022', cpu: 256, memory: 512, logConfiguration: awslogs }],
  })
  const port = (hostPort: number) => ({
    family: `port-${hostPort}`,
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [{ name: 'web', image: 'iis', cpu: 128, memory: 256, portMappings: [{ containerPort: 80, hostPort, protocol: 'tcp' }] }],
  })
  ecs.call('RegisterTaskDefinition', port(80))
  ecs.call('RegisterTaskDefinition', port(8080))
  return { ecs, linux, windows }
}

const ON = (os: string) => [{ type: 'memberOf', expression: `attribute:ecs.os-type == ${os}` }]

test('RegisterContainerInstance: a connected ACTIVE instance with ECS-derived attributes; re-registering the same EC2 instance keeps its ARN', () => {
  const { ecs, linux } = setUp()
  assert.match(linux, new RegExp(`^arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/win/[0-9a-f]{32}$`))
  const described = ecs.call('DescribeContainerInstances', { cluster: 'win', containerInstances: [linux] }).containerInstances[0]
  assert.equal(described.status, 'ACTIVE')
  assert.equal(described.agentConnected, true)
  assert.equal(described.ec2InstanceId, 'i-0a1b2c3d4e5f60001')
  const attributes = Object.fromEntries(described.attributes.map((a: { name: string; value?: string }) => [a.name, a.value]))
  assert.equal(attributes['ecs.instance-type'], 'm5.large')
  assert.equal(attributes['ecs.availability-zone'], 'us-east-1b')
  assert.equal(attributes['ecs.ami-id'], 'ami-0123456789abcdef0')
  assert.equal(register(ecs, 'i-0a1b2c3d4e5f60001', 'linux', false), linux)
  assert.equal(ecs.call('ListContainerInstances', { cluster: 'win' }).containerInstanceArns.length, 2)
  assert.equal(ecs.error('RegisterContainerInstance', { cluster: 'nope' }).code, 'ClusterNotFoundException')
  assert.equal(ecs.error('RegisterContainerInstance', { cluster: 'win', instanceIdentityDocument: '{not json' }).code, 'ClientException')
})

test('scenario 09: a task with a task role on the Linux instance without the capability -> failure ATTRIBUTE, no task', () => {
  const { ecs, linux } = setUp()
  const out = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'iis', launchType: 'EC2', placementConstraints: ON('linux') })
  assert.deepEqual(out.tasks, [])
  assert.ok(out.failures.some((f: { arn: string; reason: string }) => f.arn === linux && f.reason === 'ATTRIBUTE'), JSON.stringify(out.failures))
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'win' }).taskArns, [])
  assert.deepEqual(ecs.woken, [])
})

test('scenario 09: on the Windows instance it is placed there, and resources are taken until the agent stops it', () => {
  const { ecs, windows } = setUp()
  const out = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'iis', launchType: 'EC2', placementConstraints: ON('windows') })
  assert.deepEqual(out.failures, [])
  const task = out.tasks[0]
  assert.equal(task.containerInstanceArn, windows)
  assert.equal(task.launchType, 'EC2')
  assert.equal(task.availabilityZone, 'us-east-1b')
  const remaining = (arn: string) =>
    Object.fromEntries(
      ecs.call('DescribeContainerInstances', { cluster: 'win', containerInstances: [arn] }).containerInstances[0].remainingResources.map((r: any) => [r.name, r.integerValue ?? r.stringSetValue]),
    )
  assert.equal(remaining(windows).CPU, 2048 - 256)
  assert.equal(remaining(windows).MEMORY, 7680 - 512)
  const described = ecs.call('DescribeContainerInstances', { cluster: 'win', containerInstances: [windows] }).containerInstances[0]
  assert.equal(described.pendingTasksCount, 1)
  // The agent marks the task STOPPED: the instance gets its resources back (recomputed, not counted).
  const tasks = ecs.store.documents.collection<any>('ecs.task')
  const key = `win/${task.taskArn.split('/').pop()}`
  tasks.put(`${ACCOUNT}/us-east-1`, key, { ...tasks.get(`${ACCOUNT}/us-east-1`, key), lastStatus: 'STOPPED' })
  assert.equal(remaining(windows).CPU, 2048)
  assert.equal(ecs.call('ListTasks', { cluster: 'win', containerInstance: windows, desiredStatus: 'STOPPED' }).taskArns.length, 1)
})

test('scenario 09: host port 80 on the Windows task-role instance -> RESOURCE:PORTS; 8080 is placed; a port in use is taken', () => {
  const { ecs, windows, linux } = setUp()
  const blocked = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'port-80', launchType: 'EC2', placementConstraints: ON('windows') })
  assert.deepEqual(blocked.tasks, [])
  assert.ok(blocked.failures.some((f: { arn: string; reason: string }) => f.arn === windows && f.reason === 'RESOURCE:PORTS'), JSON.stringify(blocked.failures))
  const placed = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'port-8080', launchType: 'EC2', placementConstraints: ON('windows') })
  assert.equal(placed.tasks[0].containerInstanceArn, windows)
  const again = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'port-8080', launchType: 'EC2', placementConstraints: ON('windows') })
  const byArn = (a: { arn: string }, b: { arn: string }) => (a.arn < b.arn ? -1 : 1)
  assert.deepEqual(
    [...again.failures].sort(byArn),
    [
      { arn: linux, reason: 'MemberOf placement constraint unsatisfied.' },
      { arn: windows, reason: 'RESOURCE:PORTS' },
    ].sort(byArn),
  )
  // Linux reserves no port 80.
  const onLinux = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'port-80', launchType: 'EC2', placementConstraints: ON('linux') })
  assert.equal(onLinux.tasks[0].containerInstanceArn, linux)
})

test('StartTask: one task per named instance; unknown instances are MISSING failures; resources still checked', () => {
  const { ecs, windows, linux } = setUp()
  const out = ecs.call('StartTask', { cluster: 'win', taskDefinition: 'port-80', containerInstances: [linux, windows, 'ffffffffffffffffffffffffffffffff'] })
  assert.equal(out.tasks.length, 1)
  assert.equal(out.tasks[0].containerInstanceArn, linux)
  assert.deepEqual(out.failures.map((f: { reason: string }) => f.reason), ['RESOURCE:PORTS', 'MISSING'])
  const iis = ecs.call('StartTask', { cluster: 'win', taskDefinition: 'iis', containerInstances: [linux] })
  assert.deepEqual(iis.failures, [{ arn: linux, reason: 'ATTRIBUTE' }])
  assert.ok(ecs.checked.some((r) => r.action === 'ecs:StartTask' && Array.isArray(r.context?.['ecs:container-instances'])))
})

test('ListContainerInstances filters with the cluster query language', () => {
  const { ecs, windows, linux } = setUp()
  assert.deepEqual(ecs.call('ListContainerInstances', { cluster: 'win', filter: 'attribute:ecs.os-type == windows' }).containerInstanceArns, [windows])
  assert.deepEqual(ecs.call('ListContainerInstances', { cluster: 'win', filter: 'attribute:com.amazonaws.ecs.capability.task-iam-role exists' }).containerInstanceArns, [windows])
  assert.deepEqual(ecs.call('ListContainerInstances', { cluster: 'win', filter: 'attribute:com.amazonaws.ecs.capability.task-iam-role !exists' }).containerInstanceArns, [linux])
  assert.equal(ecs.error('ListContainerInstances', { cluster: 'win', filter: 'attribute:x ==' }).code, 'InvalidParameterException')
})

test('DeregisterContainerInstance: refused with running tasks unless forced; then INACTIVE and unlisted', () => {
  const { ecs, linux } = setUp()
  ecs.call('StartTask', { cluster: 'win', taskDefinition: 'port-8080', containerInstances: [linux] })
  assert.equal(ecs.error('DeregisterContainerInstance', { cluster: 'win', containerInstance: linux }).message, 'Found running tasks on the instance.')
  const out = ecs.call('DeregisterContainerInstance', { cluster: 'win', containerInstance: linux, force: true }).containerInstance
  assert.equal(out.status, 'INACTIVE')
  assert.equal(ecs.call('ListContainerInstances', { cluster: 'win' }).containerInstanceArns.length, 1)
  assert.equal(ecs.call('DescribeContainerInstances', { cluster: 'win', containerInstances: [linux] }).containerInstances[0].status, 'INACTIVE')
  assert.equal(ecs.error('DeregisterContainerInstance', { cluster: 'win', containerInstance: linux }).code, 'InvalidParameterException')
  const missing = ecs.call('DescribeContainerInstances', { cluster: 'win', containerInstances: ['abc'] })
  assert.deepEqual(missing.failures, [{ arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/win/abc`, reason: 'MISSING' }])
})

test('Draining instances take no new tasks: with only draining ones the cluster has none', () => {
  const { ecs, windows, linux } = setUp()
  ecs.call('UpdateContainerInstancesState', { cluster: 'win', containerInstances: [linux, windows], status: 'DRAINING' })
  assert.equal(ecs.error('RunTask', { cluster: 'win', taskDefinition: 'port-8080', launchType: 'EC2' }).message, 'No Container Instances were found in your cluster.')
})

test('PutAttributes / ListAttributes / DeleteAttributes, and a custom attribute used by memberOf', () => {
  const { ecs, linux } = setUp()
  ecs.call('PutAttributes', { cluster: 'win', attributes: [{ name: 'stack', value: 'prod', targetId: linux }] })
  const listed = ecs.call('ListAttributes', { cluster: 'win', targetType: 'container-instance', attributeName: 'stack' })
  assert.deepEqual(listed.attributes, [{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: linux }])
  const placed = ecs.call('RunTask', { cluster: 'win', taskDefinition: 'port-8080', launchType: 'EC2', placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }] })
  assert.equal(placed.tasks[0].containerInstanceArn, linux)
  ecs.call('DeleteAttributes', { cluster: 'win', attributes: [{ name: 'stack', targetId: linux }] })
  assert.deepEqual(ecs.call('ListAttributes', { cluster: 'win', targetType: 'container-instance', attributeName: 'stack' }).attributes, [])
  assert.equal(ecs.error('PutAttributes', { cluster: 'win', attributes: [{ name: 'x', value: 'y', targetId: 'nope' }] }).code, 'TargetNotFoundException')
  assert.equal(ecs.error('PutAttributes', { cluster: 'win', attributes: [{ name: 'bad name!', value: 'y', targetId: linux }] }).code, 'InvalidParameterException')
  const many = Array.from({ length: 11 }, (_, i) => ({ name: `custom-${i}`, value: 'v', targetId: linux }))
  assert.equal(ecs.error('PutAttributes', { cluster: 'win', attributes: many }).code, 'AttributeLimitExceededException')
  assert.deepEqual(ecs.call('ListAttributes', { cluster: 'win', targetType: 'container-instance', attributeName: 'custom-0' }).attributes, [], 'nothing stored by the refused call')
})
