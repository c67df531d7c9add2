//! Shared by the agent scenario tests: SDK v3 clients for fast set-up (roles, log group, cluster, task definition),
//! running a task and waiting for it, and reading what its containers printed. What runs *inside* the tasks is
//! the real aws CLI, boto3 and SDK v3, with nothing but the environment the agent gives them.
import assert from 'node:assert/strict'
import { CloudWatchLogsClient, CreateLogGroupCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  CreateClusterCommand,
  DescribeTasksCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type ContainerDefinition,
  type Task,
} from '@aws-sdk/client-ecs'
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { randomBytes } from 'node:crypto'

export const EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'
const ECS_TASKS_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
})

export interface Clients {
  account: string
  iam: IAMClient
  ecs: ECSClient
  logs: CloudWatchLogsClient
}

export function clientsFor(endpoint: string, account: string): Clients {
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' }, maxAttempts: 1 }
  return { account, iam: new IAMClient(config), ecs: new ECSClient(config), logs: new CloudWatchLogsClient(config) }
}

export function unique(name: string): string {
  return `${name}-${randomBytes(4).toString('hex')}`
}

export async function createRole(c: Clients, name: string, trust = ECS_TASKS_TRUST): Promise<{ arn: string; roleId: string }> {
  const { Role } = await c.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust }))
  return { arn: Role!.Arn!, roleId: Role!.RoleId! }
}

export interface TaskWorld {
  clients: Clients
  taskRole: { arn: string; roleId: string; name: string }
  executionRoleArn: string
  group: string
  cluster: string
}

/** A task role, the console-style execution role, a log group and a cluster, as conformance scenario 01 sets up. */
export async function taskWorld(endpoint: string, account: string): Promise<TaskWorld> {
  const clients = clientsFor(endpoint, account)
  const taskRoleName = unique('app-task-role')
  const taskRole = { ...(await createRole(clients, taskRoleName)), name: taskRoleName }
  const executionRoleName = unique('ecsTaskExecutionRole')
  const executionRoleArn = (await createRole(clients, executionRoleName)).arn
  await clients.iam.send(new AttachRolePolicyCommand({ RoleName: executionRoleName, PolicyArn: EXECUTION_POLICY_ARN }))
  const group = `/ecs/${unique('agent')}`
  await clients.logs.send(new CreateLogGroupCommand({ logGroupName: group }))
  const cluster = unique('cluster')
  await clients.ecs.send(new CreateClusterCommand({ clusterName: cluster }))
  return { clients, taskRole, executionRoleArn, group, cluster }
}

export function awslogs(group: string, prefix = 'ecs') {
  return { logDriver: 'awslogs' as const, options: { 'awslogs-group': group, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': prefix } }
}

/** Registers a Fargate definition with the world's roles and runs it; returns the task ARN. */
export async function runFargateTask(
  world: TaskWorld,
  containers: ContainerDefinition[],
  options: { taskRole?: boolean; overrides?: Record<string, unknown> } = {},
): Promise<string> {
  const family = unique('agent-scenario')
  await world.clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      taskRoleArn: options.taskRole === false ? undefined : world.taskRole.arn,
      executionRoleArn: world.executionRoleArn,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: containers.map((c) => ({ image: 'public.ecr.aws/aws-cli/aws-cli:latest', logConfiguration: awslogs(world.group), ...c })),
    }),
  )
  const out = await world.clients.ecs.send(
    new RunTaskCommand({
      cluster: world.cluster,
      taskDefinition: family,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] } },
      overrides: options.overrides,
    }),
  )
  assert.deepEqual(out.failures ?? [], [])
  return out.tasks![0]!.taskArn!
}

export async function describeTask(world: TaskWorld, taskArn: string): Promise<Task> {
  const out = await world.clients.ecs.send(new DescribeTasksCommand({ cluster: world.cluster, tasks: [taskArn] }))
  return out.tasks![0]!
}

export async function waitForTask(world: TaskWorld, taskArn: string, status: 'RUNNING' | 'STOPPED', seconds = 120): Promise<Task> {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    const task = await describeTask(world, taskArn)
    if (task.lastStatus === status) return task
    if (status === 'RUNNING' && task.lastStatus === 'STOPPED') assert.fail(`task stopped before RUNNING: ${task.stopCode} ${task.stoppedReason}`)
    if (Date.now() > deadline) assert.fail(`task not ${status} within ${seconds} s (lastStatus ${task.lastStatus})`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

export function taskId(taskArn: string): string {
  return taskArn.split('/').pop()!
}

/** Every message of a container's awslogs stream `ecs/<container>/<task-id>`. */
export async function logLines(world: TaskWorld, taskArn: string, container: string): Promise<string[]> {
  const out = await world.clients.logs.send(
    new GetLogEventsCommand({ logGroupName: world.group, logStreamName: `ecs/${container}/${taskId(taskArn)}`, startFromHead: true, limit: 10_000 }),
  )
  return (out.events ?? []).map((e) => e.message!)
}

/** Waits until a container has printed a line matching `pattern`; returns all lines so far. */
export async function waitForLine(world: TaskWorld, taskArn: string, container: string, pattern: RegExp, seconds = 60): Promise<string[]> {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    const lines = await logLines(world, taskArn, container).catch(() => [])
    if (lines.some((l) => pattern.test(l))) return lines
    if (Date.now() > deadline) assert.fail(`no line matching ${pattern} from ${container} within ${seconds} s; got: ${lines.slice(-5).join(' | ')}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** The rest of the first line that starts with `<prefix> `. */
export function lineAfter(lines: string[], prefix: string): string {
  const line = lines.find((l) => l.startsWith(prefix + ' '))
  assert.ok(line !== undefined, `no '${prefix}' line in: ${lines.join(' | ')}`)
  return line.slice(prefix.length + 1)
}
