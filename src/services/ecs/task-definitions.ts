//! RegisterTaskDefinition (revisions per family), DescribeTaskDefinition, DeregisterTaskDefinition and
//! DeleteTaskDefinitions; records are stored exactly as DescribeTaskDefinition returns `taskDefinition`.
import type { CallContext } from '../../dispatch/index.js'
import { taskDefinitionKey, type ContainerDefinition, type TaskDefinitionRecord } from '../../store/index.js'
import { parseTaskDefinitionReference, taskDefinitionArn, type EcsLocation } from './arns.js'
import { collectionsOf, locationOf, type EcsCollections } from './ecs-collections.js'
import { invalidRevisionNumber, revisionMissing, taskDefinitionDoesNotExist, unableToDescribeTaskDefinition } from './errors.js'
import { callerArn, passRole } from './task-roles.js'
import { requiredAttributes } from './requires-attributes.js'
import { mergeTags, taskDefinitionTags, type EcsTag } from './tags.js'
import { isFargateSize } from './task-size.js'
import { validateTaskDefinition, type TaskDefinitionInput } from './validate-task-definition.js'

type RegisterInput = TaskDefinitionInput & { tags?: EcsTag[] }

export function registerTaskDefinition(input: RegisterInput, ctx: CallContext): { taskDefinition: TaskDefinitionRecord; tags?: EcsTag[] } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const size = validateTaskDefinition(input, at.account)
  const tags = mergeTags([], input.tags)
  // ECS checks iam:PassRole for both roles when they are registered (shared/research/iam.md §2).
  for (const roleArn of new Set([size.taskRoleArn, size.executionRoleArn])) if (roleArn) passRole(ctx, roleArn)

  const { tags: _tags, ...fields } = input
  const family = c.families.get(c.scope, input.family)
  const revision = (family?.lastRevision ?? 0) + 1
  const networkMode = input.networkMode
  const containerDefinitions = input.containerDefinitions.map((container) => withDefaults(container, networkMode ?? 'bridge'))
  const fargateCapable = networkMode === 'awsvpc' && size.cpu !== undefined && size.memory !== undefined && isFargateSize(size.cpu, size.memory)
  const record: TaskDefinitionRecord = {
    ...fields,
    taskDefinitionArn: taskDefinitionArn(at, input.family, revision),
    containerDefinitions,
    family: input.family,
    taskRoleArn: size.taskRoleArn,
    executionRoleArn: size.executionRoleArn,
    networkMode,
    revision,
    volumes: (input.volumes as unknown[] | undefined) ?? [],
    status: 'ACTIVE',
    requiresAttributes: requiredAttributes({ ...size, networkMode, containerDefinitions }),
    placementConstraints: (input.placementConstraints as unknown[] | undefined) ?? [],
    compatibilities: fargateCapable ? ['EC2', 'FARGATE'] : ['EC2'],
    requiresCompatibilities: input.requiresCompatibilities,
    cpu: size.cpu === undefined ? undefined : String(size.cpu),
    memory: size.memory === undefined ? undefined : String(size.memory),
    registeredAt: ctx.now.toISOString(),
    registeredBy: callerArn(ctx),
  }
  c.taskDefinitions.put(c.scope, taskDefinitionKey(input.family, revision), record)
  c.families.put(c.scope, input.family, { family: input.family, lastRevision: revision })
  if (tags.length) taskDefinitionTags(c, record).save(tags)
  ctx.audit.resources.push({ ARN: record.taskDefinitionArn, type: 'AWS::ECS::TaskDefinition', name: record.taskDefinitionArn })
  return { taskDefinition: record, tags: tags.length ? tags : undefined }
}

/** What ECS fills in on registration: cpu 0, essential true, tcp port mappings with their host port. */
function withDefaults(container: ContainerDefinition, networkMode: string): ContainerDefinition {
  const sameHostPort = networkMode === 'awsvpc' || networkMode === 'host'
  return {
    ...container,
    cpu: container.cpu ?? 0,
    portMappings: (container.portMappings ?? []).map((mapping) => ({
      ...mapping,
      containerPort: mapping.containerPort,
      hostPort: mapping.hostPort ?? (sameHostPort ? mapping.containerPort : 0),
      protocol: mapping.protocol ?? 'tcp',
    })),
    essential: container.essential ?? true,
    environment: container.environment ?? [],
    mountPoints: (container.mountPoints as unknown[] | undefined) ?? [],
    volumesFrom: (container.volumesFrom as unknown[] | undefined) ?? [],
  }
}

/** A revision by `family:revision` / ARN, or the latest ACTIVE one for a bare family; undefined when none. */
export function findTaskDefinition(c: EcsCollections, at: EcsLocation, reference: string): TaskDefinitionRecord | undefined {
  const ref = parseTaskDefinitionReference(at, reference)
  if (!ref) return undefined
  if (ref.badRevision !== undefined) throw invalidRevisionNumber(ref.badRevision)
  if (ref.revision !== undefined) {
    const record = c.taskDefinitions.get(c.scope, taskDefinitionKey(ref.family, ref.revision))
    return record?.status === 'DELETE_IN_PROGRESS' ? undefined : record
  }
  return latestActive(c, ref.family)
}

function latestActive(c: EcsCollections, family: string): TaskDefinitionRecord | undefined {
  const revisions = c.taskDefinitions.list(c.scope, { prefix: `${family}:` })
  for (let i = revisions.length - 1; i >= 0; i--) if (revisions[i]!.status === 'ACTIVE') return revisions[i]
  return undefined
}

export function describeTaskDefinition(
  input: { taskDefinition: string; include?: string[] },
  ctx: CallContext,
): { taskDefinition: TaskDefinitionRecord; tags?: EcsTag[] } {
  const c = collectionsOf(ctx)
  const record = findTaskDefinition(c, locationOf(ctx), input.taskDefinition)
  if (!record) throw unableToDescribeTaskDefinition()
  const tags = input.include?.includes('TAGS') ? taskDefinitionTags(c, record).tags : undefined
  return { taskDefinition: record, tags }
}

export function deregisterTaskDefinition(input: { taskDefinition: string }, ctx: CallContext): { taskDefinition: TaskDefinitionRecord } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const ref = parseTaskDefinitionReference(at, input.taskDefinition)
  if (ref?.badRevision !== undefined) throw invalidRevisionNumber(ref.badRevision)
  if (ref && ref.revision === undefined) throw revisionMissing()
  const key = ref ? taskDefinitionKey(ref.family, ref.revision!) : ''
  const record = ref ? c.taskDefinitions.get(c.scope, key) : undefined
  if (!record || record.status === 'DELETE_IN_PROGRESS') throw taskDefinitionDoesNotExist()
  const updated: TaskDefinitionRecord =
    record.status === 'ACTIVE' ? { ...record, status: 'INACTIVE', deregisteredAt: ctx.now.toISOString() } : record
  c.taskDefinitions.put(c.scope, key, updated)
  ctx.audit.resources.push({ ARN: record.taskDefinitionArn, type: 'AWS::ECS::TaskDefinition', name: record.taskDefinitionArn })
  return { taskDefinition: updated }
}

const STILL_ACTIVE = 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.'

/** Only INACTIVE revisions can be deleted; they go to DELETE_IN_PROGRESS (API Reference, DeleteTaskDefinitions). */
export function deleteTaskDefinitions(
  input: { taskDefinitions: string[] },
  ctx: CallContext,
): { taskDefinitions: TaskDefinitionRecord[]; failures: Array<{ arn: string; reason: string }> } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const deleted: TaskDefinitionRecord[] = []
  const failures: Array<{ arn: string; reason: string }> = []
  for (const reference of input.taskDefinitions) {
    const ref = parseTaskDefinitionReference(at, reference)
    const record = ref?.revision ? c.taskDefinitions.get(c.scope, taskDefinitionKey(ref.family, ref.revision)) : undefined
    const arn = record?.taskDefinitionArn ?? (ref?.revision ? taskDefinitionArn(at, ref.family, ref.revision) : reference)
    if (!record) {
      failures.push({ arn, reason: 'The specified task definition does not exist.' })
    } else if (record.status === 'ACTIVE') {
      failures.push({ arn, reason: STILL_ACTIVE })
    } else {
      const updated: TaskDefinitionRecord = { ...record, status: 'DELETE_IN_PROGRESS', deleteRequestedAt: record.deleteRequestedAt ?? ctx.now.toISOString() }
      c.taskDefinitions.put(c.scope, taskDefinitionKey(record.family, record.revision), updated)
      ctx.audit.resources.push({ ARN: record.taskDefinitionArn, type: 'AWS::ECS::TaskDefinition', name: record.taskDefinitionArn })
      deleted.push(updated)
    }
  }
  return { taskDefinitions: deleted, failures }
}
