//! Runs the task steps in order, framing the 'pull' phase with the task's pullStartedAt / pullStoppedAt (Fargate
//! always reports both, even with nothing to pull), and gives up as soon as the task is asked to stop.
import type { TaskRecord } from '../../store/index.js'
import { stopRequested } from '../task-lifecycle.js'
import type { TaskRecords } from '../task-records.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

export type StepsOutcome = { ok: true } | { ok: false; failure?: StepFailure }

export async function runTaskSteps(options: {
  steps: readonly TaskStep[]
  context: StepContext
  tasks: TaskRecords
  /** The TaskRecord as stored right now: the caller read or updated it without awaiting since. */
  current: TaskRecord
  /** Persists the agent state the steps changed (ids of credentials, log destinations). */
  save(): void
  /** True when the runner must stop at once (taskrole is stopping). */
  cancelled(): boolean
}): Promise<StepsOutcome> {
  const { steps, context, tasks } = options
  const taskArn = context.task.taskArn
  // The record as last read or written, and whether it is still current: only while nothing was awaited since (a
  // StopTask is committed by another request, which can only run while a step awaits).
  let known: TaskRecord | undefined = options.current
  let current = true
  const stamp = (field: 'pullStartedAt' | 'pullStoppedAt') => {
    // Once set, a stamp is never cleared: no need to read the record again to know.
    if (known?.[field]) return
    known = tasks.update(taskArn, (t) => {
      if (t[field]) return false
      t[field] = context.clock.now().toISOString()
    })
    current = true
  }
  for (const step of steps) {
    if (step.phase !== 'resources') stamp('pullStartedAt')
    if (step.phase === 'create') stamp('pullStoppedAt')
    if (!current) known = tasks.get(taskArn)
    if (!known || stopRequested(known) || options.cancelled()) return { ok: false }
    try {
      await step.run(context)
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error
      options.save()
      return { ok: false, failure: error }
    } finally {
      current = false
    }
    options.save()
  }
  stamp('pullStartedAt')
  stamp('pullStoppedAt')
  return { ok: true }
}
