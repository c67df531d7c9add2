//! Task and container statuses as ECS reports them, and the only direction they move: forward
//! (ecs-agent api/task/status/taskstatus.go; "Amazon ECS task lifecycle" in the developer guide).
import type { TaskRecord, TaskStatus } from '../store/index.js'

const ORDER: Record<TaskStatus, number> = {
  PROVISIONING: 0,
  PENDING: 1,
  ACTIVATING: 2,
  RUNNING: 3,
  DEACTIVATING: 4,
  STOPPING: 5,
  DEPROVISIONING: 6,
  STOPPED: 7,
}

export function statusRank(status: string): number {
  return ORDER[status as TaskStatus] ?? -1
}

/** Moves the task's lastStatus forward to `to` and stamps the times ECS stamps; false if it is already there. */
export function advanceTask(task: TaskRecord, to: TaskStatus, now: Date): boolean {
  if (statusRank(to) <= statusRank(task.lastStatus)) return false
  const at = now.toISOString()
  task.lastStatus = to
  if (to === 'PENDING' || (statusRank(to) >= ORDER.PENDING && !task.connectivityAt)) {
    task.connectivity = 'CONNECTED'
    task.connectivityAt ??= at
  }
  // Fargate's task ENI: PRECREATED while provisioning, ATTACHED from PENDING on, DELETED once stopped.
  if (statusRank(to) >= ORDER.PENDING) setAttachmentStatus(task, to === 'STOPPED' ? 'DELETED' : 'ATTACHED')
  if (to === 'RUNNING') task.startedAt ??= at
  if (statusRank(to) >= ORDER.DEACTIVATING) task.stoppingAt ??= at
  if (to === 'STOPPED') {
    task.executionStoppedAt ??= at
    task.stoppedAt = at
    task.connectivity = 'DISCONNECTED'
    task.connectivityAt = at
    task.desiredStatus = 'STOPPED'
  }
  return true
}

/** ECS (StopTask, an essential exit, a failed start) wants the task stopped. */
export function stopRequested(task: TaskRecord): boolean {
  return task.desiredStatus === 'STOPPED'
}

/** Records why the task stops: the first reason wins (a StopTask reason is not replaced by a later exit). */
export function requestStop(task: TaskRecord, stopCode: NonNullable<TaskRecord['stopCode']>, reason: string, now: Date): void {
  if (!task.stopCode) {
    task.stopCode = stopCode
    task.stoppedReason = reason
  }
  task.desiredStatus = 'STOPPED'
  task.stoppingAt ??= now.toISOString()
}

/** The task fails before (some of) its containers ran: stopCode TaskFailedToStart with ECS's reason, and the
 *  containers' own reasons where given (a container's first reason stays). */
export function failedToStart(task: TaskRecord, reason: string, containerReasons: Record<string, string> | undefined, now: Date): void {
  requestStop(task, 'TaskFailedToStart', reason, now)
  for (const record of task.containers) {
    const why = containerReasons?.[record.name]
    if (why && record.reason === undefined) record.reason = why
  }
}

/** STOPPED, and so is every container of the task. */
export function stopWithContainers(task: TaskRecord, now: Date): void {
  for (const record of task.containers) record.lastStatus = 'STOPPED'
  advanceTask(task, 'STOPPED', now)
}

function setAttachmentStatus(task: TaskRecord, status: string): void {
  for (const attachment of task.attachments as Array<{ type?: string; status?: string }>) {
    if (attachment.type === 'ElasticNetworkInterface') attachment.status = status
  }
}
