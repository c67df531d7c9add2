//! What a runner reads: the task definition once, the TaskRecord at every evaluation (so a StopTask committed
//! between two evaluations is acted on).
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { systemClock } from '../aws/index.js'
import { ECS_COLLECTIONS, openStore, type Collection, type TaskRecord } from '../store/index.js'
import { createAgent } from './index.js'
import { TaskRecords } from './task-records.js'
import { createFakeAws, stopStoredTask, storeTask } from './testing/fake-aws.js'

const dataDir = mkdtempSync(join(tmpdir(), 'taskrole-runner-'))
after(() => rmSync(dataDir, { recursive: true, force: true }))

async function waitFor(tasks: TaskRecords, taskArn: string, done: (task: TaskRecord) => boolean): Promise<TaskRecord> {
  for (const deadline = Date.now() + 15_000; ; ) {
    const task = tasks.get(taskArn)!
    if (done(task)) return task
    assert.ok(Date.now() < deadline, `task did not reach the state in time: ${JSON.stringify(task)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

test('the definition is read once for the whole task; a StopTask committed while it runs still stops it', async () => {
  const store = openStore(':memory:')
  // Counts the reads of task definitions, and the writes outside any transaction (each a commit), whoever makes them.
  let definitionReads = 0
  let writesAlone = 0
  const collection = store.documents.collection.bind(store.documents)
  store.documents.collection = <T>(name: string, revive?: (raw: any) => T): Collection<T> => {
    const inner = collection<T>(name, revive)
    const alone = () => store.database.sqlite.inTransaction || writesAlone++
    const counted: Collection<T> = { ...inner, put: (...args) => (alone(), inner.put(...args)), delete: (...args) => (alone(), inner.delete(...args)) }
    if (name !== ECS_COLLECTIONS.taskDefinitions) return counted
    return { ...counted, get: (scope, key) => (definitionReads++, inner.get(scope, key)) }
  }
  const agent = createAgent({
    dispatcher: createFakeAws(store, systemClock).dispatcher,
    store,
    clock: systemClock,
    dataDir,
    taskCredentialSeconds: 21600,
    apiEndpoint: () => 'http://127.0.0.1:4599',
    defaultRegion: 'us-east-1',
    linkLocal: false,
    log: () => {},
  })
  await agent.start()
  const tasks = new TaskRecords(store)
  // Counts commits (outermost transactions; nested ones are savepoints of these), whoever makes them.
  let commits = 0
  let depth = 0
  const transaction = store.transaction
  store.transaction = <T>(fn: () => T): T => {
    if (depth++ === 0) commits++
    try {
      return transaction(fn)
    } finally {
      depth--
    }
  }
  const taskArn = storeTask(store, {
    taskRoleArn: 'arn:aws:iam::111122223333:role/app-task-role',
    executionRoleArn: 'arn:aws:iam::111122223333:role/ecsTaskExecutionRole',
    containers: [{ name: 'app', image: 'x', entryPoint: ['sleep', '60'], stopTimeout: 5 }],
  })
  agent.taskChanged(taskArn)
  await waitFor(tasks, taskArn, (t) => t.lastStatus === 'RUNNING')
  stopStoredTask(store, taskArn, 'stopped between evaluations')
  agent.taskChanged(taskArn)
  const task = await waitFor(tasks, taskArn, (t) => t.lastStatus === 'STOPPED')
  await agent.stop()
  assert.deepEqual([task.stopCode, task.stoppedReason, task.containers[0]!.lastStatus], ['UserInitiated', 'stopped between evaluations', 'STOPPED'])
  assert.ok(task.stoppingAt! <= task.executionStoppedAt! && task.executionStoppedAt! <= task.stoppedAt!)
  // One version per change the agent made, as before reads were saved: PENDING, the two pull stamps, container
  // RUNNING, RUNNING, STOPPING, container STOPPED, the stop re-applied, executionStoppedAt, STOPPED.
  assert.equal(task.version, 11)
  assert.deepEqual(store.documents.collection('agent.credentials').scan(), [], 'both credentials ids are revoked')
  assert.equal(definitionReads, 1)
  // storeTask; the agent's state and PENDING; the steps (both AssumeRoles, the credentials, the stamps, the state);
  // the container started and RUNNING; stopStoredTask; STOPPING; the container exited and executionStoppedAt; STOPPED.
  assert.equal(commits, 8)
  assert.equal(writesAlone, 0, 'the credentials records and the container token are written in those commits')
})
