//! RunTask: FARGATE tasks run on the embedded agent's own capacity; EC2 tasks are placed on registered container
//! instances at once, so placement failures come back in failures[] (HTTP 200) as ECS reports them.
import type { CallContext } from '../../dispatch/index.js'
import type { ClusterRecord, TaskDefinitionRecord } from '../../store/index.js'
import { requireCluster } from './clusters.js'
import { parseClusterQuery, type ClusterQuery } from './cluster-query.js'
import { collectionsOf, locationOf } from './ecs-collections.js'
import {
  countOutOfRange,
  launchTypeNotSupported,
  launchTypeWithCapacityProviders,
  noContainerInstances,
  platformVersionNotFound,
  taskDefinitionInactive,
  taskDefinitionNotFound,
  unknownCapacityProvider,
  unsupportedLaunchType,
} from './errors.js'
import { candidatesOf, usageOf } from './instance-usage.js'
import { needsOf, placeTasks } from './placement.js'
import { renderTask } from './render-task.js'
import { createTask, prepareLaunch, type LaunchInput } from './task-launch.js'
import { findTaskDefinition } from './task-definitions.js'

export interface RunTaskInput extends LaunchInput {
  cluster?: string
  taskDefinition: string
  count?: number
  launchType?: string
  capacityProviderStrategy?: Array<{ capacityProvider: string; weight?: number; base?: number }>
  placementConstraints?: Array<{ type?: string; expression?: string }>
  placementStrategy?: Array<{ type?: string; field?: string }>
  platformVersion?: string
}

export interface RunTaskOutput {
  tasks: Array<Record<string, unknown>>
  failures: Array<{ arn: string; reason: string }>
}

/** The ACTIVE revision RunTask and StartTask name ("TaskDefinition not found." / "TaskDefinition is inactive"). */
export function runnableTaskDefinition(ctx: CallContext, reference: string): TaskDefinitionRecord {
  const definition = findTaskDefinition(collectionsOf(ctx), locationOf(ctx), reference)
  if (!definition) throw taskDefinitionNotFound()
  if (definition.status !== 'ACTIVE') throw taskDefinitionInactive()
  return definition
}

export function runTask(input: RunTaskInput, ctx: CallContext, wake: (taskArn: string) => void): RunTaskOutput {
  const cluster = requireCluster(ctx, input.cluster)
  const definition = runnableTaskDefinition(ctx, input.taskDefinition)
  const count = input.count ?? 1
  if (count < 1 || count > 10) throw countOutOfRange('count')
  const launchType = launchTypeOf(ctx, input, cluster, definition)
  if (!definition.compatibilities.includes(launchType)) throw launchTypeNotSupported(launchType)
  let platformVersion: string | undefined
  if (launchType === 'FARGATE') {
    // LATEST resolves to 1.4.0, the current Linux platform version.
    platformVersion = input.platformVersion === undefined || input.platformVersion === 'LATEST' ? '1.4.0' : input.platformVersion
    if (!['1.4.0', '1.3.0'].includes(platformVersion)) throw platformVersionNotFound()
  }
  const memberOf = memberOfQueries(definition, input.placementConstraints)
  const launch = prepareLaunch(ctx, { cluster, definition, launchType, platformVersion, input })

  if (launchType === 'FARGATE') {
    const tasks = Array.from({ length: count }, () => renderTask(createTask(ctx, launch, undefined, wake), false))
    return { tasks, failures: [] }
  }

  const c = collectionsOf(ctx)
  const instances = c.containerInstances.list(c.scope, { prefix: `${cluster.clusterName}/` }).filter((i) => i.status !== 'INACTIVE')
  if (!instances.some((i) => i.status === 'ACTIVE')) throw noContainerInstances()
  const usage = usageOf(c, locationOf(ctx), cluster.clusterName)
  const result = placeTasks(candidatesOf(instances, usage), {
    needs: needsOf(definition, launch.overrides),
    requiresAttributes: definition.requiresAttributes,
    memberOf,
    distinctInstance: (input.placementConstraints ?? []).some((constraint) => constraint.type === 'distinctInstance'),
    group: input.group ?? `family:${definition.family}`,
    count,
    strategy: input.placementStrategy,
  })
  const tasks = result.placements.map((arn) => {
    const instance = instances.find((i) => i.containerInstanceArn === arn)!
    return renderTask(createTask(ctx, launch, instance, wake), false)
  })
  return { tasks, failures: result.failures }
}

/**
 * A launch type, a capacity provider strategy (FARGATE / FARGATE_SPOT), or neither: then the cluster's default
 * strategy, else EC2 where the cluster has container instances and, as taskrole's own default, FARGATE where it
 * has none (AWS would answer "No Container Instances were found in your cluster.").
 */
function launchTypeOf(ctx: CallContext, input: RunTaskInput, cluster: ClusterRecord, definition: TaskDefinitionRecord): 'FARGATE' | 'EC2' {
  if (input.launchType && input.capacityProviderStrategy?.length) throw launchTypeWithCapacityProviders()
  if (input.launchType) {
    if (input.launchType !== 'FARGATE' && input.launchType !== 'EC2') throw unsupportedLaunchType(input.launchType)
    return input.launchType
  }
  const strategy = input.capacityProviderStrategy?.length
    ? input.capacityProviderStrategy
    : ((cluster.defaultCapacityProviderStrategy ?? []) as Array<{ capacityProvider: string }>)
  if (strategy.length) {
    for (const item of strategy) if (item.capacityProvider !== 'FARGATE' && item.capacityProvider !== 'FARGATE_SPOT') throw unknownCapacityProvider(item.capacityProvider)
    return 'FARGATE'
  }
  const c = collectionsOf(ctx)
  const hasInstances = c.containerInstances.list(c.scope, { prefix: `${cluster.clusterName}/` }).some((i) => i.status === 'ACTIVE')
  if (hasInstances || !definition.compatibilities.includes('FARGATE')) return 'EC2'
  return 'FARGATE'
}

/** memberOf expressions of the task definition and of the call (parse errors are InvalidParameterException). */
export function memberOfQueries(definition: TaskDefinitionRecord, constraints: RunTaskInput['placementConstraints']): ClusterQuery[] {
  const all = [...((definition.placementConstraints ?? []) as Array<{ type?: string; expression?: string }>), ...(constraints ?? [])]
  return all.filter((constraint) => constraint.type === 'memberOf' && constraint.expression).map((constraint) => parseClusterQuery(constraint.expression!))
}
