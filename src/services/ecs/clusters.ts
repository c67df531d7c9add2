//! Clusters: CreateCluster (idempotent for an ACTIVE name), DescribeClusters (failures MISSING), ListClusters,
//! DeleteCluster (refused while instances or tasks remain; the cluster stays describable as INACTIVE),
//! UpdateCluster and UpdateClusterSettings. Counts are computed from the tasks and instances stored now.
import type { CallContext } from '../../dispatch/index.js'
import type { ClusterRecord, TaskRecord } from '../../store/index.js'
import { clusterArn, clusterNameOf } from './arns.js'
import { collectionsOf, locationOf, type EcsCollections } from './ecs-collections.js'
import { clusterContainsContainerInstances, clusterContainsTasks, clusterNotFound, invalidClusterName } from './errors.js'
import { pageOf } from './page-token.js'
import { mergeTags, type EcsTag } from './tags.js'

type Setting = { name: string; value: string }

const DEFAULT_SETTINGS: Setting[] = [{ name: 'containerInsights', value: 'disabled' }]

/** The ACTIVE cluster a `cluster` parameter names ("default" when absent), or ClusterNotFoundException. */
export function requireCluster(ctx: CallContext, reference: string | undefined): ClusterRecord {
  const c = collectionsOf(ctx)
  const name = clusterNameOf(locationOf(ctx), reference)
  const cluster = name === undefined ? undefined : c.clusters.get(c.scope, name)
  if (!cluster || cluster.status !== 'ACTIVE') throw clusterNotFound()
  return cluster
}

/** What CreateCluster, DeleteCluster and the updates return; DescribeClusters returns these parts only when included. */
const EVERYTHING = ['TAGS', 'SETTINGS', 'CONFIGURATIONS']

export function renderCluster(c: EcsCollections, cluster: ClusterRecord, include: readonly string[] = EVERYTHING): Record<string, unknown> {
  const tasks = c.tasks.list(c.scope, { prefix: `${cluster.clusterName}/` }).filter((task) => task.lastStatus !== 'STOPPED')
  const instances = c.containerInstances
    .list(c.scope, { prefix: `${cluster.clusterName}/` })
    .filter((instance) => instance.status === 'ACTIVE' || instance.status === 'DRAINING')
  return {
    clusterArn: cluster.clusterArn,
    clusterName: cluster.clusterName,
    configuration: include.includes('CONFIGURATIONS') ? cluster.configuration : undefined,
    status: cluster.status,
    registeredContainerInstancesCount: instances.length,
    runningTasksCount: tasks.filter((task) => task.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((task) => task.lastStatus !== 'RUNNING').length,
    activeServicesCount: 0,
    statistics: include.includes('STATISTICS') ? statistics(tasks) : [],
    tags: include.includes('TAGS') ? cluster.tags : undefined,
    settings: include.includes('SETTINGS') ? cluster.settings : undefined,
    capacityProviders: cluster.capacityProviders ?? [],
    defaultCapacityProviderStrategy: cluster.defaultCapacityProviderStrategy ?? [],
  }
}

/** DescribeClusters include=STATISTICS: task counts by launch type (no services in taskrole yet). */
function statistics(tasks: TaskRecord[]): Array<{ name: string; value: string }> {
  const count = (launchType: string, running: boolean) =>
    String(tasks.filter((task) => task.launchType === launchType && (task.lastStatus === 'RUNNING') === running).length)
  return [
    { name: 'runningEC2TasksCount', value: count('EC2', true) },
    { name: 'runningFargateTasksCount', value: count('FARGATE', true) },
    { name: 'pendingEC2TasksCount', value: count('EC2', false) },
    { name: 'pendingFargateTasksCount', value: count('FARGATE', false) },
    { name: 'activeEC2ServiceCount', value: '0' },
    { name: 'activeFargateServiceCount', value: '0' },
    { name: 'drainingEC2ServiceCount', value: '0' },
    { name: 'drainingFargateServiceCount', value: '0' },
  ]
}

interface CreateClusterInput {
  clusterName?: string
  tags?: EcsTag[]
  settings?: Setting[]
  configuration?: unknown
  capacityProviders?: string[]
  defaultCapacityProviderStrategy?: unknown[]
}

export function createCluster(input: CreateClusterInput, ctx: CallContext): { cluster: Record<string, unknown> } {
  const c = collectionsOf(ctx)
  const name = input.clusterName ?? 'default'
  if (!/^[a-zA-Z0-9_-]{1,255}$/.test(name)) throw invalidClusterName()
  const existing = c.clusters.get(c.scope, name)
  const arn = clusterArn(locationOf(ctx), name)
  ctx.audit.resources.push({ ARN: arn, type: 'AWS::ECS::Cluster', name })
  // Creating an ACTIVE cluster again returns it unchanged, as ECS does.
  if (existing?.status === 'ACTIVE') return { cluster: renderCluster(c, existing) }
  const cluster: ClusterRecord = {
    clusterArn: arn,
    clusterName: name,
    status: 'ACTIVE',
    settings: mergeSettings(DEFAULT_SETTINGS, input.settings),
    tags: mergeTags([], input.tags),
    createdAt: ctx.now.toISOString(),
    configuration: input.configuration,
    capacityProviders: input.capacityProviders ?? [],
    defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
  }
  c.clusters.put(c.scope, name, cluster)
  return { cluster: renderCluster(c, cluster) }
}

export function describeClusters(
  input: { clusters?: string[]; include?: string[] },
  ctx: CallContext,
): { clusters: Array<Record<string, unknown>>; failures: Array<{ arn: string; reason: string }> } {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const clusters: Array<Record<string, unknown>> = []
  const failures: Array<{ arn: string; reason: string }> = []
  for (const reference of input.clusters?.length ? input.clusters : ['default']) {
    const name = clusterNameOf(at, reference)
    const cluster = name === undefined ? undefined : c.clusters.get(c.scope, name)
    if (cluster) clusters.push(renderCluster(c, cluster, input.include ?? []))
    else failures.push({ arn: name === undefined || reference.startsWith('arn:') ? reference : clusterArn(at, name), reason: 'MISSING' })
  }
  return { clusters, failures }
}

export function listClusters(input: { nextToken?: string; maxResults?: number }, ctx: CallContext): { clusterArns: string[]; nextToken?: string } {
  const c = collectionsOf(ctx)
  const active = c.clusters.list(c.scope).filter((cluster) => cluster.status === 'ACTIVE')
  const page = pageOf(active, (cluster) => cluster.clusterName, input)
  return { clusterArns: page.items.map((cluster) => cluster.clusterArn), nextToken: page.nextToken }
}

export function deleteCluster(input: { cluster: string }, ctx: CallContext): { cluster: Record<string, unknown> } {
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const prefix = `${cluster.clusterName}/`
  if (c.containerInstances.list(c.scope, { prefix }).some((i) => i.status === 'ACTIVE' || i.status === 'DRAINING')) {
    throw clusterContainsContainerInstances()
  }
  if (c.tasks.list(c.scope, { prefix }).some((task) => task.lastStatus !== 'STOPPED')) throw clusterContainsTasks()
  const deleted: ClusterRecord = { ...cluster, status: 'INACTIVE' }
  c.clusters.put(c.scope, cluster.clusterName, deleted)
  ctx.audit.resources.push({ ARN: cluster.clusterArn, type: 'AWS::ECS::Cluster', name: cluster.clusterName })
  return { cluster: renderCluster(c, deleted) }
}

export function updateClusterSettings(input: { cluster: string; settings?: Setting[]; configuration?: unknown }, ctx: CallContext): { cluster: Record<string, unknown> } {
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const updated: ClusterRecord = {
    ...cluster,
    settings: mergeSettings(cluster.settings, input.settings),
    configuration: input.configuration ?? cluster.configuration,
  }
  c.clusters.put(c.scope, cluster.clusterName, updated)
  ctx.audit.resources.push({ ARN: cluster.clusterArn, type: 'AWS::ECS::Cluster', name: cluster.clusterName })
  return { cluster: renderCluster(c, updated) }
}

function mergeSettings(existing: readonly Setting[], incoming: readonly Setting[] | undefined): Setting[] {
  const merged = existing.map((setting) => ({ ...setting }))
  for (const setting of incoming ?? []) {
    const index = merged.findIndex((s) => s.name === setting.name)
    if (index >= 0) merged[index] = { name: setting.name, value: setting.value }
    else merged.push({ name: setting.name, value: setting.value })
  }
  return merged
}
