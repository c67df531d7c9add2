//! The steps re-read the TaskRecord only after awaiting (when a StopTask can have been committed), stamp the pull
//! phase once, and commit once per run of steps that do not await.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { systemClock } from '../../aws/index.js'
import { openStore, type TaskRecord } from '../../store/index.js'
import { TaskRecords } from '../task-records.js'
import { stopStoredTask, storeTask } from '../testing/fake-aws.js'
import { runTaskSteps } from './run-task-steps.js'
import { StepFailure, type StepContext, type StepPhase, type TaskStep } from './task-step.js'

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

/** Counts the store's commits: its outermost transactions (nested ones are savepoints of these). */
function countCommits(store: ReturnType<typeof openStore>) {
  const counter = { commits: 0 }
  const transaction = store.transaction
  let depth = 0
  store.transaction = <T>(fn: () => T): T => {
    if (depth === 0) counter.commits++
    depth++
    try {
      return transaction(fn)
    } finally {
      depth--
    }
  }
  return counter
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
  const counter = countCommits(store)
  const saved: string[] = []
  const run = (steps: TaskStep[]) => {
    const current = tasks.get(taskArn)!
    return runTaskSteps({
      steps,
      tasks,
      current,
      context: { task: current, clock: systemClock } as unknown as StepContext,
      // Stands for the agent's state: a write of its own, joining the caller's transaction if any.
      save: () => store.transaction(() => saved.push(ran.at(-1) ?? '')),
      commit: (writes) => store.transaction(writes),
      cancelled: () => false,
    })
  }
  return { store, taskArn, tasks, ran, step, run, counter, saved }
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
  // Only the caller's read: no step awaited, and the stamps' updates read before 'pull' and 'logs'.
  assert.equal(tasks.gets, 1)
  assert.equal(tasks.updates, 2)
  const task = tasks.get(taskArn)!
  assert.ok(task.pullStartedAt && task.pullStoppedAt && task.pullStartedAt <= task.pullStoppedAt)
  assert.equal(task.version, 3, 'two stamps, one write each')
})

test('steps that do not await commit together with the stamps and the saves; an awaiting step splits the commit', async () => {
  const { step, run, counter, saved } = setUp()
  const outcome = await run([step('roles', 'resources'), step('secrets', 'resources'), step('pull', 'pull'), step('logs', 'create')])
  assert.deepEqual(outcome, { ok: true })
  assert.deepEqual(saved, ['roles', 'secrets', 'pull', 'logs'])
  assert.equal(counter.commits, 1, 'one commit for two stamps and four saves')

  const { counter: second, step: secondStep, run: secondRun, saved: secondSaved } = setUp()
  const split = await secondRun([
    secondStep('roles', 'resources'),
    secondStep('secrets', 'resources', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }),
    secondStep('pull', 'pull'),
    secondStep('logs', 'create'),
  ])
  assert.deepEqual(split, { ok: true })
  assert.deepEqual(secondSaved, ['roles', 'secrets', 'pull', 'logs'])
  // 'roles' (and the awaiting step's start); the save after the await; 'pull' and 'logs' with the stamps.
  assert.equal(second.commits, 3)
})

test('a failing step commits what the steps before it did, and its own save', async () => {
  const { taskArn, tasks, step, run, counter, saved } = setUp()
  const outcome = await run([
    step('roles', 'resources'),
    step('pull', 'pull', () => {
      throw new StepFailure('CannotPullContainerError: denied')
    }),
    step('logs', 'create'),
  ])
  assert.deepEqual(outcome, { ok: false, failure: new StepFailure('CannotPullContainerError: denied') })
  assert.deepEqual(saved, ['roles', 'pull'])
  assert.equal(counter.commits, 1)
  const task = tasks.get(taskArn)!
  assert.ok(task.pullStartedAt && !task.pullStoppedAt, 'the pull started and never stopped')
})
