//! Secrets and private-registry credentials fetched with the execution role before containers start (MISSION §2):
//! kms:Decrypt is needed only for a customer managed key, never for the AWS managed aws/secretsmanager key;
//! repositoryCredentials need secretsmanager:GetSecretValue; values reach the container, never the trail or ECS.
import assert from 'node:assert/strict'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import { DescribeTasksCommand } from '@aws-sdk/client-ecs'
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { after, before, test } from 'node:test'
import { newAccount } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { logLines, taskWorld, unique, type TaskWorld } from './agent-kit.js'
import { LOGS_STATEMENT, executionRole, expectExitedCleanly, expectFailedToStart, policy, putPolicy, runWith } from './execution-role-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function config(account: string) {
  return { endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' }, maxAttempts: 1 }
}

async function createSecret(world: TaskWorld, value: string, kmsKeyId?: string): Promise<string> {
  const sm = new SecretsManagerClient(config(world.clients.account))
  const out = await sm.send(new CreateSecretCommand({ Name: unique('app-secret'), SecretString: value, KmsKeyId: kmsKeyId }))
  return out.ARN!
}

const printSecret = (name: string) => ({ command: [`echo "${name}=$${name}"`] })

test('an AWS managed key needs no kms:Decrypt; a customer managed key fails without it and runs with it', async () => {
  const account = newAccount()
  const world = await taskWorld(server.endpoint, account)
  const key = (await new KMSClient(config(account)).send(new CreateKeyCommand({ Description: 'app secrets' }))).KeyMetadata!
  const managedValue = unique('managed-value')
  const cmkValue = unique('cmk-value')
  const managedSecret = await createSecret(world, managedValue)
  const cmkSecret = await createSecret(world, cmkValue, key.Arn)
  const role = await executionRole(world, {
    logs: policy(LOGS_STATEMENT),
    secrets: policy({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [managedSecret, cmkSecret] }),
  })

  const managedTask = await runWith(world, role.arn, { ...printSecret('MANAGED'), secrets: [{ name: 'MANAGED', valueFrom: managedSecret }] })
  await expectExitedCleanly(world, managedTask)
  assert.deepEqual(await logLines(world, managedTask, 'app'), [`MANAGED=${managedValue}`])

  const cmkContainer = { ...printSecret('CMK'), secrets: [{ name: 'CMK', valueFrom: cmkSecret }] }
  const why = await expectFailedToStart(world, await runWith(world, role.arn, cmkContainer))
  assert.match(why, /ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: /, why)
  assert.ok(why.includes(`failed to fetch secret ${cmkSecret} from secrets manager: AccessDeniedException: Access to KMS is not allowed`), why)
  assert.ok(!why.includes(cmkValue), 'the stop reason never carries the value')

  await putPolicy(world, role.name, 'decrypt', policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: key.Arn }))
  const cmkTask = await runWith(world, role.arn, cmkContainer)
  const stopped = await expectExitedCleanly(world, cmkTask)
  assert.deepEqual(await logLines(world, cmkTask, 'app'), [`CMK=${cmkValue}`])

  // Values reach the container only: not the task description, not the trail's GetSecretValue records.
  const described = await world.clients.ecs.send(new DescribeTasksCommand({ cluster: world.cluster, tasks: [stopped.taskArn!] }))
  assert.ok(!JSON.stringify(described).includes(cmkValue), 'describe-tasks does not reveal the value')
  const trail = await new CloudTrailClient(config(account)).send(
    new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'GetSecretValue' }] }),
  )
  const records = (trail.Events ?? []).map((e) => e.CloudTrailEvent!)
  assert.ok(records.some((r) => r.includes(`assumed-role/${role.name}/`)), 'GetSecretValue was made by the execution role session')
  for (const record of records) assert.ok(!record.includes(cmkValue) && !record.includes(managedValue), 'the trail never carries the value')
})

test('private registry auth: repositoryCredentials need GetSecretValue on the credentials secret', async () => {
  const account = newAccount()
  const world = await taskWorld(server.endpoint, account)
  const credentials = await createSecret(world, JSON.stringify({ username: 'robot', password: unique('registry-password') }))
  const malformed = await createSecret(world, JSON.stringify({ username: 'robot' }))
  const role = await executionRole(world, { logs: policy(LOGS_STATEMENT) })
  const container = (secret: string) => ({
    image: 'registry.example.com/team/app:1.0',
    repositoryCredentials: { credentialsParameter: secret },
    command: ['echo authenticated'],
  })

  const denied = await expectFailedToStart(world, await runWith(world, role.arn, container(credentials)))
  assert.ok(denied.includes(`ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve private registry auth from asm: asm fetching secret from the service for ${credentials}: AccessDeniedException: `), denied)
  assert.match(denied, /is not authorized to perform: secretsmanager:GetSecretValue on resource: /, denied)

  await putPolicy(world, role.name, 'registry', policy({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [credentials, malformed] }))
  const task = await runWith(world, role.arn, container(credentials))
  await expectExitedCleanly(world, task)
  assert.deepEqual(await logLines(world, task, 'app'), ['authenticated'])

  const invalid = await expectFailedToStart(world, await runWith(world, role.arn, container(malformed)))
  assert.match(invalid, /asm fetching password: AuthorizationData is malformed, empty field/, invalid)
})

test('Parameter Store by name and by ARN, a reference to Secrets Manager, and a missing JSON key', async () => {
  const account = newAccount()
  const world = await taskWorld(server.endpoint, account)
  const ssm = new SSMClient(config(account))
  const name = `/${unique('app')}/token`
  await ssm.send(new PutParameterCommand({ Name: name, Type: 'SecureString', Value: 'tok-1' }))
  await ssm.send(new PutParameterCommand({ Name: 'plain-setting', Type: 'String', Value: 'plain-1' }))
  const secretArn = await createSecret(world, '{"password":"pw-1"}')
  const secretName = secretArn.split(':secret:')[1]!.slice(0, -7)
  const role = await executionRole(world, {
    logs: policy(LOGS_STATEMENT),
    read: policy(
      { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: '*' },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secretArn },
    ),
  })
  const task = await runWith(world, role.arn, {
    command: ['echo "$BY_NAME $BY_ARN $PLAIN $VIA_SSM"'],
    secrets: [
      { name: 'BY_NAME', valueFrom: name },
      { name: 'BY_ARN', valueFrom: `arn:aws:ssm:us-east-1:${account}:parameter${name}` },
      { name: 'PLAIN', valueFrom: `arn:aws:ssm:us-east-1:${account}:parameter/plain-setting` },
      { name: 'VIA_SSM', valueFrom: `/aws/reference/secretsmanager/${secretName}` },
    ],
  })
  await expectExitedCleanly(world, task)
  assert.deepEqual(await logLines(world, task, 'app'), ['tok-1 tok-1 plain-1 {"password":"pw-1"}'])

  const missingKey = await expectFailedToStart(world, await runWith(world, role.arn, { command: ['true'], secrets: [{ name: 'X', valueFrom: `${secretArn}:username::` }] }))
  assert.match(missingKey, /retrieved secret from Secrets Manager did not contain json key username/, missingKey)
  const unknown = await expectFailedToStart(world, await runWith(world, role.arn, { command: ['true'], secrets: [{ name: 'X', valueFrom: '/no/such/parameter' }] }))
  assert.match(unknown, /unable to retrieve secrets from ssm: invalid parameters: \/no\/such\/parameter/, unknown)
})
