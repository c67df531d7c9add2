//! Runs the task steps in order, framing the 'pull' phase with the task's pullStartedAt / pullStoppedAt (Fargate
//! always reports both, even with nothing to pull), and gives up as soon as the task is asked to stop.
import type { TaskRecord } from '../../store/index.js'
import { stopRequested } from '../task-lifecycle.js'
import type { TaskRecords } from '../task-records.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

export type StepsOutcome = { ok: true } | { ok: false; failure?: StepFailure }

/** How a run of steps that did not await ended: an outcome, an error to rethrow, or a step's promise to await. */
type Segment = { outcome: StepsOutcome } | { thrown: unknown } | { awaiting: Promise<void> }

export async function runTaskSteps(options: {
  steps: readonly TaskStep[]
  context: StepContext
  tasks: TaskRecords
  /** The TaskRecord as stored right now: the caller read or updated it without awaiting since. */
  current: TaskRecord
  /** Persists the agent state the steps changed (ids of credentials, log destinations). */
  save(): void
  /** Runs `writes` in one store transaction (nested ones join it). */
  commit<T>(writes: () => T): T
  /** True when the runner must stop at once (taskrole is stopping). */
  cancelled(): boolean
}): Promise<StepsOutcome> {
  const { steps, context, tasks } = options
  const taskArn = context.task.taskArn
  // The record as last read or written, and whether it is still current: only while nothing was awaited since (a
  // StopTask is committed by another request, which can only run while a step awaits).
  let known: TaskRecord | undefined = options.current
  let current = true
  let next = 0
  const stamp = (field: 'pullStartedAt' | 'pullStoppedAt') => {
    // Once set, a stamp is never cleared: no need to read the record again to know.
    if (known?.[field]) return
    known = tasks.update(taskArn, (t) => {
      if (t[field]) return false
      t[field] = context.clock.now().toISOString()
    })
    current = true
  }
  // Runs steps until one returns a promise. Nothing else runs meanwhile, so these steps' calls (AssumeRole, ...), the
  // credentials they store, the stamps and the agent's state commit together: one commit instead of one per write.
  // Whatever happens, what the steps did commits (a failed step's earlier calls happened, as in AWS).
  const runUntilAwait = (): Segment => {
    while (next < steps.length) {
      const step = steps[next++]!
      if (step.phase !== 'resources') stamp('pullStartedAt')
      if (step.phase === 'create') stamp('pullStoppedAt')
      if (!current) known = tasks.get(taskArn)
      current = true
      if (!known || stopRequested(known) || options.cancelled()) return { outcome: { ok: false } }
      let result: void | Promise<void>
      try {
        result = step.run(context)
      } catch (error) {
        if (!(error instanceof StepFailure)) return { thrown: error }
        options.save()
        return { outcome: { ok: false, failure: error } }
      }
      if (result instanceof Promise) return { awaiting: result }
      options.save()
    }
    stamp('pullStartedAt')
    stamp('pullStoppedAt')
    return { outcome: { ok: true } }
  }
  for (;;) {
    const segment = options.commit(runUntilAwait)
    if ('outcome' in segment) return segment.outcome
    if ('thrown' in segment) throw segment.thrown
    try {
      await segment.awaiting
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error
      options.save()
      return { ok: false, failure: error }
    } finally {
      current = false
    }
    options.save()
  }
}
