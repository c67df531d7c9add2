import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { systemClock } from '../aws/index.js'
import { ECS_COLLECTIONS, openStore, type Store, type TaskRecord } from '../store/index.js'
import { createAgent, type Agent } from './index.js'
import { TaskRecords } from './task-records.js'
import { createFakeAws, stopStoredTask, storeTask, type FakeAws } from './testing/fake-aws.js'

const ACCOUNT = '111122223333'
const TASK_ROLE = `arn:aws:iam::${ACCOUNT}:role/app-task-role`
const EXEC_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`
const dirs: string[] = []
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

interface Kit {
  store: Store
  aws: FakeAws
  agent: Agent
  dataDir: string
  lines: string[]
}

async function startKit(options: { store?: Store; dataDir?: string; aws?: FakeAws; seconds?: number } = {}): Promise<Kit> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'taskrole-agent-'))
  if (!options.dataDir) dirs.push(dataDir)
  const store = options.store ?? openStore(':memory:')
  const aws = options.aws ?? createFakeAws(store, systemClock)
  aws.groups.add('/ecs/app')
  const lines: string[] = []
  const agent = createAgent({
    dispatcher: aws.dispatcher,
    store,
    clock: systemClock,
    dataDir,
    taskCredentialSeconds: options.seconds ?? 21600,
    apiEndpoint: () => 'http://127.0.0.1:4599',
    defaultRegion: 'us-east-1',
    linkLocal: false,
    log: (line) => lines.push(line),
  })
  await agent.start()
  return { store, aws, agent, dataDir, lines }
}

const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } }

function node(script: string) {
  return { entryPoint: [process.execPath, '-e'], command: [script] }
}

async function waitFor(store: Store, taskArn: string, done: (task: TaskRecord) => boolean, ms = 15_000): Promise<TaskRecord> {
  const tasks = new TaskRecords(store)
  const deadline = Date.now() + ms
  for (;;) {
    const task = tasks.get(taskArn)!
    if (done(task)) return task
    if (Date.now() > deadline) assert.fail(`task did not reach the state in time: ${JSON.stringify(task)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const stopped = (task: TaskRecord) => task.lastStatus === 'STOPPED'

test('a Fargate task runs with exactly the promised environment, its task role credentials and its logs', async () => {
  const kit = await startKit()
  process.env.TASKROLE_CONFORMANCE_HOST_ONLY = 'host-only'
  const probe = `
    const env = process.env
    const get = (url, token) => fetch(url, token === undefined ? {} : { headers: { Authorization: token } }).then(async (r) => [r.status, await r.text()])
    ;(async () => {
      console.log('ENV ' + JSON.stringify(env))
      console.log('CWD ' + process.cwd())
      const [status, body] = await get(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, env.AWS_CONTAINER_AUTHORIZATION_TOKEN)
      console.log('CREDS ' + status + ' ' + body)
      console.log('UNAUTH ' + (await get(env.AWS_CONTAINER_CREDENTIALS_FULL_URI))[0])
      console.log('BADTOKEN ' + (await get(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, 'nope'))[0])
      console.log('TASKMETA ' + (await get(env.ECS_CONTAINER_METADATA_URI_V4 + '/task'))[1])
      console.error('to stderr')
    })()`
  const taskArn = storeTask(kit.store, {
    taskRoleArn: TASK_ROLE,
    executionRoleArn: EXEC_ROLE,
    containers: [{ name: 'app', image: 'node:20', essential: true, ...node(probe), environment: [{ name: 'GREETING', value: 'hi' }], logConfiguration: awslogs }],
  })
  kit.agent.taskChanged(taskArn)
  const task = await waitFor(kit.store, taskArn, stopped)
  delete process.env.TASKROLE_CONFORMANCE_HOST_ONLY
  await kit.agent.stop()

  assert.equal(task.stopCode, 'EssentialContainerExited')
  assert.equal(task.stoppedReason, 'Essential container in task exited')
  assert.equal(task.containers[0]!.exitCode, 0)
  assert.equal(task.containers[0]!.lastStatus, 'STOPPED')
  for (const field of ['pullStartedAt', 'pullStoppedAt', 'startedAt', 'stoppingAt', 'executionStoppedAt', 'stoppedAt'] as const) assert.ok(task[field], field)
  const taskId = taskArn.split('/').pop()!
  const lines = kit.aws.streams.get(`/ecs/app/ecs/app/${taskId}`)!
  const line = (prefix: string) => lines.find((l) => l.startsWith(prefix + ' '))!.slice(prefix.length + 1)

  const env = JSON.parse(line('ENV'))
  const credentialsId = /\/v2\/credentials\/([0-9a-f-]{36})$/.exec(env.AWS_CONTAINER_CREDENTIALS_FULL_URI)![1]
  const port = new URL(env.AWS_CONTAINER_CREDENTIALS_FULL_URI).port
  assert.deepEqual(Object.keys(env).sort(), [
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_DEFAULT_REGION',
    'AWS_ENDPOINT_URL',
    'AWS_EXECUTION_ENV',
    'AWS_REGION',
    'ECS_CONTAINER_METADATA_URI',
    'ECS_CONTAINER_METADATA_URI_V4',
    'GREETING',
    'HOME',
    'PATH',
    ...(process.env.LANG === undefined ? [] : ['LANG']),
  ].sort())
  assert.equal(env.AWS_EXECUTION_ENV, 'AWS_ECS_FARGATE')
  assert.equal(env.AWS_ENDPOINT_URL, 'http://127.0.0.1:4599')
  assert.equal(env.AWS_CONTAINER_CREDENTIALS_FULL_URI, `http://127.0.0.1:${port}/v2/credentials/${credentialsId}`)
  assert.match(env.ECS_CONTAINER_METADATA_URI_V4, new RegExp(`^http://127\\.0\\.0\\.1:${port}/v4/${taskId}-\\d{10}$`))
  assert.equal(line('CWD'), env.HOME)
  assert.ok(env.HOME.startsWith(kit.dataDir))

  const [status, body] = [line('CREDS').slice(0, 3), line('CREDS').slice(4)]
  assert.equal(status, '200')
  assert.deepEqual(Object.keys(JSON.parse(body)), ['RoleArn', 'AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'])
  assert.equal(JSON.parse(body).RoleArn, TASK_ROLE)
  assert.match(JSON.parse(body).Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  assert.equal(line('UNAUTH'), '401')
  assert.equal(line('BADTOKEN'), '403')
  const meta = JSON.parse(line('TASKMETA'))
  assert.equal(meta.TaskARN, taskArn)
  assert.equal(meta.Revision, '1')
  assert.equal(meta.LaunchType, 'FARGATE')
  assert.equal(meta.Containers[0].Name, 'app')
  assert.ok(lines.includes('to stderr'))

  // Both roles were assumed as ecs-tasks.amazonaws.com with the task id as session name; logs as the execution role.
  const assumes = kit.aws.calls.filter((c) => c.operation === 'AssumeRole')
  assert.deepEqual(assumes.map((c) => (c.input as any).RoleArn).sort(), [EXEC_ROLE, TASK_ROLE].sort())
  for (const call of assumes) {
    assert.deepEqual(call.principal, { type: 'AWSService', service: 'ecs-tasks.amazonaws.com', sourceAccount: ACCOUNT, sourceArn: taskArn })
    assert.equal((call.input as any).RoleSessionName, taskId)
    assert.equal((call.input as any).DurationSeconds, 21600)
  }
  const puts = kit.aws.calls.filter((c) => c.operation === 'PutLogEvents' || c.operation === 'CreateLogStream')
  assert.ok(puts.length >= 2)
  for (const call of puts) assert.equal(call.principal.type === 'AssumedRole' && call.principal.roleArn, EXEC_ROLE)
  // The host-only variable never reached the container.
  assert.equal(env.TASKROLE_CONFORMANCE_HOST_ONLY, undefined)
})

test('a refused CreateLogStream stops the task before its container runs (TaskFailedToStart, ECS text)', async () => {
  const kit = await startKit()
  kit.aws.deny.add('logs:CreateLogStream')
  const taskArn = storeTask(kit.store, {
    executionRoleArn: EXEC_ROLE,
    containers: [{ name: 'app', image: 'busybox', essential: true, entryPoint: ['sh', '-c'], command: ['echo ran > ran.txt'], logConfiguration: awslogs }],
  })
  kit.agent.taskChanged(taskArn)
  const task = await waitFor(kit.store, taskArn, stopped)
  await kit.agent.stop()
  assert.equal(task.stopCode, 'TaskFailedToStart')
  assert.match(
    task.stoppedReason!,
    /^ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: operation error CloudWatch Logs: CreateLogStream, https response error StatusCode: 400, RequestID: [0-9a-f-]{36}, api error AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role\/ecsTaskExecutionRole\/[0-9a-f]{32} is not authorized to perform: logs:CreateLogStream on resource: .* : exit status 1$/,
  )
  assert.equal(task.containers[0]!.exitCode, undefined)
  assert.equal(task.containers[0]!.lastStatus, 'STOPPED')
  assert.equal(kit.aws.streams.size, 0)
  assert.equal(existsSync(join(kit.dataDir, 'agent', 'tasks', task.taskId, 'app', 'home', 'ran.txt')), false)
})

test('a task role whose trust policy refuses ecs-tasks stops the task with ECS words', async () => {
  const kit = await startKit()
  kit.aws.deny.add(`sts:AssumeRole:${TASK_ROLE}`)
  const taskArn = storeTask(kit.store, { taskRoleArn: TASK_ROLE, containers: [{ name: 'app', image: 'x', entryPoint: ['true'] }] })
  kit.agent.taskChanged(taskArn)
  const task = await waitFor(kit.store, taskArn, stopped)
  await kit.agent.stop()
  assert.equal(task.stopCode, 'TaskFailedToStart')
  assert.equal(task.stoppedReason, `ECS was unable to assume the role '${TASK_ROLE}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`)
})

test('StopTask: SIGTERM to the container, SIGKILL after its stopTimeout; UserInitiated with the reason given', async () => {
  const kit = await startKit()
  const taskArn = storeTask(kit.store, {
    executionRoleArn: EXEC_ROLE,
    containers: [
      { name: 'stubborn', image: 'x', entryPoint: ['sh', '-c'], command: ['trap "echo got TERM" TERM; echo started; while :; do sleep 0.1; done'], stopTimeout: 1, logConfiguration: awslogs },
      { name: 'polite', image: 'x', essential: false, entryPoint: ['sleep', '60'] },
    ],
  })
  kit.agent.taskChanged(taskArn)
  const task0 = await waitFor(kit.store, taskArn, (t) => t.lastStatus === 'RUNNING')
  // Stop only once the script's trap is in place (its first line is shipped).
  for (const deadline = Date.now() + 10_000; !kit.aws.streams.get(`/ecs/app/ecs/stubborn/${task0.taskId}`)?.includes('started'); ) {
    assert.ok(Date.now() < deadline, 'the stubborn container never started')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  stopStoredTask(kit.store, taskArn, 'done testing')
  kit.agent.taskChanged(taskArn)
  const started = Date.now()
  const task = await waitFor(kit.store, taskArn, stopped)
  await kit.agent.stop()
  assert.ok(Date.now() - started >= 900, 'SIGKILL came after the stop timeout')
  assert.equal(task.stopCode, 'UserInitiated')
  assert.equal(task.stoppedReason, 'done testing')
  assert.equal(task.containers.find((c) => c.name === 'stubborn')!.exitCode, 137)
  assert.equal(task.containers.find((c) => c.name === 'polite')!.exitCode, 143)
  // The whole group got SIGTERM: the loop's sleep died too (dash reports it), the trap ran, then SIGKILL.
  const lines = kit.aws.streams.get(`/ecs/app/ecs/stubborn/${task.taskId}`)!
  assert.equal(lines[0], 'started')
  assert.ok(lines.includes('got TERM'))
})

test('dependsOn: the app starts after its init container completed successfully; an EC2 task says AWS_ECS_EC2', async () => {
  const kit = await startKit()
  const taskArn = storeTask(kit.store, {
    launchType: 'EC2',
    containers: [
      { name: 'app', image: 'x', entryPoint: ['sh', '-c'], command: ['cat init.txt 2>/dev/null || echo missing; echo "$AWS_EXECUTION_ENV"'], dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] },
      { name: 'init', image: 'x', essential: false, entryPoint: ['sh', '-c'], command: ['sleep 0.3; echo initialised > "$HOME/../../app/home/init.txt"'] },
    ],
  })
  kit.agent.taskChanged(taskArn)
  const task = await waitFor(kit.store, taskArn, stopped)
  await kit.agent.stop()
  assert.equal(task.containers.find((c) => c.name === 'init')!.exitCode, 0)
  assert.equal(task.containers.find((c) => c.name === 'app')!.exitCode, 0)
  const output = readFileSync(join(kit.dataDir, 'agent', 'tasks', task.taskId, 'app', 'output.log'), 'utf8')
  assert.equal(output, 'initialised\nAWS_ECS_EC2\n')
})

test('an unknown executable stops the task with CannotStartContainerError', async () => {
  const kit = await startKit()
  const taskArn = storeTask(kit.store, { containers: [{ name: 'app', image: 'x', entryPoint: ['no-such-binary-here'] }] })
  kit.agent.taskChanged(taskArn)
  const task = await waitFor(kit.store, taskArn, stopped)
  await kit.agent.stop()
  assert.equal(task.stopCode, 'TaskFailedToStart')
  assert.match(task.stoppedReason!, /^CannotStartContainerError: .*exec: "no-such-binary-here": executable file not found in \$PATH/)
  assert.equal(task.containers[0]!.reason, task.stoppedReason)
})

test('restart is a non-event: the process survives, the same port and token answer, no log line is lost or repeated', async () => {
  const first = await startKit()
  const script = `
    let i = 0
    const tick = async () => {
      i += 1
      const n = i
      const r = await fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI, { headers: { Authorization: process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN } }).catch(() => ({ status: 'down' }))
      console.log('tick ' + n + ' ' + r.status)
      if (n === 30) process.exit(0)
    }
    setInterval(tick, 100)`
  const taskArn = storeTask(first.store, {
    taskRoleArn: TASK_ROLE,
    executionRoleArn: EXEC_ROLE,
    containers: [{ name: 'worker', image: 'x', ...node(script), logConfiguration: awslogs }],
  })
  first.agent.taskChanged(taskArn)
  await waitFor(first.store, taskArn, (t) => t.lastStatus === 'RUNNING')
  const endpoint = first.agent.credentialsEndpoint
  await new Promise((resolve) => setTimeout(resolve, 600))
  await first.agent.stop()
  // taskrole is down for a while; the worker keeps going (its fetches fail meanwhile).
  await new Promise((resolve) => setTimeout(resolve, 500))
  const second = await startKit({ store: first.store, dataDir: first.dataDir, aws: first.aws })
  assert.equal(second.agent.credentialsEndpoint, endpoint)
  const task = await waitFor(second.store, taskArn, stopped)
  await second.agent.stop()
  assert.equal(task.containers[0]!.exitCode, 0)
  const lines = first.aws.streams.get(`/ecs/app/ecs/worker/${task.taskId}`)!
  assert.deepEqual(lines.map((l) => Number(l.split(' ')[1])), Array.from({ length: 30 }, (_, i) => i + 1))
  assert.ok(lines.at(-1)!.endsWith(' 200'), 'fetches after the restart succeed with the same token')
  // Stopped task: its credentials id is gone (InvalidIdInRequest), as ECS deletes them.
  assert.equal(second.store.documents.collection('agent.credentials').scan().length, 0)
})

test('credentials are re-assumed before expiry under the same id', async () => {
  const kit = await startKit({ seconds: 4 })
  const taskArn = storeTask(kit.store, { taskRoleArn: TASK_ROLE, containers: [{ name: 'app', image: 'x', entryPoint: ['sleep', '30'] }] })
  kit.agent.taskChanged(taskArn)
  await waitFor(kit.store, taskArn, (t) => t.lastStatus === 'RUNNING')
  const stateOf = () => kit.store.documents.collection<any>('agent.credentials').scan()[0]!.value
  const before = stateOf()
  await new Promise((resolve) => setTimeout(resolve, 2600))
  const later = stateOf()
  assert.equal(later.credentialsId, before.credentialsId)
  assert.notEqual(later.accessKeyId, before.accessKeyId)
  assert.equal(kit.aws.calls.filter((c) => c.operation === 'AssumeRole').length, 2)
  stopStoredTask(kit.store, taskArn)
  kit.agent.taskChanged(taskArn)
  await waitFor(kit.store, taskArn, stopped)
  await kit.agent.stop()
})

test('reset kills every container and forgets every task', async () => {
  const kit = await startKit()
  const taskArn = storeTask(kit.store, { taskRoleArn: TASK_ROLE, containers: [{ name: 'app', image: 'x', entryPoint: ['sleep', '60'] }] })
  kit.agent.taskChanged(taskArn)
  await waitFor(kit.store, taskArn, (t) => t.lastStatus === 'RUNNING')
  const pid = kit.store.documents.collection<any>('agent.task').scan()[0]!.value.containers[0].pid as number
  await kit.agent.reset()
  await new Promise((resolve) => setTimeout(resolve, 100))
  assert.throws(() => process.kill(pid, 0))
  assert.equal(kit.store.documents.collection('agent.task').scan().length, 0)
  assert.equal(kit.store.documents.collection('agent.credentials').scan().length, 0)
  await kit.agent.stop()
  void ECS_COLLECTIONS
})
