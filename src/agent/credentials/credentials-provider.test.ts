import assert from 'node:assert/strict'
import type { Server } from 'node:http'
import { after, before, test } from 'node:test'
import { systemClock } from '../../aws/index.js'
import { openStore } from '../../store/index.js'
import { agentRecords } from '../agent-records.js'
import { createAgentServer, listen } from '../agent-server.js'
import { createAgentAwsClient } from '../aws-client.js'
import { ContainerStats } from '../metadata/container-stats.js'
import { createFakeAws } from '../testing/fake-aws.js'
import { TaskCredentials } from './task-credentials.js'

const store = openStore(':memory:')
const aws = createFakeAws(store, systemClock)
const credentials = new TaskCredentials({
  records: agentRecords(store).credentials,
  aws: createAgentAwsClient(aws.dispatcher),
  clock: systemClock,
  lifetimeSeconds: 21600,
  log: () => {},
})
const request = {
  taskArn: 'arn:aws:ecs:us-east-1:111122223333:task/default/0123456789abcdef0123456789abcdef',
  accountId: '111122223333',
  region: 'us-east-1',
  sessionName: '0123456789abcdef0123456789abcdef',
}
const taskRole = credentials.issue({ ...request, roleArn: 'arn:aws:iam::111122223333:role/app', roleType: 'TaskApplication' })
const otherTask = credentials.issue({ ...request, roleArn: 'arn:aws:iam::111122223333:role/other', roleType: 'TaskApplication' })
const execution = credentials.issue({ ...request, roleArn: 'arn:aws:iam::111122223333:role/exec', roleType: 'TaskExecution' })
credentials.addToken(taskRole.credentialsId, 'token-a')
credentials.addToken(otherTask.credentialsId, 'token-b')
credentials.addToken(execution.credentialsId, 'token-c')

const metadata = { find: () => undefined, isRunning: () => false }
const servers: Server[] = []
let loopback = ''
let linkLocal = ''
before(async () => {
  for (const link of [false, true]) {
    const server = createAgentServer({ credentials, metadata, stats: new ContainerStats() }, link)
    servers.push(server)
    const port = await listen(server, '127.0.0.1', 0)
    if (link) linkLocal = `http://127.0.0.1:${port}`
    else loopback = `http://127.0.0.1:${port}`
  }
})
after(() => {
  for (const server of servers) server.close()
  credentials.close()
})

async function get(url: string, token?: string) {
  const response = await fetch(url, token === undefined ? {} : { headers: { Authorization: token } })
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() }
}

test('with its token: the task role credentials, in the agent exact JSON', async () => {
  const answer = await get(`${loopback}/v2/credentials/${taskRole.credentialsId}`, 'token-a')
  assert.equal(answer.status, 200)
  assert.equal(answer.type, 'application/json')
  const expected =
    `{"RoleArn":"arn:aws:iam::111122223333:role/app","AccessKeyId":"${taskRole.accessKeyId}","SecretAccessKey":"${taskRole.secretAccessKey}",` +
    `"Token":"${taskRole.sessionToken}","Expiration":"${taskRole.expiration}"}`
  assert.equal(answer.body, expected)
  assert.match(taskRole.expiration!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  const hours = (Date.parse(taskRole.expiration!) - Date.now()) / 3_600_000
  assert.ok(hours > 5.9 && hours <= 6, `six-hour session, got ${hours}`)
})

test('the legacy /v1/credentials?id= route answers the same', async () => {
  const answer = await get(`${loopback}/v1/credentials?id=${taskRole.credentialsId}`, 'token-a')
  assert.equal(answer.status, 200)
  assert.equal(JSON.parse(answer.body).AccessKeyId, taskRole.accessKeyId)
})

test('the agent error answers, byte for byte', async () => {
  assert.deepEqual(await get(`${loopback}/v2/credentials/`, 'token-a'), {
    status: 400,
    type: 'application/json',
    body: '{"code":"NoIdInRequest","message":"CredentialsV2Request: No Credential ID in the request","HTTPErrorCode":400}',
  })
  assert.deepEqual(await get(`${loopback}/v2/credentials/not-an-id`, 'token-a'), {
    status: 400,
    type: 'application/json',
    body: '{"code":"InvalidIdInRequest","message":"CredentialsV2Request: Credentials not found","HTTPErrorCode":400}',
  })
  assert.deepEqual(await get(`${loopback}/v1/credentials`, 'token-a'), {
    status: 400,
    type: 'application/json',
    body: '{"code":"NoIdInRequest","message":"CredentialsV1Request: No Credential ID in the request","HTTPErrorCode":400}',
  })
  const unknownRoute = await get(`${loopback}/v2/credentials`)
  assert.equal(unknownRoute.status, 404)
})

test('a missing or wrong token is refused (4xx); one task token cannot read another task credentials', async () => {
  const url = `${loopback}/v2/credentials/${taskRole.credentialsId}`
  const none = await get(url)
  assert.equal(none.status, 401)
  assert.equal(JSON.parse(none.body).code, 'NoAuthorizationToken')
  assert.equal((await get(url, 'wrong')).status, 403)
  assert.equal((await get(url, 'token-b')).status, 403)
  assert.equal((await get(`${loopback}/v2/credentials/${otherTask.credentialsId}`, 'token-a')).status, 403)
})

test('execution-role credentials are served to no container, with or without a token', async () => {
  assert.equal((await get(`${loopback}/v2/credentials/${execution.credentialsId}`, 'token-c')).status, 400)
  assert.equal((await get(`${linkLocal}/v2/credentials/${execution.credentialsId}`)).status, 400)
})

test('on the link-local listener the id alone suffices, as on ECS', async () => {
  const answer = await get(`${linkLocal}/v2/credentials/${taskRole.credentialsId}`)
  assert.equal(answer.status, 200)
  assert.equal(JSON.parse(answer.body).RoleArn, 'arn:aws:iam::111122223333:role/app')
})

test('a revoked id (stopped task) is InvalidIdInRequest', async () => {
  const temporary = credentials.issue({ ...request, roleArn: 'arn:aws:iam::111122223333:role/app', roleType: 'TaskApplication' })
  credentials.addToken(temporary.credentialsId, 'token-t')
  assert.equal((await get(`${loopback}/v2/credentials/${temporary.credentialsId}`, 'token-t')).status, 200)
  credentials.revoke(temporary.credentialsId)
  const answer = await get(`${loopback}/v2/credentials/${temporary.credentialsId}`, 'token-t')
  assert.equal(answer.status, 400)
  assert.equal(JSON.parse(answer.body).code, 'InvalidIdInRequest')
})

test('an unknown metadata endpoint id is a 404 with the agent JSON string', async () => {
  const answer = await get(`${loopback}/v4/abc/task`)
  assert.equal(answer.status, 404)
  assert.equal(JSON.parse(answer.body), 'V4 task metadata handler: unable to get task arn from request: unable to get task Arn from v3 endpoint ID: abc')
})
