//! What RunTask and StartTask share: checking overrides and the network configuration, iam:PassRole for every
//! role the task will use, ECS's own assumption of those roles, and storing the task as PROVISIONING for the
//! embedded agent (which takes it from there and writes lastStatus, containers and the stop fields).
import { randomBytes, randomUUID } from 'node:crypto'
import { taskId as newTaskId } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import type { ClusterRecord, ContainerInstanceRecord, ContainerRecord, TaskDefinitionRecord, TaskRecord } from '../../store/index.js'
import { containerArn, taskArn } from './arns.js'
import { collectionsOf, locationOf, taskKey } from './ecs-collections.js'
import { malformedNetworkId, networkConfigurationRequired, subnetsEmpty, unknownContainerOverride } from './errors.js'
import { mergeTags, taskDefinitionTags, type EcsTag } from './tags.js'
import { checkEcsCanAssume, passRole } from './task-roles.js'
import { resolveRoleArn } from './validate-task-definition.js'

export interface TaskOverrides {
  containerOverrides?: Array<{ name?: string; [other: string]: unknown }>
  cpu?: string
  memory?: string
  taskRoleArn?: string
  executionRoleArn?: string
  [other: string]: unknown
}

export interface LaunchInput {
  overrides?: TaskOverrides
  networkConfiguration?: { awsvpcConfiguration?: { subnets: string[]; securityGroups?: string[]; assignPublicIp?: string } }
  group?: string
  startedBy?: string
  tags?: EcsTag[]
  propagateTags?: string
  enableExecuteCommand?: boolean
}

export interface Launch {
  cluster: ClusterRecord
  definition: TaskDefinitionRecord
  launchType: 'FARGATE' | 'EC2'
  platformVersion?: string
  input: LaunchInput
  /** Filled by prepareLaunch. */
  overrides: TaskRecord['overrides']
  taskRoleArn?: string
  executionRoleArn?: string
  tags: EcsTag[]
}

/** Checks everything that does not depend on where the task goes; throws ECS's error for the first problem. */
export function prepareLaunch(ctx: CallContext, launch: Omit<Launch, 'overrides' | 'taskRoleArn' | 'executionRoleArn' | 'tags'>): Launch {
  const { definition, input } = launch
  const names = definition.containerDefinitions.map((c) => c.name)
  const given = input.overrides?.containerOverrides ?? []
  for (const override of given) if (!override.name || !names.includes(override.name)) throw unknownContainerOverride(override.name ?? '')
  // ECS lists an override entry for every container, `{ name }` alone when none was given.
  const containerOverrides = names.map((name) => ({ ...given.find((o) => o.name === name), name }))
  const account = ctx.accountId
  const overrides: TaskRecord['overrides'] = {
    ...input.overrides,
    containerOverrides: containerOverrides as TaskRecord['overrides']['containerOverrides'],
    inferenceAcceleratorOverrides: [],
    taskRoleArn: resolveRoleArn(input.overrides?.taskRoleArn, account),
    executionRoleArn: resolveRoleArn(input.overrides?.executionRoleArn, account),
  }
  if (definition.networkMode === 'awsvpc') checkNetworkConfiguration(input)
  // PassRole for the definition's roles and for the overrides' (shared/research/iam.md §2).
  const roles = [definition.taskRoleArn, definition.executionRoleArn, overrides.taskRoleArn, overrides.executionRoleArn]
  for (const roleArn of new Set(roles)) if (roleArn) passRole(ctx, roleArn)
  const c = collectionsOf(ctx)
  const inherited = input.propagateTags === 'TASK_DEFINITION' ? taskDefinitionTags(c, definition).tags : []
  return {
    ...launch,
    overrides,
    taskRoleArn: overrides.taskRoleArn ?? definition.taskRoleArn,
    executionRoleArn: overrides.executionRoleArn ?? definition.executionRoleArn,
    tags: mergeTags(inherited, input.tags),
  }
}

function checkNetworkConfiguration(input: LaunchInput): void {
  const vpc = input.networkConfiguration?.awsvpcConfiguration
  if (!vpc) throw networkConfigurationRequired()
  if (vpc.subnets.length === 0) throw subnetsEmpty()
  for (const subnet of vpc.subnets) if (!/^subnet-[0-9a-f]{8,17}$/.test(subnet)) throw malformedNetworkId('subnet', subnet)
  for (const group of vpc.securityGroups ?? []) if (!/^sg-[0-9a-f]{8,17}$/.test(group)) throw malformedNetworkId('security group', group)
}

/**
 * Stores one task as PROVISIONING after ECS has assumed its roles (with the task's ARN as aws:SourceArn) and
 * wakes the agent once the call commits. Throws before storing anything if a role cannot be assumed.
 */
export function createTask(ctx: CallContext, launch: Launch, instance: ContainerInstanceRecord | undefined, wake: (taskArn: string) => void): TaskRecord {
  const at = locationOf(ctx)
  const { cluster, definition } = launch
  const id = newTaskId()
  const arn = taskArn(at, cluster.clusterName, id)
  for (const roleArn of new Set([launch.taskRoleArn, launch.executionRoleArn])) if (roleArn) checkEcsCanAssume(ctx, roleArn, arn)

  const now = ctx.now.toISOString()
  const containers: ContainerRecord[] = definition.containerDefinitions.map((container) => ({
    containerArn: containerArn(at, cluster.clusterName, id, randomUUID()),
    taskArn: arn,
    name: container.name,
    image: container.image,
    lastStatus: 'PENDING',
    networkBindings: [],
    healthStatus: 'UNKNOWN',
    cpu: String(container.cpu ?? 0),
    memory: container.memory !== undefined ? String(container.memory) : undefined,
  }))
  const fargate = launch.launchType === 'FARGATE'
  const zone = instance?.attributes.find((a) => a.name === 'ecs.availability-zone')?.value ?? `${at.region}a`
  const task: TaskRecord = {
    taskArn: arn,
    taskId: id,
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    accountId: at.account,
    region: at.region,
    taskDefinitionArn: definition.taskDefinitionArn,
    launchType: launch.launchType,
    containerInstanceArn: instance?.containerInstanceArn,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    createdAt: now,
    connectivity: 'CONNECTED',
    connectivityAt: now,
    startedBy: launch.input.startedBy,
    group: launch.input.group ?? `family:${definition.family}`,
    cpu: (launch.overrides.cpu as string | undefined) ?? definition.cpu,
    memory: (launch.overrides.memory as string | undefined) ?? definition.memory,
    overrides: launch.overrides,
    taskRoleArn: launch.taskRoleArn,
    executionRoleArn: launch.executionRoleArn,
    networkConfiguration: launch.input.networkConfiguration,
    attachments: definition.networkMode === 'awsvpc' ? [eniAttachment(at.region, launch.input)] : [],
    tags: launch.tags,
    containers,
    version: 1,
    availabilityZone: zone,
    platformVersion: fargate ? launch.platformVersion : undefined,
    platformFamily: fargate ? 'Linux' : undefined,
    enableExecuteCommand: launch.input.enableExecuteCommand ?? false,
  }
  const c = collectionsOf(ctx)
  c.tasks.put(c.scope, taskKey(cluster.clusterName, id), task)
  ctx.audit.resources.push({ ARN: arn, type: 'AWS::ECS::Task', name: arn })
  ctx.afterCommit(() => wake(arn))
  return task
}

/** The task's network interface as Fargate shows it: PRECREATED until the agent attaches it. */
function eniAttachment(region: string, input: LaunchInput): Record<string, unknown> {
  const subnet = input.networkConfiguration?.awsvpcConfiguration?.subnets[0] ?? ''
  const bytes = randomBytes(8)
  const ip = `10.0.${bytes[0]! % 256}.${(bytes[1]! % 254) + 1}`
  const mac = ['0e', ...[...bytes.subarray(2, 7)].map((b) => b.toString(16).padStart(2, '0'))].join(':')
  const dnsSuffix = region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`
  return {
    id: randomUUID(),
    type: 'ElasticNetworkInterface',
    status: 'PRECREATED',
    details: [
      { name: 'subnetId', value: subnet },
      { name: 'networkInterfaceId', value: `eni-${randomBytes(9).toString('hex').slice(0, 17)}` },
      { name: 'macAddress', value: mac },
      { name: 'privateDnsName', value: `ip-${ip.replaceAll('.', '-')}.${dnsSuffix}` },
      { name: 'privateIPv4Address', value: ip },
    ],
  }
}
