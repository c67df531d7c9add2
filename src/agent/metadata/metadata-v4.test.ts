import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { TaskDefinitionRecord, TaskRecord } from '../../store/index.js'
import type { ContainerState } from '../agent-records.js'
import { containerMetadata, taskMetadata, type MetadataView } from './metadata-v4.js'

const container: ContainerState = {
  name: 'web',
  runtimeId: '0123456789abcdef0123456789abcdef-1234567890',
  endpointId: '0123456789abcdef0123456789abcdef-1234567890',
  token: 't',
  homeDir: '/d/home',
  outputPath: '/d/output.log',
  exitCodePath: '/d/exit-code',
  startedAt: '2025-01-01T00:00:01.000Z',
  log: { group: '/ecs/web', stream: 'ecs/web/0123456789abcdef0123456789abcdef', region: 'us-east-1' },
}

function view(launchType: 'FARGATE' | 'EC2'): MetadataView {
  const task = {
    taskArn: 'arn:aws:ecs:us-east-1:111122223333:task/prod/0123456789abcdef0123456789abcdef',
    taskId: '0123456789abcdef0123456789abcdef',
    clusterArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/prod',
    clusterName: 'prod',
    region: 'us-east-1',
    launchType,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    group: 'service:web-svc',
    cpu: '512',
    memory: '1024',
    pullStartedAt: '2025-01-01T00:00:00.500Z',
    containers: [{ name: 'web', lastStatus: 'RUNNING', containerArn: 'arn:aws:ecs:us-east-1:111122223333:container/prod/0123/abc' }],
    tags: [{ key: 'team', value: 'web' }],
  } as unknown as TaskRecord
  const definition = {
    family: 'web',
    revision: 7,
    networkMode: launchType === 'FARGATE' ? 'awsvpc' : 'bridge',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx:1.27',
        cpu: 0,
        memory: 256,
        portMappings: [{ containerPort: 80, hostPort: 8080 }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' } },
      },
    ],
  } as unknown as TaskDefinitionRecord
  return { task, definition, state: { taskArn: task.taskArn, containers: [container] } }
}

test('v4 task metadata on Fargate: ARN cluster, string revision, vCPU limits, LaunchType, the awslogs stream resolved', () => {
  const body = taskMetadata(view('FARGATE'), 'v4')
  assert.equal(body.Cluster, 'arn:aws:ecs:us-east-1:111122223333:cluster/prod')
  assert.equal(body.Revision, '7')
  assert.deepEqual(body.Limits, { CPU: 0.5, Memory: 1024 })
  assert.equal(body.LaunchType, 'FARGATE')
  assert.equal(body.ServiceName, 'web-svc')
  assert.equal(body.PullStartedAt, '2025-01-01T00:00:00.500Z')
  const [c] = body.Containers as Array<Record<string, any>>
  assert.equal(c!.DockerName, 'web')
  assert.deepEqual(c!.Ports, [{ ContainerPort: 80, Protocol: 'tcp', HostPort: 80, HostIp: '0.0.0.0' }])
  assert.deepEqual(c!.Limits, { CPU: 2, Memory: 256 })
  assert.deepEqual(c!.LogOptions, { 'awslogs-group': '/ecs/web', 'awslogs-stream': 'ecs/web/0123456789abcdef0123456789abcdef' })
  assert.equal(c!.ContainerARN, 'arn:aws:ecs:us-east-1:111122223333:container/prod/0123/abc')
  assert.equal(c!.Networks[0].NetworkMode, 'awsvpc')
})

test('EC2: the short cluster name, Docker-style names, host ports; v3 lacks the v4 additions', () => {
  const v4 = taskMetadata(view('EC2'), 'v4')
  assert.equal(v4.Cluster, 'prod')
  assert.equal(v4.FaultInjectionEnabled, false)
  const c = containerMetadata(view('EC2'), container, 'v4')
  assert.match(c.DockerName as string, /^ecs-web-7-web-[0-9a-f]{20}$/)
  assert.equal((c.Ports as Array<{ HostPort: number }>)[0]!.HostPort, 8080)
  const v3 = taskMetadata(view('EC2'), 'v3')
  assert.equal(v3.LaunchType, undefined)
  const c3 = containerMetadata(view('EC2'), container, 'v3')
  assert.equal(c3.LogDriver, undefined)
  assert.equal(c3.ContainerARN, undefined)
})
