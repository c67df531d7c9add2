//! The steps re-read the TaskRecord only after awaiting (when a StopTask can have been committed), and stamp the
//! pull phase once.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { systemClock } from '../../aws/index.js'
import { openStore, type TaskRecord } from '../../store/index.js'
import { TaskRecords } from '../task-records.js'
import { stopStoredTask, storeTask } from '../testing/fake-aws.js'
import { runTaskSteps } from './run-task-steps.js'
import type { StepContext, StepPhase, TaskStep } from './task-step.js'

/** TaskRecords that counts its reads (get, and the read inside each update). */
class CountedTaskRecords extends TaskRecords {
  gets = 0
  updates = 0
  override get(taskArn: string): TaskRecord | undefined {
    this.gets++
    return super.get(taskArn)
  }
  override update(taskArn: string, change: (task: TaskRecord) => void | boolean): TaskRecord | undefined {
    this.updates++
    return super.update(taskArn, change)
  }
}

function setUp() {
  const store = openStore(':memory:')
  const taskArn = storeTask(store, { containers: [{ name: 'app', image: 'x', entryPoint: ['true'] }] })
  const tasks = new CountedTaskRecords(store)
  const ran: string[] = []
  const step = (name: string, phase: StepPhase, run: () => void | Promise<void> = () => {}): TaskStep => ({
    name,
    phase,
    run: () => {
      ran.push(name)
      return run()
    },
  })
  const run = (steps: TaskStep[]) => {
    const current = tasks.get(taskArn)!
    return runTaskSteps({
      steps,
      tasks,
      current,
      context: { task: current, clock: systemClock } as unknown as StepContext,
      save: () => {},
      cancelled: () => false,
    })
  }
  return { store, taskArn, tasks, ran, step, run }
}

test('a StopTask committed while a step awaits is seen before the next step, which does not run', async () => {
  const { store, taskArn, tasks, ran, step, run } = setUp()
  const outcome = await run([
    step('assume', 'resources', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }),
    step('secrets', 'resources'),
  ])
  assert.deepEqual(ran, ['assume', 'secrets'])
  assert.deepEqual(outcome, { ok: true })

  ran.length = 0
  tasks.gets = 0
  const stopped = await run([
    step('assume', 'resources', async () => {
      // Another request (StopTask) runs while the step waits for I/O.
      await new Promise((resolve) => setTimeout(resolve, 5))
      stopStoredTask(store, taskArn, 'stopped meanwhile')
    }),
    step('secrets', 'resources'),
  ])
  assert.deepEqual(ran, ['assume'])
  assert.deepEqual(stopped, { ok: false })
  assert.equal(tasks.gets, 2, 'the caller read it; the steps read it again after the await, not before the first step')
})

test('pullStartedAt before the first pull step, pullStoppedAt before create: each written once, not read again once known', async () => {
  const { taskArn, tasks, ran, step, run } = setUp()
  tasks.gets = 0
  const outcome = await run([step('roles', 'resources'), step('secrets', 'resources'), step('pull', 'pull'), step('logs', 'create')])
  assert.deepEqual(outcome, { ok: true })
  assert.deepEqual(ran, ['roles', 'secrets', 'pull', 'logs'])
  // The caller's read; one read after 'roles' awaited; the stamps' updates read before 'pull' and 'logs'.
  assert.equal(tasks.gets, 2)
  assert.equal(tasks.updates, 2)
  const task = tasks.get(taskArn)!
  assert.ok(task.pullStartedAt && task.pullStoppedAt && task.pullStartedAt <= task.pullStoppedAt)
  assert.equal(task.version, 3, 'two stamps, one write each')
})
