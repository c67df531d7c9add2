//! SecureString parameters and Secrets Manager references, with real clients, as the ECS agent reads them for
//! an execution role (GetParameters, WithDecryption): alias/aws/ssm needs no KMS permission, a customer managed
//! key needs kms:Decrypt (and kms:Encrypt to write), and /aws/reference/secretsmanager/<name> needs
//! secretsmanager:GetSecretValue on the secret besides ssm:GetParameters.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { allow, cloudTrailText, fails, ok, roleSession } from './kms-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function ssmClient(who: ClientIdentity): SSMClient {
  return new SSMClient({
    endpoint: who.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey, sessionToken: who.sessionToken },
    maxAttempts: 1,
  })
}

test('SDK v3: an execution role reads SecureStrings; a customer managed key needs kms:Decrypt', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const key = ok(['kms', 'create-key'], root).KeyMetadata
  ok(['ssm', 'put-parameter', '--name', '/task/managed', '--value', 'managed-sv', '--type', 'SecureString'], root)
  ok(['ssm', 'put-parameter', '--name', '/task/customer', '--value', 'customer-sv', '--type', 'SecureString', '--key-id', key.KeyId], root)
  const role = roleSession(root, account, 'ecsTaskExecutionRole', { ssm: allow('ssm:GetParameters', `arn:aws:ssm:us-east-1:${account}:parameter/task/*`) })
  const client = ssmClient(role.identity)
  const managed = await client.send(new GetParametersCommand({ Names: ['/task/managed'], WithDecryption: true }))
  assert.equal(managed.Parameters![0]!.Value, 'managed-sv')
  await assert.rejects(client.send(new GetParametersCommand({ Names: ['/task/customer'], WithDecryption: true })), (error: any) => {
    assert.equal(error.name, 'AccessDeniedException')
    assert.match(error.message, new RegExp(`^User: ${role.arn} is not authorized to perform: kms:Decrypt on resource: ${key.Arn} `))
    assert.match(error.message, /\(Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException; Request ID: [0-9a-f-]+; Proxy: null\)$/)
    return true
  })
  const withKms = roleSession(root, account, 'withKms', {
    ssm: allow('ssm:GetParameters', `arn:aws:ssm:us-east-1:${account}:parameter/task/*`),
    kms: allow('kms:Decrypt', key.Arn),
  })
  const both = await ssmClient(withKms.identity).send(new GetParametersCommand({ Names: ['/task/managed', '/task/customer'], WithDecryption: true }))
  assert.deepEqual(both.Parameters!.map((p) => p.Value), ['managed-sv', 'customer-sv'])
  assert.equal(cloudTrailText(root).includes('customer-sv'), false)
})

test('aws CLI: writing a SecureString under a customer managed key needs kms:Encrypt', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const key = ok(['kms', 'create-key'], root).KeyMetadata
  const writer = roleSession(root, account, 'writer', { ssm: allow(['ssm:PutParameter', 'ssm:GetParameter']) })
  assert.match(fails(['ssm', 'put-parameter', '--name', '/w', '--value', 'v', '--type', 'SecureString', '--key-id', key.Arn], writer.identity, 'AccessDeniedException'), /kms:Encrypt/)
  fails(['ssm', 'get-parameter', '--name', '/w'], root, 'ParameterNotFound')
  assert.equal(ok(['ssm', 'put-parameter', '--name', '/w', '--value', 'v', '--type', 'SecureString'], writer.identity).Version, 1)
  assert.equal(ok(['ssm', 'get-parameter', '--name', '/w', '--with-decryption'], writer.identity).Parameter.Value, 'v')
})

test('boto3: a Secrets Manager reference through Parameter Store', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const secret = ok(['secretsmanager', 'create-secret', '--name', 'prod/db', '--secret-string', '{"password":"ref-pw"}'], root)
  const reader = roleSession(root, account, 'reader', {
    ssm: allow('ssm:GetParameters', `arn:aws:ssm:us-east-1:${account}:parameter/aws/reference/secretsmanager/*`),
    // On every secret: for one that does not exist, authorization comes before "not found".
    sm: allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${account}:secret:*`),
  })
  const ssmOnly = roleSession(root, account, 'ssmOnly', { ssm: allow('ssm:GetParameters') })
  const script = `
import boto3, json
ssm = boto3.client("ssm")
out = {}
try:
    got = ssm.get_parameters(Names=["/aws/reference/secretsmanager/prod/db", "/aws/reference/secretsmanager/none"], WithDecryption=True)
    out["got"] = [[p["Name"], p["Type"], p["Value"], p["ARN"]] for p in got["Parameters"]]
    out["invalid"] = got["InvalidParameters"]
except ssm.exceptions.ClientError as e:
    out["error"] = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
try:
    ssm.get_parameters(Names=["/aws/reference/secretsmanager/prod/db"])
except ssm.exceptions.ClientError as e:
    out["plain"] = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
print(json.dumps(out))
`
  const allowed = boto3(script, reader.identity)
  assert.equal(allowed.code, 0, allowed.stderr)
  assert.deepEqual(allowed.json, {
    got: [['/aws/reference/secretsmanager/prod/db', 'SecureString', '{"password":"ref-pw"}', secret.ARN]],
    invalid: ['/aws/reference/secretsmanager/none'],
    plain: ['ValidationException', 'WithDecryption flag must be True for retrieving a Secret Manager secret.'],
  })
  const refused = boto3(script, ssmOnly.identity)
  assert.equal(refused.code, 0, refused.stderr)
  assert.equal(refused.json.error[0], 'AccessDeniedException')
  assert.match(refused.json.error[1], new RegExp(`is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret.ARN}`))
  assert.equal(cloudTrailText(root).includes('ref-pw'), false)
})
