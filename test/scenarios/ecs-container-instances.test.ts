//! The EC2 launch type as conformance scenario 09 replays it with the aws CLI: instances registered the way an
//! agent registers them, placement failures in run-task's failures[] (ATTRIBUTE for an instance without the
//! task-iam-role capability, RESOURCE:PORTS for host port 80 on a Windows task-role instance), the chosen
//! instance for the tasks that fit, and container instance describe / list / attributes / deregister.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { ECS_TASKS_TRUST, createRole, fails, file, ok } from './ecs-cli-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

const CAPABILITIES = [
  'com.amazonaws.ecs.capability.logging-driver.awslogs',
  'ecs.capability.execution-role-awslogs',
  'ecs.capability.execution-role-ecr-pull',
  'com.amazonaws.ecs.capability.ecr-auth',
  'com.amazonaws.ecs.capability.docker-remote-api.1.17',
  'com.amazonaws.ecs.capability.docker-remote-api.1.18',
  'com.amazonaws.ecs.capability.docker-remote-api.1.19',
  'com.amazonaws.ecs.capability.docker-remote-api.1.21',
  'com.amazonaws.ecs.capability.docker-remote-api.1.24',
]

/** Exactly what scenario 09's register_instance sends. */
function registerInstance(who: ClientIdentity, cluster: string, instanceId: string, os: 'linux' | 'windows', taskRole: boolean): string {
  let ports = ['22', '2375', '2376', '51678', '51679']
  if (os === 'windows') ports = ['53', '135', '139', '445', '2375', '2376', '3389', '5985', '5986', '51678', '51679', ...(taskRole ? ['80'] : [])]
  const caps = taskRole ? [...CAPABILITIES, 'com.amazonaws.ecs.capability.task-iam-role'] : CAPABILITIES
  const attributes = [{ name: 'ecs.os-type', value: os }, { name: 'ecs.cpu-architecture', value: 'x86_64' }, ...caps.map((name) => ({ name }))]
  const document = { accountId: who.accessKeyId, region: 'us-east-1', availabilityZone: 'us-east-1a', instanceId, instanceType: 'm5.large', imageId: 'ami-0123456789abcdef0', privateIp: '10.0.0.10', architecture: 'x86_64' }
  const resources = [
    { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
    { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: ports },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] },
  ]
  return ok(
    [
      'ecs', 'register-container-instance', '--cluster', cluster,
      '--instance-identity-document', JSON.stringify(document),
      '--total-resources', JSON.stringify(resources),
      '--version-info', 'agentVersion=1.80.0,agentHash=0000000,dockerVersion=20.10.25',
      '--attributes', JSON.stringify(attributes),
    ],
    who,
  ).containerInstance.containerInstanceArn
}

const ON = (os: string) => ['--placement-constraints', JSON.stringify([{ type: 'memberOf', expression: `attribute:ecs.os-type == ${os}` }])]

function portDefinition(family: string, hostPort: number) {
  return {
    family,
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [{ name: 'web', image: 'mcr.microsoft.com/windows/servercore/iis:latest', essential: true, cpu: 128, memory: 256, entryPoint: ['sh', '-c'], command: ['sleep 30'], portMappings: [{ containerPort: 80, hostPort, protocol: 'tcp' }] }],
  }
}

test('scenario 09: ATTRIBUTE on the Linux instance without task IAM roles, placed on the Windows one, RESOURCE:PORTS for host port 80', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['ecs', 'create-cluster', '--cluster-name', 'windows'], root)
  const linux = registerInstance(root, 'windows', 'i-0a1b2c3d4e5f60001', 'linux', false)
  const windows = registerInstance(root, 'windows', 'i-0a1b2c3d4e5f60002', 'windows', true)
  assert.equal(ok(['ecs', 'list-container-instances', '--cluster', 'windows'], root).containerInstanceArns.length, 2)

  const taskRole = createRole('windows-task-role', ECS_TASKS_TRUST, root)
  const execRole = createRole('ecsTaskExecutionRole', ECS_TASKS_TRUST, root)
  const definition = {
    family: 'iis-app',
    taskRoleArn: taskRole,
    executionRoleArn: execRole,
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{
      name: 'app', image: 'mcr.microsoft.com/windows/servercore:ltsc2022', essential: true, cpu: 256, memory: 512,
      entryPoint: ['aws'], command: ['sts', 'get-caller-identity'],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/windows', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } },
    }],
  }
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(definition)], root)
  const described = ok(['ecs', 'describe-task-definition', '--task-definition', 'iis-app'], root).taskDefinition
  assert.ok(described.requiresAttributes.some((a: { name: string }) => a.name === 'com.amazonaws.ecs.capability.task-iam-role'))

  const onLinux = ok(['ecs', 'run-task', '--cluster', 'windows', '--task-definition', 'iis-app', '--launch-type', 'EC2', ...ON('linux')], root)
  assert.deepEqual(onLinux.tasks, [])
  assert.ok(onLinux.failures.some((f: { arn: string; reason: string }) => f.arn === linux && f.reason === 'ATTRIBUTE'), JSON.stringify(onLinux.failures))

  const onWindows = ok(['ecs', 'run-task', '--cluster', 'windows', '--task-definition', 'iis-app', '--launch-type', 'EC2', ...ON('windows')], root)
  assert.deepEqual(onWindows.failures, [])
  assert.equal(onWindows.tasks[0].containerInstanceArn, windows)
  assert.equal(onWindows.tasks[0].launchType, 'EC2')

  ok(['ecs', 'register-task-definition', '--cli-input-json', file(portDefinition('port-80-app', 80))], root)
  const port80 = ok(['ecs', 'run-task', '--cluster', 'windows', '--task-definition', 'port-80-app', '--launch-type', 'EC2', ...ON('windows')], root)
  assert.deepEqual(port80.tasks, [])
  assert.ok(port80.failures.some((f: { arn: string; reason: string }) => f.arn === windows && f.reason === 'RESOURCE:PORTS'), JSON.stringify(port80.failures))

  ok(['ecs', 'register-task-definition', '--cli-input-json', file(portDefinition('port-8080-app', 8080))], root)
  const port8080 = ok(['ecs', 'run-task', '--cluster', 'windows', '--task-definition', 'port-8080-app', '--launch-type', 'EC2', ...ON('windows')], root)
  const task = ok(['ecs', 'describe-tasks', '--cluster', 'windows', '--tasks', port8080.tasks[0].taskArn], root).tasks[0]
  assert.equal(task.containerInstanceArn, windows)
  // On Linux, no port 80 is reserved: the same definition is placed there.
  const linux80 = ok(['ecs', 'run-task', '--cluster', 'windows', '--task-definition', 'port-80-app', '--launch-type', 'EC2', ...ON('linux')], root)
  assert.equal(linux80.tasks[0].containerInstanceArn, linux)
})

test('aws CLI: describe, list with filters, attributes, state, deregister; no instances -> InvalidParameterException', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  ok(['ecs', 'register-task-definition', '--family', 'small', '--container-definitions', '[{"name":"a","image":"busybox","memory":64,"entryPoint":["sleep"],"command":["30"]}]'], root)
  const noInstances = fails(['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'small', '--launch-type', 'EC2'], root, 'InvalidParameterException')
  assert.equal(noInstances, 'No Container Instances were found in your cluster.')

  const linux = registerInstance(root, 'c', 'i-0000000000000000a', 'linux', true)
  const windows = registerInstance(root, 'c', 'i-0000000000000000b', 'windows', false)
  const described = ok(['ecs', 'describe-container-instances', '--cluster', 'c', '--container-instances', linux, 'nope'], root)
  const instance = described.containerInstances[0]
  assert.equal(instance.ec2InstanceId, 'i-0000000000000000a')
  assert.equal(instance.status, 'ACTIVE')
  assert.equal(instance.agentConnected, true)
  assert.deepEqual(instance.versionInfo, { agentVersion: '1.80.0', agentHash: '0000000', dockerVersion: '20.10.25' })
  assert.equal(instance.remainingResources.find((r: { name: string }) => r.name === 'CPU').integerValue, 2048)
  assert.ok(instance.attributes.some((a: { name: string; value?: string }) => a.name === 'ecs.instance-type' && a.value === 'm5.large'))
  assert.deepEqual(described.failures, [{ arn: `arn:aws:ecs:us-east-1:${root.accessKeyId}:container-instance/c/nope`, reason: 'MISSING' }])

  const filtered = (filter: string) => ok(['ecs', 'list-container-instances', '--cluster', 'c', '--filter', filter], root).containerInstanceArns
  assert.deepEqual(filtered('attribute:ecs.os-type == windows'), [windows])
  assert.deepEqual(filtered('attribute:com.amazonaws.ecs.capability.task-iam-role exists'), [linux])
  fails(['ecs', 'list-container-instances', '--cluster', 'c', '--filter', 'attribute:ecs.os-type =='], root, 'InvalidParameterException')

  ok(['ecs', 'put-attributes', '--cluster', 'c', '--attributes', `name=stack,value=prod,targetId=${linux}`], root)
  const listed = ok(['ecs', 'list-attributes', '--cluster', 'c', '--target-type', 'container-instance', '--attribute-name', 'stack'], root).attributes
  assert.deepEqual(listed, [{ name: 'stack', value: 'prod', targetType: 'container-instance', targetId: linux }])
  const placed = ok(['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'small', '--launch-type', 'EC2', '--placement-constraints', 'type=memberOf,expression=attribute:stack==prod'], root)
  assert.equal(placed.tasks[0].containerInstanceArn, linux)
  ok(['ecs', 'delete-attributes', '--cluster', 'c', '--attributes', `name=stack,targetId=${linux}`], root)
  assert.deepEqual(ok(['ecs', 'list-attributes', '--cluster', 'c', '--target-type', 'container-instance', '--attribute-name', 'stack'], root).attributes, [])
  fails(['ecs', 'put-attributes', '--cluster', 'c', '--attributes', 'name=stack,value=prod,targetId=ffffffffffffffffffffffffffffffff'], root, 'TargetNotFoundException')

  const drained = ok(['ecs', 'update-container-instances-state', '--cluster', 'c', '--container-instances', windows, '--status', 'DRAINING'], root)
  assert.equal(drained.containerInstances[0].status, 'DRAINING')
  const started = ok(['ecs', 'start-task', '--cluster', 'c', '--task-definition', 'small', '--container-instances', linux], root)
  assert.equal(started.tasks[0].containerInstanceArn, linux)
  const deregistered = ok(['ecs', 'deregister-container-instance', '--cluster', 'c', '--container-instance', windows], root).containerInstance
  assert.equal(deregistered.status, 'INACTIVE')
  assert.deepEqual(ok(['ecs', 'list-container-instances', '--cluster', 'c'], root).containerInstanceArns, [linux])
  fails(['ecs', 'delete-cluster', '--cluster', 'c'], root, 'ClusterContainsContainerInstancesException')
})
