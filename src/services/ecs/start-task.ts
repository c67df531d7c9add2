//! StartTask: the caller picks the container instances (up to 10), one task on each; placement constraints do
//! not apply, but resources and required attributes do, and an unknown or deregistered instance is a failure
//! (MISSING / INACTIVE, research/ecs-agent.md §5.3), not an error.
import type { CallContext } from '../../dispatch/index.js'
import { containerInstanceArn } from './arns.js'
import { requireCluster } from './clusters.js'
import { collectionsOf, locationOf } from './ecs-collections.js'
import { countOutOfRange, launchTypeNotSupported } from './errors.js'
import { findInstance } from './find-container-instance.js'
import { candidatesOf, usageOf } from './instance-usage.js'
import { needsOf, placeOnInstance } from './placement.js'
import { renderTask } from './render-task.js'
import { runnableTaskDefinition, type RunTaskOutput } from './run-task.js'
import { createTask, prepareLaunch, type LaunchInput } from './task-launch.js'

export interface StartTaskInput extends LaunchInput {
  cluster?: string
  taskDefinition: string
  containerInstances: string[]
}

export function startTask(input: StartTaskInput, ctx: CallContext, wake: (taskArn: string) => void): RunTaskOutput {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const definition = runnableTaskDefinition(ctx, input.taskDefinition)
  if (input.containerInstances.length === 0 || input.containerInstances.length > 10) throw countOutOfRange('containerInstances')
  if (!definition.compatibilities.includes('EC2')) throw launchTypeNotSupported('EC2')
  const launch = prepareLaunch(ctx, { cluster, definition, launchType: 'EC2', input })
  const usage = usageOf(c, at, cluster.clusterName)
  const needs = needsOf(definition, launch.overrides)
  const tasks: Array<Record<string, unknown>> = []
  const failures: Array<{ arn: string; reason: string }> = []
  for (const reference of input.containerInstances) {
    const instance = findInstance(ctx, cluster, reference)
    if (!instance) {
      failures.push({ arn: reference.startsWith('arn:') ? reference : containerInstanceArn(at, cluster.clusterName, reference), reason: 'MISSING' })
      continue
    }
    // Tasks already started by this call count against the instance too.
    const [candidate] = candidatesOf([instance], usage)
    const reason = placeOnInstance(candidate!, {
      needs,
      requiresAttributes: definition.requiresAttributes,
      memberOf: [],
      distinctInstance: false,
      group: input.group ?? `family:${definition.family}`,
      count: 1,
    })
    if (reason) {
      failures.push({ arn: instance.containerInstanceArn, reason })
      continue
    }
    const task = createTask(ctx, launch, instance, wake)
    const list = usage.get(instance.containerInstanceArn) ?? []
    list.push({ task, needs })
    usage.set(instance.containerInstanceArn, list)
    tasks.push(renderTask(task, false))
  }
  return { tasks, failures }
}
