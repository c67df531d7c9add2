//! DescribeTasks from the stored records: unknown tasks are failures with reason MISSING (which the aws CLI's
//! tasks-running waiter treats as failure), tags only with include=TAGS.
import type { CallContext } from '../../dispatch/index.js'
import { taskArn } from './arns.js'
import { requireCluster } from './clusters.js'
import { locationOf } from './ecs-collections.js'
import { tasksCannotBeEmpty } from './errors.js'
import { renderTask } from './render-task.js'
import { findTask } from './stop-task.js'

export function describeTasks(
  input: { cluster?: string; tasks: string[]; include?: string[] },
  ctx: CallContext,
): { tasks: Array<Record<string, unknown>>; failures: Array<{ arn: string; reason: string }> } {
  const cluster = requireCluster(ctx, input.cluster)
  if (input.tasks.length === 0) throw tasksCannotBeEmpty()
  const withTags = input.include?.includes('TAGS') ?? false
  const tasks: Array<Record<string, unknown>> = []
  const failures: Array<{ arn: string; reason: string }> = []
  for (const reference of input.tasks) {
    const task = findTask(ctx, cluster.clusterName, reference)
    if (task) tasks.push(renderTask(task, withTags))
    else failures.push({ arn: reference.startsWith('arn:') ? reference : taskArn(locationOf(ctx), cluster.clusterName, reference), reason: 'MISSING' })
  }
  return { tasks, failures }
}
