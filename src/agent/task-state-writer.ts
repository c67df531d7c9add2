//! How a task runner persists: the agent's state of the task (not written again while unchanged: each write is a
//! commit) and, in the same commit, the ECS records that go with it.
import type { Store, TaskRecord } from '../store/index.js'
import type { AgentRecords, AgentTaskState } from './agent-records.js'
import type { TaskRecords } from './task-records.js'

export class TaskStateWriter {
  /** The state as last stored (JSON). */
  private saved: string | undefined
  private forgotten = false

  constructor(
    private readonly deps: { store: Store; tasks: TaskRecords; records: AgentRecords },
    private readonly taskArn: string,
  ) {}

  /** The state was read from the store (after a restart): it is stored as it is. */
  loaded(state: AgentTaskState): void {
    this.saved = JSON.stringify(state)
  }

  save(state: AgentTaskState): void {
    // Once forgotten, nothing of the task is written again (a late timer must not bring its state back).
    if (this.forgotten) return
    const json = JSON.stringify(state)
    if (json === this.saved) return
    this.deps.store.transaction(() => this.deps.records.tasks.put('', this.taskArn, state))
    this.saved = json
  }

  /** The agent's state and one container's record in the TaskRecord, in one commit. */
  saveWithContainer(state: AgentTaskState, name: string, change: (record: TaskRecord['containers'][number]) => void): void {
    this.commit(() => {
      this.save(state)
      this.deps.tasks.update(this.taskArn, (t) => {
        const record = t.containers.find((c) => c.name === name)
        if (!record) return false
        change(record)
      })
    })
  }

  /** The task is done with: its state goes, and stays gone. */
  forget(): void {
    this.forgotten = true
    this.deps.store.transaction(() => this.deps.records.tasks.delete('', this.taskArn))
  }

  /** Writes that belong together (the agent's state and the task record) in one commit. */
  commit<T>(writes: () => T): T {
    return this.deps.store.transaction(writes)
  }
}
