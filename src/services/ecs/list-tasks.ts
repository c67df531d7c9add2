//! ListTasks: desiredStatus RUNNING by default (which includes tasks still PROVISIONING or PENDING), and the
//! filters family, startedBy, containerInstance, launchType and serviceName; oldest first, paged.
import type { CallContext } from '../../dispatch/index.js'
import type { FieldCondition, TaskRecord } from '../../store/index.js'
import { requireCluster } from './clusters.js'
import { collectionsOf } from './ecs-collections.js'
import { familyMustMatch, serviceNotFound } from './errors.js'
import { findInstance } from './find-container-instance.js'
import { pageOf } from './page-token.js'

interface ListTasksInput {
  cluster?: string
  containerInstance?: string
  family?: string
  startedBy?: string
  serviceName?: string
  desiredStatus?: 'RUNNING' | 'PENDING' | 'STOPPED'
  launchType?: string
  nextToken?: string
  maxResults?: number
}

export function listTasks(input: ListTasksInput, ctx: CallContext): { taskArns: string[]; nextToken?: string } {
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  if (input.family !== undefined && !/^[a-zA-Z0-9_-]+$/.test(input.family)) throw familyMustMatch()
  // taskrole has no services yet, so no service name names one.
  if (input.serviceName !== undefined) throw serviceNotFound()
  const instanceArn = input.containerInstance !== undefined ? findInstance(ctx, cluster, input.containerInstance)?.containerInstanceArn ?? '' : undefined
  const wanted = input.desiredStatus ?? 'RUNNING'
  const tasks = c.tasks
    .list(c.scope, { prefix: `${cluster.clusterName}/`, where: storedStatus(wanted) })
    .filter((task) => statusMatches(task, wanted))
    .filter((task) => input.family === undefined || task.taskDefinitionArn.includes(`:task-definition/${input.family}:`))
    .filter((task) => input.startedBy === undefined || task.startedBy === input.startedBy)
    .filter((task) => instanceArn === undefined || task.containerInstanceArn === instanceArn)
    .filter((task) => input.launchType === undefined || task.launchType === input.launchType)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.taskId < b.taskId ? -1 : 1))
  const page = pageOf(tasks, (task) => task.taskArn, input)
  return { taskArns: page.items.map((task) => task.taskArn), nextToken: page.nextToken }
}

/**
 * What statusMatches asks, as far as the store can answer it without parsing the records: clusters keep their
 * stopped tasks, so most of a long-used cluster's records are dropped here. For RUNNING and PENDING, SQLite reads
 * only the index of tasks wanted RUNNING (migration 0005's, first made by 0003), whose expressions these conditions must keep matching.
 */
export function storedStatus(wanted: 'RUNNING' | 'PENDING' | 'STOPPED'): FieldCondition[] {
  if (wanted === 'STOPPED') return []
  return [
    ['$.lastStatus', '!=', 'STOPPED'],
    ['$.desiredStatus', '=', 'RUNNING'],
  ]
}

/**
 * A task the agent has stopped counts as desired STOPPED even if nothing asked it to stop (an essential
 * container exited); PENDING means wanted RUNNING but not running yet.
 */
function statusMatches(task: TaskRecord, wanted: 'RUNNING' | 'PENDING' | 'STOPPED'): boolean {
  const desired = task.lastStatus === 'STOPPED' ? 'STOPPED' : task.desiredStatus
  if (wanted === 'PENDING') return desired === 'RUNNING' && task.lastStatus !== 'RUNNING'
  return desired === wanted
}
