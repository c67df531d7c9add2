//! What a container sees: the credentials provider's answers (token required on loopback, bound to the task's
//! credentials id; the agent's exact error bodies), task metadata v4, and an environment holding nothing of the
//! host's — not its AWS credentials, profile or TASKROLE_* variables (MISSION §1, research §1.3-§1.4, §3, §4).
import assert from 'node:assert/strict'
import { StopTaskCommand } from '@aws-sdk/client-ecs'
import { after, before, test } from 'node:test'
import { newAccount } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { lineAfter, logLines, runFargateTask, taskId, taskWorld, waitForLine, waitForTask } from './agent-kit.js'

let server: TaskroleProcess

before(async () => {
  // What a developer's shell typically holds: none of it may reach a container.
  server = await startTaskrole({
    env: {
      TASKROLE_CONFORMANCE_HOST_ONLY: 'host-only',
      AWS_ACCESS_KEY_ID: 'AKIAHOSTLEAKEDKEY000',
      AWS_SECRET_ACCESS_KEY: 'host-secret',
      AWS_SESSION_TOKEN: 'host-token',
      AWS_PROFILE: 'host-profile',
      AWS_CONFIG_FILE: '/host/.aws/config',
      AWS_SHARED_CREDENTIALS_FILE: '/host/.aws/credentials',
    },
  })
})
after(async () => {
  await server.stop()
})

/** Prints one line per probe: `<NAME> <status> <framing> <body>`, framing `length=<n>` or `chunked`. */
const PROBE = `
const env = process.env
const get = async (name, url, token) => {
  const response = await fetch(url, token === undefined ? {} : { headers: { Authorization: token } })
  const framing = response.headers.get('transfer-encoding') === 'chunked' ? 'chunked' : 'length=' + response.headers.get('content-length')
  console.log(name + ' ' + response.status + ' ' + framing + ' ' + (await response.text()).replace(/\\n/g, ' '))
}
;(async () => {
  const uri = env.AWS_CONTAINER_CREDENTIALS_FULL_URI
  const token = env.AWS_CONTAINER_AUTHORIZATION_TOKEN
  await get('UNAUTH', uri)
  await get('BADTOKEN', uri, 'not-the-token')
  await get('OTHER', env.OTHER_TASK_URI, token)
  await get('EMPTY', uri.replace(/[^/]+$/, ''), token)
  await get('UNKNOWN', uri.replace(/[^/]+$/, '00000000-0000-0000-0000-000000000000'), token)
  await get('CREDS', uri, token)
  await get('CONTAINER', env.ECS_CONTAINER_METADATA_URI_V4)
  await get('TASKMETA', env.ECS_CONTAINER_METADATA_URI_V4 + '/task')
  await get('STATS', env.ECS_CONTAINER_METADATA_URI_V4 + '/stats')
  console.log('ENV ' + JSON.stringify(env))
  console.log('CWD ' + process.cwd())
})()`

const HOLDER = `
console.log('URI ' + process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI)
console.log('TOKEN ' + process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN)
setTimeout(() => {}, 120000)`

test('the credentials endpoint, task metadata v4 and the clean environment, seen from a container', async () => {
  const world = await taskWorld(server.endpoint, newAccount())
  const holderArn = await runFargateTask(world, [{ name: 'holder', entryPoint: [process.execPath, '-e'], command: [HOLDER] }])
  const holderLines = await waitForLine(world, holderArn, 'holder', /^TOKEN /)
  const otherUri = lineAfter(holderLines, 'URI')
  const otherToken = lineAfter(holderLines, 'TOKEN')

  const probeArn = await runFargateTask(world, [
    {
      name: 'probe',
      entryPoint: [process.execPath, '-e'],
      command: [PROBE],
      environment: [
        { name: 'GREETING', value: 'hello from the task definition' },
        { name: 'OTHER_TASK_URI', value: otherUri },
      ],
      // Ports nobody listens on: they lengthen the task metadata past Go's 2,048-byte buffer (checked below).
      portMappings: [{ containerPort: 8080 }, { containerPort: 8081 }, { containerPort: 8443 }],
    },
  ])
  const probe = await waitForTask(world, probeArn, 'STOPPED')
  assert.equal(probe.containers![0]!.exitCode, 0)
  const lines = await logLines(world, probeArn, 'probe')
  const answer = (name: string) => {
    const [status, , ...body] = lineAfter(lines, name).split(' ')
    return { status: Number(status), body: body.join(' ') }
  }
  // Framed as the agent's Go server frames them: a Content-Length under 2,048 bytes, chunked from there on.
  for (const name of ['UNAUTH', 'UNKNOWN', 'CREDS', 'CONTAINER', 'TASKMETA', 'STATS']) {
    const framing = lineAfter(lines, name).split(' ')[1]
    const bytes = Buffer.byteLength(answer(name).body)
    assert.equal(framing, bytes < 2048 ? `length=${bytes}` : 'chunked', `${name}: ${framing}, ${bytes} bytes`)
  }
  assert.ok(Buffer.byteLength(answer('TASKMETA').body) >= 2048, `the task metadata goes chunked: ${Buffer.byteLength(answer('TASKMETA').body)} bytes`)

  // taskrole's token check (real ECS has none; on a shared loopback it keeps other processes out).
  assert.equal(answer('UNAUTH').status, 401)
  assert.equal(answer('BADTOKEN').status, 403)
  // A container's token does not open another task's credentials, even with their id.
  assert.equal(answer('OTHER').status, 403)
  // The agent's own error answers, byte for byte (research §1.4).
  assert.deepEqual(answer('EMPTY'), { status: 400, body: '{"code":"NoIdInRequest","message":"CredentialsV2Request: No Credential ID in the request","HTTPErrorCode":400}' })
  assert.deepEqual(answer('UNKNOWN'), { status: 400, body: '{"code":"InvalidIdInRequest","message":"CredentialsV2Request: Credentials not found","HTTPErrorCode":400}' })

  const creds = answer('CREDS')
  assert.equal(creds.status, 200)
  const body = JSON.parse(creds.body)
  assert.deepEqual(Object.keys(body), ['RoleArn', 'AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'])
  assert.equal(body.RoleArn, world.taskRole.arn)
  assert.match(body.AccessKeyId, /^ASIA[A-Z0-9]{16}$/)
  assert.match(body.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  const hours = (Date.parse(body.Expiration) - Date.now()) / 3_600_000
  assert.ok(hours > 5.8 && hours <= 6, `six-hour task credentials, got ${hours.toFixed(2)} h`)

  const container = JSON.parse(answer('CONTAINER').body)
  assert.equal(container.Name, 'probe')
  assert.equal(container.DockerId, probe.containers![0]!.runtimeId)
  assert.match(container.DockerId, new RegExp(`^${taskId(probeArn)}-\\d{10}$`))
  assert.equal(container.Labels['com.amazonaws.ecs.task-arn'], probeArn)
  assert.equal(container.ContainerARN, probe.containers![0]!.containerArn)
  assert.equal(container.LogOptions['awslogs-stream'], `ecs/probe/${taskId(probeArn)}`)
  const meta = JSON.parse(answer('TASKMETA').body)
  assert.equal(meta.TaskARN, probeArn)
  assert.equal(meta.Cluster, probe.clusterArn)
  assert.equal(meta.Revision, '1')
  assert.equal(meta.LaunchType, 'FARGATE')
  assert.deepEqual(meta.Limits, { CPU: 0.25, Memory: 512 })
  assert.deepEqual(
    meta.Containers.map((c: { Name: string }) => c.Name),
    ['probe'],
  )
  const stats = JSON.parse(answer('STATS').body)
  assert.ok(stats.memory_stats.usage > 0 && stats.cpu_stats.online_cpus > 0, answer('STATS').body)

  const env = JSON.parse(lineAfter(lines, 'ENV'))
  assert.deepEqual(
    Object.keys(env)
      .filter((name) => name !== 'LANG')
      .sort(),
    [
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
      'OTHER_TASK_URI',
      'PATH',
    ],
  )
  assert.equal(env.AWS_ENDPOINT_URL, server.endpoint)
  assert.equal(env.AWS_EXECUTION_ENV, 'AWS_ECS_FARGATE')
  assert.equal(lineAfter(lines, 'CWD'), env.HOME)
  assert.notEqual(env.HOME, process.env.HOME)

  // Stopping the holder deletes its credentials: its own token now gets InvalidIdInRequest, as on ECS.
  const live = await fetch(otherUri, { headers: { Authorization: otherToken } })
  assert.equal(live.status, 200)
  // Framed with a Content-Length, as the agent's Go server frames an answer this small, never chunked.
  assert.equal(live.headers.get('transfer-encoding'), null)
  assert.equal(Number(live.headers.get('content-length')), Buffer.byteLength(await live.text()))
  await world.clients.ecs.send(new StopTaskCommand({ cluster: world.cluster, task: holderArn }))
  const holder = await waitForTask(world, holderArn, 'STOPPED')
  assert.equal(holder.stopCode, 'UserInitiated')
  assert.equal(holder.stoppedReason, 'Task stopped by user')
  const gone = await fetch(otherUri, { headers: { Authorization: otherToken } })
  assert.equal(gone.status, 400)
  assert.equal(((await gone.json()) as { code: string }).code, 'InvalidIdInRequest')
})
