//! ListTasks over a cluster that kept many stopped tasks: the same answers, page by page, from the index alone.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ECS_COLLECTIONS } from '../../store/index.js'
import { ACCOUNT, fakeEcs, type FakeEcs } from './fake-ecs.js'
import { storedStatus } from './list-tasks.js'

const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'DISABLED' } }
const SCOPE = `${ACCOUNT}/us-east-1`

function setUp(): FakeEcs {
  const ecs = fakeEcs()
  const execRole = ecs.putRole('ecsTaskExecutionRole', 'ecs-tasks.amazonaws.com')
  ecs.call('CreateCluster', { clusterName: 'c' })
  ecs.call('CreateCluster', { clusterName: 'other' })
  ecs.call('RegisterTaskDefinition', {
    family: 'app',
    executionRoleArn: execRole,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'busybox' }],
  })
  return ecs
}

function run(ecs: FakeEcs, cluster: string, count: number): string[] {
  const out = ecs.call('RunTask', { cluster, taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: NETWORK, count })
  return out.tasks.map((task: { taskArn: string }) => task.taskArn)
}

/** Every taskArn of a listing, following nextToken with pages of `maxResults`. */
function listAll(ecs: FakeEcs, input: Record<string, unknown>, maxResults: number): string[] {
  const arns: string[] = []
  let nextToken: string | undefined
  do {
    const page = ecs.call('ListTasks', { cluster: 'c', maxResults, ...input, ...(nextToken ? { nextToken } : {}) })
    assert.ok(page.taskArns.length <= maxResults)
    arns.push(...page.taskArns)
    nextToken = page.nextToken
  } while (nextToken)
  return arns
}

test('ListTasks reads the index of tasks wanted RUNNING (and only their rows) for RUNNING and PENDING, the whole cluster for STOPPED', () => {
  const ecs = setUp()
  const plan = (wanted: 'RUNNING' | 'PENDING') => ecs.store.documents.listPlan(ECS_COLLECTIONS.tasks, storedStatus(wanted)).join('\n')
  assert.match(plan('RUNNING'), /USING INDEX documents_ecs_tasks_wanted_running \(scope=\? AND <expr>=\? AND key>\? AND key<\?\)/)
  assert.match(plan('PENDING'), /USING INDEX documents_ecs_tasks_wanted_running/)
  assert.deepEqual(storedStatus('STOPPED'), [])
  // The same conditions on another collection cannot use it (the index holds ECS tasks only).
  assert.doesNotMatch(ecs.store.documents.listPlan('test.task', storedStatus('RUNNING')).join('\n'), /documents_ecs_tasks_wanted_running/)
})

test('ListTasks with 250 stopped tasks: the same tasks, in creation order, across pages, for every desiredStatus', () => {
  const ecs = setUp()
  const tasks = ecs.store.documents.collection<any>(ECS_COLLECTIONS.tasks)
  const keyOf = (arn: string) => `c/${arn.split('/').pop()}`
  const stoppedByUser: string[] = []
  const running: string[] = []
  for (let round = 0; round < 25; round++) {
    ecs.now = new Date(Date.UTC(2025, 0, 1, 12, round))
    const arns = run(ecs, 'c', 10)
    // One task a round keeps running (some of them reported RUNNING by the agent), the others stop.
    running.push(arns[0]!)
    if (round % 2) tasks.put(SCOPE, keyOf(arns[0]!), { ...tasks.get(SCOPE, keyOf(arns[0]!)), lastStatus: 'RUNNING' })
    for (const arn of arns.slice(1)) {
      if (round % 3) {
        ecs.call('StopTask', { cluster: 'c', task: arn })
        stoppedByUser.push(arn)
      } else {
        // Stopped by the agent: an essential container exited (desiredStatus still RUNNING, lastStatus STOPPED).
        tasks.put(SCOPE, keyOf(arn), { ...tasks.get(SCOPE, keyOf(arn)), lastStatus: 'STOPPED' })
      }
    }
  }
  run(ecs, 'other', 3)
  const byCreation = (arns: string[]) => {
    const created = new Map(arns.map((arn) => [arn, tasks.get(SCOPE, keyOf(arn)).createdAt as string]))
    return [...arns].sort((a, b) => created.get(a)!.localeCompare(created.get(b)!) || keyOf(a).localeCompare(keyOf(b)))
  }
  const pending = running.filter((arn) => tasks.get(SCOPE, keyOf(arn)).lastStatus !== 'RUNNING')
  assert.equal(running.length, 25)
  assert.equal(pending.length, 13)
  for (const maxResults of [1, 7, 100]) {
    assert.deepEqual(listAll(ecs, {}, maxResults), byCreation(running))
    assert.deepEqual(listAll(ecs, { desiredStatus: 'PENDING' }, maxResults), byCreation(pending))
    assert.deepEqual(listAll(ecs, { desiredStatus: 'STOPPED' }, maxResults).length, 225)
  }
  assert.deepEqual(new Set(listAll(ecs, { desiredStatus: 'STOPPED' }, 100)), new Set(tasks.list(SCOPE, { prefix: 'c/' }).map((t) => t.taskArn).filter((arn: string) => !running.includes(arn))))
  assert.equal(stoppedByUser.length, 144)
  // A task StopTask just stopped leaves the RUNNING listing at once.
  ecs.call('StopTask', { cluster: 'c', task: running[3] })
  assert.deepEqual(listAll(ecs, {}, 100), byCreation(running.filter((arn) => arn !== running[3])))
})
