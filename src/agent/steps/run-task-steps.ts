//! Runs the task steps in order, framing the 'pull' phase with the task's pullStartedAt / pullStoppedAt (Fargate
//! always reports both, even with nothing to pull), and gives up as soon as the task is asked to stop.
import { stopRequested } from '../task-lifecycle.js'
import type { TaskRecords } from '../task-records.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

export type StepsOutcome = { ok: true } | { ok: false; failure?: StepFailure }

export async function runTaskSteps(options: {
  steps: readonly TaskStep[]
  context: StepContext
  tasks: TaskRecords
  /** Persists the agent state the steps changed (ids of credentials, log destinations). */
  save(): void
  /** True when the runner must stop at once (taskrole is stopping). */
  cancelled(): boolean
}): Promise<StepsOutcome> {
  const { steps, context, tasks } = options
  const taskArn = context.task.taskArn
  const stamp = (field: 'pullStartedAt' | 'pullStoppedAt') =>
    tasks.update(taskArn, (t) => {
      if (t[field]) return false
      t[field] = context.clock.now().toISOString()
    })
  for (const step of steps) {
    if (step.phase !== 'resources') stamp('pullStartedAt')
    if (step.phase === 'create') stamp('pullStoppedAt')
    const current = tasks.get(taskArn)
    if (!current || stopRequested(current) || options.cancelled()) return { ok: false }
    try {
      await step.run(context)
    } catch (error) {
      if (!(error instanceof StepFailure)) throw error
      options.save()
      return { ok: false, failure: error }
    }
    options.save()
  }
  stamp('pullStartedAt')
  stamp('pullStoppedAt')
  return { ok: true }
}
