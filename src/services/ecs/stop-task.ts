//! StopTask: desiredStatus STOPPED with stopCode UserInitiated and the caller's reason ("Task stopped by user"
//! when none, as real DescribeTasks outputs show); the embedded agent stops the processes and sets lastStatus.
import type { CallContext } from '../../dispatch/index.js'
import type { TaskRecord } from '../../store/index.js'
import { parseChildReference } from './arns.js'
import { requireCluster } from './clusters.js'
import { collectionsOf, locationOf, taskKey } from './ecs-collections.js'
import { invalidTaskIdentifier, taskNotFound } from './errors.js'
import { renderTask } from './render-task.js'

/** A task of a cluster by id or ARN; undefined when the cluster holds no such task. */
export function findTask(ctx: CallContext, clusterName: string, reference: string): TaskRecord | undefined {
  const c = collectionsOf(ctx)
  const ref = parseChildReference(locationOf(ctx), 'task', reference)
  if (!ref || (ref.clusterName && ref.clusterName !== clusterName)) return undefined
  return c.tasks.get(c.scope, taskKey(clusterName, ref.id))
}

export function stopTask(input: { cluster?: string; task: string; reason?: string }, ctx: CallContext, wake: (taskArn: string) => void): { task: Record<string, unknown> } {
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  if (input.task === '' || (!input.task.startsWith('arn:') && input.task.includes('/'))) throw invalidTaskIdentifier()
  const task = findTask(ctx, cluster.clusterName, input.task)
  if (!task) throw taskNotFound()
  ctx.audit.resources.push({ ARN: task.taskArn, type: 'AWS::ECS::Task', name: task.taskArn })
  // Stopping a task that is already stopping or stopped changes nothing.
  if (task.desiredStatus === 'STOPPED' || task.lastStatus === 'STOPPED') return { task: renderTask(task, false) }
  const stopped: TaskRecord = {
    ...task,
    desiredStatus: 'STOPPED',
    stopCode: 'UserInitiated',
    stoppedReason: input.reason ?? 'Task stopped by user',
    stoppingAt: ctx.now.toISOString(),
    version: task.version + 1,
  }
  c.tasks.put(c.scope, taskKey(task.clusterName, task.taskId), stopped)
  ctx.afterCommit(() => wake(task.taskArn))
  return { task: renderTask(stopped, false) }
}
