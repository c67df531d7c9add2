//! A taskrole restart is a non-event for a running task (MISSION §1, §5; conformance 12): the container process
//! keeps running, its credentials endpoint answers again on the same port with the same token, and not one output
//! line is lost or repeated. Then StopTask: SIGTERM to the container, SIGKILL after its stopTimeout, UserInitiated.
import assert from 'node:assert/strict'
import { ListTasksCommand, StopTaskCommand } from '@aws-sdk/client-ecs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { newAccount } from '../support/aws-cli.js'
import { REPO_ROOT, startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { lineAfter, logLines, runFargateTask, taskWorld, waitForLine, waitForTask } from './agent-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

/** Every 300 ms: the SDK's own credential chain calls STS, and the raw endpoint is fetched with the token. */
const WORKER = `
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts')
const sts = new STSClient({})
let n = 0
console.log('PID ' + process.pid)
process.on('SIGTERM', () => console.log('got SIGTERM, ignoring it'))
setInterval(async () => {
  const i = ++n
  const endpoint = await fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } })
    .then((r) => r.status, () => 'down')
  const identity = await sts.send(new GetCallerIdentityCommand({})).then((r) => r.Arn, (e) => 'ERR ' + e.name + ' ' + (e.code ?? ''))
  console.log('tick ' + i + ' ' + endpoint + ' ' + identity)
}, 300)`

/** A live process (a zombie, exited but not yet reaped by init, is not). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

function ticks(lines: string[]) {
  return lines.filter((l) => l.startsWith('tick ')).map((l) => {
    const [, n, endpoint, ...identity] = l.split(' ')
    return { n: Number(n), endpoint: endpoint!, identity: identity.join(' ') }
  })
}

test('restart under a running task, then StopTask with SIGTERM and SIGKILL after stopTimeout', async () => {
  const world = await taskWorld(server.endpoint, newAccount())
  const taskArn = await runFargateTask(world, [
    {
      name: 'worker',
      entryPoint: [process.execPath, '-e'],
      command: [WORKER],
      stopTimeout: 2,
      environment: [{ name: 'NODE_PATH', value: join(REPO_ROOT, 'node_modules') }],
    },
  ])
  await waitForTask(world, taskArn, 'RUNNING')
  const before = await waitForLine(world, taskArn, 'worker', /^tick 3 200 arn:aws:sts::/)
  const pid = Number(lineAfter(before, 'PID'))
  const portFile = join(server.dataDir, 'agent', 'credentials-port')
  const port = readFileSync(portFile, 'utf8')

  await server.restart()
  const restartedAt = Date.now()
  // The same process is still running, and the agent is back on the same port.
  assert.equal(alive(pid), true)
  assert.equal(readFileSync(portFile, 'utf8'), port)
  const running = await waitForTask(world, taskArn, 'RUNNING')
  assert.equal(running.taskArn, taskArn)
  const listed = await world.clients.ecs.send(new ListTasksCommand({ cluster: world.cluster }))
  assert.deepEqual(listed.taskArns, [taskArn])

  // Fetches after the restart succeed with the token the container got before it.
  let lines: string[] = []
  for (const deadline = Date.now() + 30_000; ; ) {
    lines = await logLines(world, taskArn, 'worker')
    const last = ticks(lines).at(-1)
    if (last && last.endpoint === '200' && Date.now() > restartedAt + 1500) break
    assert.ok(Date.now() < deadline, `no successful fetch after the restart: ${lines.slice(-3).join(' | ')}`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }

  await world.clients.ecs.send(new StopTaskCommand({ cluster: world.cluster, task: taskArn, reason: 'restart test finished' }))
  const stopped = await waitForTask(world, taskArn, 'STOPPED')
  assert.equal(stopped.stopCode, 'UserInitiated')
  assert.equal(stopped.stoppedReason, 'restart test finished')
  assert.equal(stopped.desiredStatus, 'STOPPED')
  // The worker ignored SIGTERM, so it was SIGKILLed after its stopTimeout (2 s).
  assert.equal(stopped.containers![0]!.exitCode, 137)
  const stopping = Date.parse(String(stopped.stoppingAt))
  assert.ok(Date.parse(String(stopped.executionStoppedAt)) - stopping >= 1_900, 'SIGKILL only after stopTimeout')
  assert.equal(alive(pid), false, 'the container process is gone once the task is STOPPED')

  // Every line is there exactly once — also those printed while taskrole was down. (Ticks may print out of
  // order: each awaits its own calls.)
  lines = await logLines(world, taskArn, 'worker')
  assert.ok(lines.includes('got SIGTERM, ignoring it'))
  const numbers = ticks(lines)
    .map((t) => t.n)
    .sort((a, b) => a - b)
  assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => i + 1))
  // Each tick's STS call follows its endpoint fetch: one whose fetch just beat the shutdown may find taskrole's API
  // already gone (a connection error, nothing else), as may one at the very start of the new process.
  const ROLE_SESSION = /^arn:aws:sts::\d{12}:assumed-role\/app-task-role-[0-9a-f]{8}\/[0-9a-f]{32}$/
  const served = ticks(lines).filter((tick) => tick.endpoint === '200')
  const unreachable = served.filter((tick) => /^ERR \w+ (ECONNREFUSED|ECONNRESET|EPIPE)$/.test(tick.identity))
  assert.ok(unreachable.length <= 2, `STS unreachable on ${unreachable.length} ticks: ${unreachable.map((t) => t.identity).join(', ')}`)
  for (const tick of served) if (!unreachable.includes(tick)) assert.match(tick.identity, ROLE_SESSION)
  assert.ok(served.filter((tick) => ROLE_SESSION.test(tick.identity)).length >= 4)
})
