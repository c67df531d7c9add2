//! Container instances (EC2 launch type): RegisterContainerInstance as an agent sends it (the instance identity
//! document is read, not checked against EC2), Describe/List (cluster query filters), Deregister, and
//! UpdateContainerInstancesState. The embedded agent serves every registered instance, so they are connected.
import { taskId as newInstanceId } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import type { ContainerInstanceRecord } from '../../store/index.js'
import { containerInstanceArn } from './arns.js'
import { requireCluster } from './clusters.js'
import { matchesClusterQuery, parseClusterQuery } from './cluster-query.js'
import { collectionsOf, containerInstanceKey, locationOf } from './ecs-collections.js'
import { containerInstanceNotFound, instanceHasRunningTasks, invalidInstanceIdentityDocument, invalidParameterValue } from './errors.js'
import { candidatesOf, remainingResources, usageOf, type InstanceUsage } from './instance-usage.js'
import { findInstance } from './find-container-instance.js'
import { pageOf } from './page-token.js'
import { checkAttributes, type EcsAttribute } from './attributes.js'
import { mergeTags, type EcsTag } from './tags.js'

type Resource = ContainerInstanceRecord['registeredResources'][number]

/** The agent's default reserved ports on Linux (amazon-ecs-agent config_unix.go), used when none are sent. */
const LINUX_RESERVED_PORTS = ['22', '2375', '2376', '51678', '51679']

export function renderContainerInstance(instance: ContainerInstanceRecord, usage: InstanceUsage, withTags: boolean): Record<string, unknown> {
  const tasks = usage.get(instance.containerInstanceArn) ?? []
  return {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
    version: instance.version,
    versionInfo: instance.versionInfo,
    remainingResources: remainingResources(instance, usage),
    registeredResources: instance.registeredResources,
    status: instance.status,
    agentConnected: instance.agentConnected,
    runningTasksCount: tasks.filter(({ task }) => task.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter(({ task }) => task.lastStatus !== 'RUNNING').length,
    attributes: instance.attributes.map(({ name, value }) => ({ name, value })),
    registeredAt: instance.registeredAt,
    attachments: [],
    tags: withTags ? instance.tags : undefined,
  }
}

interface RegisterInput {
  cluster?: string
  instanceIdentityDocument?: string
  totalResources?: Resource[]
  versionInfo?: unknown
  containerInstanceArn?: string
  attributes?: EcsAttribute[]
  tags?: EcsTag[]
}

export function registerContainerInstance(input: RegisterInput, ctx: CallContext): { containerInstance: Record<string, unknown> } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const identity = readIdentityDocument(input.instanceIdentityDocument)
  const existing = input.containerInstanceArn
    ? (findInstance(ctx, cluster, input.containerInstanceArn) ?? fail(containerInstanceNotFound()))
    : c.containerInstances
        .list(c.scope, { prefix: `${cluster.clusterName}/` })
        .find((i) => i.status === 'ACTIVE' && identity.instanceId !== undefined && i.ec2InstanceId === identity.instanceId)
  checkAttributes(input.attributes ?? [])
  const id = existing?.containerInstanceId ?? newInstanceId()
  const registeredResources = normalizeResources(input.totalResources ?? existing?.registeredResources)
  const instance: ContainerInstanceRecord = {
    containerInstanceArn: containerInstanceArn(at, cluster.clusterName, id),
    containerInstanceId: id,
    clusterArn: cluster.clusterArn,
    ec2InstanceId: identity.instanceId ?? existing?.ec2InstanceId,
    status: 'ACTIVE',
    agentConnected: true,
    attributes: withDerivedAttributes(input.attributes ?? existing?.attributes ?? [], identity),
    registeredResources,
    remainingResources: registeredResources,
    versionInfo: input.versionInfo ?? existing?.versionInfo,
    registeredAt: existing?.registeredAt ?? ctx.now.toISOString(),
    runningTasksCount: 0,
    pendingTasksCount: 0,
    tags: mergeTags(existing?.tags ?? [], input.tags),
    version: (existing?.version ?? 0) + 1,
  }
  c.containerInstances.put(c.scope, containerInstanceKey(cluster.clusterName, id), instance)
  ctx.audit.resources.push({ ARN: instance.containerInstanceArn, type: 'AWS::ECS::ContainerInstance', name: instance.containerInstanceArn })
  return { containerInstance: renderContainerInstance(instance, usageOf(c, at, cluster.clusterName), true) }
}

function fail(error: Error): never {
  throw error
}

interface IdentityDocument {
  instanceId?: string
  availabilityZone?: string
  instanceType?: string
  imageId?: string
}

function readIdentityDocument(text: string | undefined): IdentityDocument {
  if (text === undefined || text === '') return {}
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>
    const field = (name: string) => (typeof parsed[name] === 'string' ? (parsed[name] as string) : undefined)
    return { instanceId: field('instanceId'), availabilityZone: field('availabilityZone'), instanceType: field('instanceType'), imageId: field('imageId') }
  } catch {
    throw invalidInstanceIdentityDocument()
  }
}

/** ECS adds ecs.ami-id, ecs.availability-zone and ecs.instance-type from the instance's own description. */
function withDerivedAttributes(attributes: EcsAttribute[], identity: IdentityDocument): ContainerInstanceRecord['attributes'] {
  const result = attributes.map(({ name, value }) => (value === undefined ? { name } : { name, value }))
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined && !result.some((a) => a.name === name)) result.push({ name, value })
  }
  add('ecs.ami-id', identity.imageId)
  add('ecs.availability-zone', identity.availabilityZone)
  add('ecs.instance-type', identity.instanceType)
  return result
}

function normalizeResources(resources: Resource[] | undefined): Resource[] {
  const list = (resources ?? []).map((r) => ({ ...r, type: r.type ?? (r.stringSetValue ? 'STRINGSET' : 'INTEGER') }))
  const ensure = (resource: Resource) => {
    if (!list.some((r) => r.name === resource.name)) list.push(resource)
  }
  // AWS-style defaults for a registration without totalResources (a real agent always sends them).
  ensure({ name: 'CPU', type: 'INTEGER', integerValue: 2048 })
  ensure({ name: 'MEMORY', type: 'INTEGER', integerValue: 4096 })
  ensure({ name: 'PORTS', type: 'STRINGSET', stringSetValue: LINUX_RESERVED_PORTS })
  ensure({ name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: [] })
  return list
}

export function describeContainerInstances(
  input: { cluster?: string; containerInstances: string[]; include?: string[] },
  ctx: CallContext,
): { containerInstances: Array<Record<string, unknown>>; failures: Array<{ arn: string; reason: string }> } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const usage = usageOf(c, at, cluster.clusterName)
  const withTags = input.include?.includes('TAGS') ?? false
  const found: Array<Record<string, unknown>> = []
  const failures: Array<{ arn: string; reason: string }> = []
  for (const reference of input.containerInstances) {
    const instance = findInstance(ctx, cluster, reference)
    if (instance) found.push(renderContainerInstance(instance, usage, withTags))
    else failures.push({ arn: reference.startsWith('arn:') ? reference : containerInstanceArn(at, cluster.clusterName, reference), reason: 'MISSING' })
  }
  return { containerInstances: found, failures }
}

export function listContainerInstances(
  input: { cluster?: string; filter?: string; status?: string; nextToken?: string; maxResults?: number },
  ctx: CallContext,
): { containerInstanceArns: string[]; nextToken?: string } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const query = input.filter !== undefined ? parseClusterQuery(input.filter) : undefined
  const instances = c.containerInstances
    .list(c.scope, { prefix: `${cluster.clusterName}/` })
    .filter((i) => (input.status ? i.status === input.status : i.status !== 'INACTIVE'))
  const candidates = candidatesOf(instances, usageOf(c, at, cluster.clusterName))
  const matching = instances.filter((_, index) => {
    const candidate = candidates[index]!
    return !query || matchesClusterQuery(query, { ...candidate, runningTasksCount: candidate.taskCount })
  })
  const page = pageOf(matching, (i) => i.containerInstanceId, input)
  return { containerInstanceArns: page.items.map((i) => i.containerInstanceArn), nextToken: page.nextToken }
}

export function deregisterContainerInstance(
  input: { cluster?: string; containerInstance: string; force?: boolean },
  ctx: CallContext,
): { containerInstance: Record<string, unknown> } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const instance = findInstance(ctx, cluster, input.containerInstance)
  if (!instance || instance.status === 'INACTIVE') throw containerInstanceNotFound()
  const usage = usageOf(c, at, cluster.clusterName)
  // With force, the tasks there keep running, orphaned (API Reference, DeregisterContainerInstance).
  if ((usage.get(instance.containerInstanceArn)?.length ?? 0) > 0 && !input.force) throw instanceHasRunningTasks()
  const updated: ContainerInstanceRecord = { ...instance, status: 'INACTIVE', agentConnected: false, version: instance.version + 1 }
  c.containerInstances.put(c.scope, containerInstanceKey(cluster.clusterName, instance.containerInstanceId), updated)
  ctx.audit.resources.push({ ARN: instance.containerInstanceArn, type: 'AWS::ECS::ContainerInstance', name: instance.containerInstanceArn })
  return { containerInstance: renderContainerInstance(updated, usage, false) }
}

/** ACTIVE <-> DRAINING; draining instances take no new tasks. */
export function updateContainerInstancesState(
  input: { cluster?: string; containerInstances: string[]; status: string },
  ctx: CallContext,
): { containerInstances: Array<Record<string, unknown>>; failures: Array<{ arn: string; reason: string }> } {
  if (input.status !== 'ACTIVE' && input.status !== 'DRAINING') throw invalidParameterValue('status', input.status)
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const usage = usageOf(c, at, cluster.clusterName)
  const updated: Array<Record<string, unknown>> = []
  const failures: Array<{ arn: string; reason: string }> = []
  for (const reference of input.containerInstances) {
    const instance = findInstance(ctx, cluster, reference)
    if (!instance || instance.status === 'INACTIVE') {
      failures.push({ arn: reference.startsWith('arn:') ? reference : containerInstanceArn(at, cluster.clusterName, reference), reason: 'MISSING' })
      continue
    }
    const status = input.status as ContainerInstanceRecord['status']
    const next: ContainerInstanceRecord = { ...instance, status, version: instance.version + (instance.status === status ? 0 : 1) }
    c.containerInstances.put(c.scope, containerInstanceKey(cluster.clusterName, instance.containerInstanceId), next)
    updated.push(renderContainerInstance(next, usage, false))
  }
  return { containerInstances: updated, failures }
}
