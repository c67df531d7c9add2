//! One task's life on this agent, driven by events (task changed, container exited, stop timeout): run the steps,
//! start containers as their dependsOn allows, stop the task when ECS would, ship the last lines, then report
//! STOPPED. Every evaluation re-reads the TaskRecord, so resuming after a restart is the same code path. (One
//! state machine, kept in one file so its phases read together; how it persists is task-state-writer.ts.)
import type { Principal } from '../auth/index.js'
import type { ContainerDefinition, TaskDefinitionRecord, TaskRecord } from '../store/index.js'
import { logOffsetKey, type AgentTaskState, type ContainerState } from './agent-records.js'
import { recordExit, stillRunning } from './container-exit.js'
import { containerHandle, containerSpec, newContainerState } from './container-launch.js'
import { ExecutionPrincipal } from './credentials/execution-principal.js'
import { dependencyVerdict } from './dependency-conditions.js'
import { taskVerdict } from './task-verdict.js'
import { ContainerStartError, type ContainerExit, type ContainerHandle } from './runtime/container-runtime.js'
import type { RunnerDeps } from './runner-deps.js'
import { runTaskSteps } from './steps/run-task-steps.js'
import { ESSENTIAL_CONTAINER_EXITED, TASK_STOPPED_BY_USER } from './stop-reasons.js'
import { advanceTask, failedToStart, requestStop, stopRequested, stopWithContainers } from './task-lifecycle.js'
import { addMissingContainers } from './task-records.js'
import { TaskStateWriter } from './task-state-writer.js'

/** ECS_CONTAINER_STOP_TIMEOUT's default: SIGKILL 30 s after SIGTERM unless the container sets stopTimeout. */
const DEFAULT_STOP_TIMEOUT_SECONDS = 30

type Phase = 'init' | 'steps' | 'running' | 'stopping' | 'done'

export class TaskRunner {
  state: AgentTaskState | undefined
  private phase: Phase = 'init'
  private chain: Promise<void> = Promise.resolve()
  private queued = false
  private closed = false
  private readonly handles = new Map<string, ContainerHandle>()
  private readonly killTimers = new Map<string, NodeJS.Timeout>()
  private readonly secrets = new Map<string, Record<string, string>>()
  private readonly principal: ExecutionPrincipal
  private readonly writer: TaskStateWriter
  /** Task definitions never change once registered (but for their status, which the agent does not read) and are
   *  never deleted (DeleteTaskDefinitions marks them DELETE_IN_PROGRESS): read once. */
  private definition: TaskDefinitionRecord | undefined
  /** This runner made the task RUNNING (no need to update the record again to know). */
  private runningWritten = false
  /** The last container's exit committed what the next stop() would have written (see exited). */
  private stopWritten = false

  constructor(
    private readonly deps: RunnerDeps,
    readonly taskArn: string,
  ) {
    this.writer = new TaskStateWriter(deps, taskArn)
    this.principal = new ExecutionPrincipal(deps.credentials, deps.lookupPrincipal)
  }

  /** Queues one evaluation (coalesced); evaluations never overlap. */
  wake(): void {
    if (this.queued || this.closed || this.phase === 'done') return
    this.queued = true
    this.chain = this.chain
      .then(() => {
        this.queued = false
        return this.evaluate()
      })
      .catch((error) => this.deps.log(`agent: task ${this.taskArn}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
  }

  /** Stops acting (taskrole is stopping): containers keep running, the next agent resumes them. */
  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.killTimers.values()) clearTimeout(timer)
    this.killTimers.clear()
    await this.chain
  }

  /** POST /_taskrole/reset: every process of the task is killed. */
  kill(): void {
    for (const handle of this.handles.values()) this.signal(handle, 'SIGKILL')
  }

  /** Signals a container's group only while its leader is provably ours (pid and start time match). */
  private signal(handle: ContainerHandle, signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.deps.runtime.isRunning(handle)) void this.deps.runtime.stop(handle, signal)
  }

  private async evaluate(): Promise<void> {
    if (this.closed || this.phase === 'done') return
    let task = this.deps.tasks.get(this.taskArn)
    const definition = task && this.definitionOf(task)
    if (task && !definition && task.lastStatus !== 'STOPPED') {
      // The definition was deleted under the task (DeleteTaskDefinitions): nothing can run.
      const now = this.deps.clock.now()
      this.deps.tasks.update(this.taskArn, (t) => {
        requestStop(t, 'TaskFailedToStart', `unable to find task definition ${t.taskDefinitionArn}`, now)
        stopWithContainers(t, now)
      })
    }
    if (!task || !definition || task.lastStatus === 'STOPPED') return this.forget()
    if (this.phase === 'init') {
      // Resuming (the agent's state of a new task) and PENDING: one commit, nothing is awaited between them.
      const resumed = task
      task = this.writer.commit(() => {
        this.phase = this.resume(resumed, definition)
        if (this.phase !== 'steps') return resumed
        return this.deps.tasks.update(this.taskArn, (t) => advanceTask(t, 'PENDING', this.deps.clock.now())) ?? resumed
      })
    }
    if (this.phase === 'steps') {
      this.phase = stopRequested(task) ? 'stopping' : (await this.runSteps(task, definition)) ? 'running' : 'stopping'
      if (this.closed) return
      // The steps awaited: a StopTask may have been committed meanwhile.
      task = this.deps.tasks.get(this.taskArn) ?? task
    }
    if (this.phase === 'running') {
      if (stopRequested(task)) this.phase = 'stopping'
      else await this.supervise(task, definition)
    }
    if (this.phase === 'stopping' && !this.closed) await this.stop(definition)
  }

  /** The task's definition, read once (a missing one is looked up again: the caller stops the task). */
  definitionOf(task: TaskRecord): TaskDefinitionRecord | undefined {
    if (this.definition?.taskDefinitionArn !== task.taskDefinitionArn) this.definition = this.deps.tasks.definition(task)
    return this.definition
  }

  /** Loads or creates the agent's state and re-attaches to containers started before a restart. */
  private resume(task: TaskRecord, definition: TaskDefinitionRecord): Phase {
    const { records, dataDir } = this.deps
    this.state = records.tasks.get('', this.taskArn)
    if (!this.state) {
      this.state = { taskArn: this.taskArn, containers: definition.containerDefinitions.map((c) => newContainerState(task, c.name, dataDir)) }
      // Containers are never removed from a TaskRecord: when `task` lists them all, so does the stored one.
      const complete = definition.containerDefinitions.every((def) => task.containers.some((c) => c.name === def.name))
      this.writer.commit(() => {
        this.save()
        if (!complete) this.deps.tasks.update(this.taskArn, (t) => addMissingContainers(t, definition))
      })
    } else {
      this.writer.loaded(this.state)
    }
    for (const container of this.state.containers) {
      if (container.pid !== undefined && !container.exited) this.watch(container, containerHandle(container))
      if (container.log) this.track(container)
    }
    const unstarted = this.state.containers.some((c) => c.startedAt === undefined && !c.exited)
    if (stopRequested(task)) return 'stopping'
    return unstarted ? 'steps' : 'running'
  }

  /** `task` is the record as stored now, PENDING (evaluate updated it without awaiting since). */
  private async runSteps(task: TaskRecord, definition: TaskDefinitionRecord): Promise<boolean> {
    const { tasks, clock } = this.deps
    const outcome = await runTaskSteps({
      steps: this.deps.steps,
      tasks,
      current: task,
      save: () => this.save(),
      commit: (writes) => this.writer.commit(writes),
      cancelled: () => this.closed,
      context: {
        task,
        definition,
        state: this.state!,
        aws: this.deps.aws,
        credentials: this.deps.credentials,
        clock,
        store: this.deps.store,
        executionPrincipal: () => this.executionPrincipal(),
        secrets: this.secrets,
        log: this.deps.log,
      },
    })
    if (!outcome.ok && outcome.failure) this.failToStart(outcome.failure.stoppedReason, outcome.failure.containerReasons)
    return outcome.ok
  }

  /** Starts what may start, and decides whether the task must stop (ECS: an essential container exited). */
  private async supervise(task: TaskRecord, definition: TaskDefinitionRecord): Promise<void> {
    const state = this.state!
    for (const def of definition.containerDefinitions) {
      const container = state.containers.find((c) => c.name === def.name)
      if (!container || container.startedAt !== undefined || container.exited) continue
      const verdict = dependencyVerdict(def, state.containers)
      if (verdict.ready) await this.start(task, def, container)
      else if (verdict.blocked) this.neverStarted(container, verdict.blocked)
      if (this.closed || this.phase !== 'running') return
    }
    const verdict = taskVerdict(definition, this.state!.containers)
    if (verdict === 'stop') {
      this.deps.tasks.update(this.taskArn, (t) => requestStop(t, 'EssentialContainerExited', ESSENTIAL_CONTAINER_EXITED, this.deps.clock.now()))
      this.phase = 'stopping'
      return
    }
    if (verdict === 'running' && !this.runningWritten) this.advanceToRunning()
  }

  private advanceToRunning(): void {
    this.deps.tasks.update(this.taskArn, (t) => advanceTask(t, 'RUNNING', this.deps.clock.now()))
    this.runningWritten = true
  }

  private async start(task: TaskRecord, def: ContainerDefinition, container: ContainerState): Promise<void> {
    const { runtime, clock, credentials } = this.deps
    const credentialsId = this.state!.credentialsId
    let handle: ContainerHandle
    try {
      const spec = containerSpec({
        task,
        definition: def,
        container,
        secrets: this.secrets.get(def.name) ?? {},
        credentialsId,
        agentEndpoint: this.deps.agentEndpoint(),
        apiEndpoint: this.deps.apiEndpoint(),
        hostEnv: this.deps.hostEnv,
      })
      if (credentialsId) credentials.addToken(credentialsId, container.token)
      container.createdAt = clock.now().toISOString()
      handle = await runtime.start(spec)
    } catch (error) {
      if (!(error instanceof ContainerStartError)) throw error
      this.neverStarted(container, error.reason)
      if (def.essential !== false) this.failToStart(error.reason)
      return
    }
    container.pid = handle.pid
    container.pgid = handle.pgid
    container.processStartTime = handle.startTime
    container.startedAt = clock.now().toISOString()
    this.writer.commit(() => {
      this.saveWithContainer(container.name, (record) => {
        record.lastStatus = 'RUNNING'
        record.runtimeId = container.runtimeId
      })
      // The last container to start: the task's RUNNING joins this commit (supervise, which goes on without awaiting,
      // would write it next).
      const definition = this.definition
      if (!this.closed && this.phase === 'running' && definition && taskVerdict(definition, this.state!.containers) === 'running') this.advanceToRunning()
    })
    this.watch(container, handle)
    if (container.log) this.track(container)
  }

  private watch(container: ContainerState, handle: ContainerHandle): void {
    if (this.handles.has(container.name)) return
    this.handles.set(container.name, handle)
    void this.deps.runtime.wait(handle).then((exit) => this.exited(container.name, exit))
  }

  private exited(name: string, exit: ContainerExit): void {
    if (this.closed || !this.state) return
    const container = this.state.containers.find((c) => c.name === name)
    const handle = this.handles.get(name)
    if (!container || container.exited) return
    clearTimeout(this.killTimers.get(name))
    this.killTimers.delete(name)
    // Docker removes the whole container: processes the command left behind go with it (unless it ended while
    // taskrole was down, when its group id may belong to someone else by now).
    if (handle && !exit.late) void this.deps.runtime.stop(handle, 'SIGKILL')
    recordExit(container, exit, this.deps.clock.now())
    this.writer.commit(() => {
      this.saveWithContainer(name, (record) => {
        record.lastStatus = 'STOPPED'
        if (container.exitCode !== undefined) record.exitCode = container.exitCode
      })
      // The last one of a stopping task: what the stop() woken below would write next (nothing awaited between)
      // joins this commit, and that stop() only finishes.
      const definition = this.definition
      if (this.phase === 'stopping' && definition && !this.stopWritten && !this.state!.containers.some(stillRunning)) {
        this.writeStop(definition)
        this.stopWritten = true
      }
    })
    this.wake()
  }

  /** SIGTERM to every running container, SIGKILL after its stopTimeout; when all have exited, finish. */
  private async stop(definition: TaskDefinitionRecord): Promise<void> {
    const running = this.stopWritten ? [] : this.writer.commit(() => this.writeStop(definition))
    this.stopWritten = false
    if (running.length === 0) await this.finish()
  }

  /** The stop request, the containers that will never run and the signals sent (or the end): the caller commits
   *  them together. Returns the containers still running. */
  private writeStop(definition: TaskDefinitionRecord): ContainerState[] {
    const { tasks, clock } = this.deps
    const state = this.state!
    const now = clock.now()
    const running = state.containers.filter(stillRunning)
    tasks.update(this.taskArn, (t) => {
      if (!t.stopCode) requestStop(t, 'UserInitiated', TASK_STOPPED_BY_USER, now)
      if (running.length) advanceTask(t, 'STOPPING', now)
    })
    for (const container of state.containers) {
      if (container.startedAt === undefined && !container.exited) this.neverStarted(container)
    }
    for (const container of running) {
      const handle = this.handles.get(container.name) ?? containerHandle(container)
      if (!container.termSentAt) {
        this.signal(handle, 'SIGTERM')
        container.termSentAt = now.toISOString()
        this.save()
      }
      if (!container.killSentAt && !this.killTimers.has(container.name)) {
        const timeout = (definition.containerDefinitions.find((d) => d.name === container.name)?.stopTimeout ?? DEFAULT_STOP_TIMEOUT_SECONDS) * 1000
        const delay = Date.parse(container.termSentAt) + timeout - now.getTime()
        const timer = setTimeout(() => this.killContainer(container.name), Math.max(delay, 0))
        this.killTimers.set(container.name, timer)
      }
    }
    // Nothing runs any more: the execution stopped (finish() ships the output, then reports STOPPED).
    if (running.length === 0) {
      tasks.update(this.taskArn, (t) => {
        if (t.executionStoppedAt) return false
        t.executionStoppedAt = clock.now().toISOString()
      })
    }
    return running
  }

  private killContainer(name: string): void {
    this.killTimers.delete(name)
    const container = this.state?.containers.find((c) => c.name === name)
    if (this.closed || !container || container.exited) return
    this.signal(this.handles.get(name) ?? containerHandle(container), 'SIGKILL')
    container.killSentAt = this.deps.clock.now().toISOString()
    this.save()
  }

  /** Every container has exited: ship the rest of the output, THEN report STOPPED (no line arrives later). */
  private async finish(): Promise<void> {
    const { tasks, clock, shipper } = this.deps
    const state = this.state!
    for (const container of state.containers) {
      // Nothing of the container may still write to its output once the last lines are shipped.
      if (container.pid !== undefined && !container.exitedLate) await this.deps.runtime.drain(this.handles.get(container.name) ?? containerHandle(container), 2_000)
      if (!container.log) continue
      await shipper.flush(logOffsetKey(this.taskArn, container.name), true)
      shipper.untrack(logOffsetKey(this.taskArn, container.name))
    }
    if (this.closed) return
    // STOPPED, and forget() revokes the credentials ids, in one commit.
    this.writer.commit(() => {
      tasks.update(this.taskArn, (t) => stopWithContainers(t, clock.now()))
      this.forget()
    })
  }

  /** The task fails before (some of) its containers ran: stopCode TaskFailedToStart with ECS's reason. */
  private failToStart(reason: string, containerReasons?: Record<string, string>): void {
    this.deps.tasks.update(this.taskArn, (t) => failedToStart(t, reason, containerReasons, this.deps.clock.now()))
    this.phase = 'stopping'
  }

  /** A container that will never run: STOPPED without an exit code. */
  private neverStarted(container: ContainerState, reason?: string): void {
    container.exited = true
    this.saveWithContainer(container.name, (record) => {
      record.lastStatus = 'STOPPED'
      if (reason) record.reason = reason
    })
  }

  private forget(): void {
    this.phase = 'done'
    const { credentials, shipper } = this.deps
    if (this.state) {
      // Only containers with awslogs have a shipped offset to forget.
      for (const container of this.state.containers) if (container.log) shipper.untrack(logOffsetKey(this.taskArn, container.name))
      // ECS deletes task-role credentials once the task is stopped (research §1.7): later fetches answer 400.
      credentials.revoke(this.state.credentialsId)
      credentials.revoke(this.state.executionCredentialsId)
    }
    this.writer.forget()
    this.deps.finished(this.taskArn)
  }

  private track(container: ContainerState): void {
    const log = container.log!
    this.deps.shipper.track({
      key: logOffsetKey(this.taskArn, container.name),
      outputPath: container.outputPath,
      ...log,
      principal: () => this.executionPrincipal(),
    })
  }

  private executionPrincipal(): Principal | undefined {
    return this.principal.of(this.state?.executionCredentialsId)
  }

  private save(): void {
    if (this.state) this.writer.save(this.state)
  }

  /** The agent's state and one container of the task record, changed together in one commit. */
  private saveWithContainer(name: string, change: (record: TaskRecord['containers'][number]) => void): void {
    this.writer.saveWithContainer(this.state!, name, change)
  }
}
