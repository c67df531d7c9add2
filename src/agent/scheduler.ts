//! Picks up tasks: on taskChanged (RunTask stored one as PROVISIONING, StopTask set desiredStatus STOPPED) and at
//! start-up (every task not yet STOPPED is resumed). One runner per task; one failing never blocks another.
import type { AgentTaskState, ContainerState } from './agent-records.js'
import type { MetadataSource } from './agent-server.js'
import type { MetadataView } from './metadata/metadata-v4.js'
import type { RunnerDeps } from './runner-deps.js'
import { TaskRunner } from './task-runner.js'

export class Scheduler implements MetadataSource {
  private readonly runners = new Map<string, TaskRunner>()
  private closed = false

  constructor(private readonly deps: Omit<RunnerDeps, 'finished'>) {}

  /** Resumes every unfinished task (after a restart, or tasks stored while taskrole was down). */
  resume(): void {
    for (const task of this.deps.tasks.unfinished()) this.ensure(task.taskArn)
  }

  taskChanged(taskArn: string): void {
    // Services call this after their transaction commits; act on a fresh stack, outside dispatch.
    setImmediate(() => this.ensure(taskArn))
  }

  private ensure(taskArn: string): void {
    if (this.closed) return
    let runner = this.runners.get(taskArn)
    if (!runner) {
      const task = this.deps.tasks.get(taskArn)
      if (!task || task.lastStatus === 'STOPPED') return
      runner = new TaskRunner({ ...this.deps, finished: (arn) => this.runners.delete(arn) }, taskArn)
      this.runners.set(taskArn, runner)
    }
    runner.wake()
  }

  /** Stops acting; containers keep running. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.runners.values()].map((runner) => runner.close()))
    this.runners.clear()
  }

  /** Kills every container and forgets every task (POST /_taskrole/reset). */
  async reset(): Promise<void> {
    this.closed = true
    for (const runner of this.runners.values()) runner.kill()
    await Promise.all([...this.runners.values()].map((runner) => runner.close()))
    this.runners.clear()
  }

  find(endpointId: string): { view: MetadataView; container: ContainerState } | undefined {
    for (const runner of this.runners.values()) {
      const container = runner.state?.containers.find((c) => c.endpointId === endpointId)
      if (!container) continue
      const task = this.deps.tasks.get(runner.taskArn)
      const definition = task && runner.definitionOf(task)
      if (!task || !definition) return undefined
      return { view: { task, definition, state: runner.state! }, container }
    }
    return undefined
  }

  isRunning(_state: AgentTaskState, container: ContainerState): boolean {
    return container.startedAt !== undefined && !container.exited
  }
}
