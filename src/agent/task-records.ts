//! Reading and updating ECS's TaskRecord (owned with services/ecs): each update is one short transaction that
//! re-reads the record, so a StopTask committed meanwhile is never overwritten.
import { randomUUID } from 'node:crypto'
import { ECS_COLLECTIONS, ecsScope, taskDefinitionKey, type Store, type TaskDefinitionRecord, type TaskRecord } from '../store/index.js'

export interface TaskLocation {
  region: string
  account: string
  clusterName: string
  taskId: string
  scope: string
  key: string
}

/** arn:aws:ecs:<region>:<account>:task/<cluster>/<task-id> */
export function locateTask(taskArn: string): TaskLocation | undefined {
  const match = /^arn:[^:]+:ecs:([^:]+):(\d{12}):task\/([^/]+)\/([^/]+)$/.exec(taskArn)
  if (!match) return undefined
  const [, region, account, clusterName, taskId] = match as unknown as [string, string, string, string, string]
  return { region, account, clusterName, taskId, scope: ecsScope(account, region), key: `${clusterName}/${taskId}` }
}

export class TaskRecords {
  constructor(private readonly store: Store) {}

  private get tasks() {
    return this.store.documents.collection<TaskRecord>(ECS_COLLECTIONS.tasks)
  }

  get(taskArn: string): TaskRecord | undefined {
    const where = locateTask(taskArn)
    return where ? this.tasks.get(where.scope, where.key) : undefined
  }

  /** Applies `change` to the current record and stores it (version + 1) unless it returns false (nothing changed). */
  update(taskArn: string, change: (task: TaskRecord) => void | boolean): TaskRecord | undefined {
    const where = locateTask(taskArn)
    if (!where) return undefined
    return this.store.transaction(() => {
      const task = this.tasks.get(where.scope, where.key)
      if (!task) return undefined
      if (change(task) === false) return task
      task.version = (task.version ?? 0) + 1
      this.tasks.put(where.scope, where.key, task)
      return task
    })
  }

  definition(task: TaskRecord): TaskDefinitionRecord | undefined {
    const match = /:task-definition\/(.+):(\d+)$/.exec(task.taskDefinitionArn)
    if (!match) return undefined
    return this.store.documents
      .collection<TaskDefinitionRecord>(ECS_COLLECTIONS.taskDefinitions)
      .get(ecsScope(task.accountId, task.region), taskDefinitionKey(match[1]!, Number(match[2])))
  }

  /** Every task the agent still has work on (not STOPPED), in every account and region. */
  unfinished(): TaskRecord[] {
    return this.tasks
      .scan()
      .map((row) => row.value)
      .filter((task) => task.lastStatus !== 'STOPPED')
  }
}

/** DescribeTasks lists every container from RunTask on; services/ecs creates them, this only fills gaps. */
export function addMissingContainers(task: TaskRecord, definition: TaskDefinitionRecord): false | void {
  const missing = definition.containerDefinitions.filter((def) => !task.containers.some((c) => c.name === def.name))
  if (missing.length === 0) return false
  for (const def of missing) {
    task.containers.push({
      containerArn: `arn:aws:ecs:${task.region}:${task.accountId}:container/${task.clusterName}/${task.taskId}/${randomUUID()}`,
      taskArn: task.taskArn,
      name: def.name,
      image: def.image,
      lastStatus: 'PENDING',
    })
  }
}
