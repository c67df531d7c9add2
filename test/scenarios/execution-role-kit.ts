//! Shared by the execution-role scenario tests: an execution role with exactly the given inline policies, a Fargate
//! task definition run in a given subnet, and the stopped task's failure text (stopCode | stoppedReason | reasons,
//! as conformance lib.sh `task_failure_text` joins them).
import assert from 'node:assert/strict'
import { PutRolePolicyCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam'
import { RegisterTaskDefinitionCommand, RunTaskCommand, type ContainerDefinition, type Task } from '@aws-sdk/client-ecs'
import { awslogs, createRole, unique, waitForTask, type TaskWorld } from './agent-kit.js'

export const PLACEHOLDER_SUBNET = 'subnet-0123456789abcdef0'

/** Write logs: what every execution role in these tests may do besides what a test is about. */
export const LOGS_STATEMENT = { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '*' }

export function policy(...statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements })
}

/** A role ecs-tasks.amazonaws.com may assume, with the given inline policies (name -> document) and managed ARNs. */
export async function executionRole(world: TaskWorld, policies: Record<string, string>, managed: string[] = []): Promise<{ name: string; arn: string }> {
  const name = unique('exec-role')
  const { arn } = await createRole(world.clients, name)
  for (const [policyName, document] of Object.entries(policies)) await putPolicy(world, name, policyName, document)
  for (const policyArn of managed) await world.clients.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn }))
  return { name, arn }
}

export async function putPolicy(world: TaskWorld, roleName: string, policyName: string, document: string): Promise<void> {
  await world.clients.iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }))
}

/** Registers a Fargate definition (one `sh -c` container by default) and runs it in `subnet`; answers the task ARN. */
export async function runWith(
  world: TaskWorld,
  executionRoleArn: string,
  container: Partial<ContainerDefinition>,
  subnet = PLACEHOLDER_SUBNET,
): Promise<string> {
  const family = unique('exec-scenario')
  await world.clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      executionRoleArn,
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'app', image: 'public.ecr.aws/docker/library/busybox:latest', essential: true, entryPoint: ['sh', '-c'], logConfiguration: awslogs(world.group), ...container } as ContainerDefinition,
      ],
    }),
  )
  const out = await world.clients.ecs.send(
    new RunTaskCommand({ cluster: world.cluster, taskDefinition: family, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: [subnet] } } }),
  )
  assert.deepEqual(out.failures ?? [], [])
  return out.tasks![0]!.taskArn!
}

export function failureText(task: Task): string {
  return [task.stopCode ?? '', task.stoppedReason ?? '', ...(task.containers ?? []).map((c) => c.reason ?? '')].join(' | ')
}

/** The task must stop before its container runs: TaskFailedToStart, no exit code; answers the failure text. */
export async function expectFailedToStart(world: TaskWorld, taskArn: string): Promise<string> {
  const task = await waitForTask(world, taskArn, 'STOPPED')
  const why = failureText(task)
  assert.equal(task.stopCode, 'TaskFailedToStart', why)
  assert.equal(task.containers?.[0]?.exitCode, undefined, `a container that never ran has no exit code: ${why}`)
  return why
}

/** The task must run its container to a clean exit; answers the stopped task. */
export async function expectExitedCleanly(world: TaskWorld, taskArn: string): Promise<Task> {
  const task = await waitForTask(world, taskArn, 'STOPPED')
  assert.equal(task.containers?.[0]?.exitCode, 0, failureText(task))
  return task
}
