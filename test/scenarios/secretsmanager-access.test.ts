//! Who may read a secret, with real clients: an execution-role-like session allowed GetSecretValue reads a
//! secret under the AWS managed key but is refused one under a customer managed key until it may kms:Decrypt it
//! ("Access to KMS is not allowed"); a key policy that does not grant the account locks even root out; a
//! secret policy grants a user of the account on its own and, with a shared customer managed key and the
//! caller's own identity policy, a role of another account (both sides checked).
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms'
import { CreateSecretCommand, GetSecretValueCommand, PutResourcePolicyCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { allow, fails, ok, roleSession, userWith } from './kms-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function config(who: ClientIdentity) {
  return {
    endpoint: who.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey, sessionToken: who.sessionToken },
    maxAttempts: 1,
  }
}

test('a role allowed GetSecretValue but not kms:Decrypt: AWS managed key yes, customer managed key no', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const key = ok(['kms', 'create-key'], root).KeyMetadata
  ok(['secretsmanager', 'create-secret', '--name', 'managed', '--secret-string', 'm'], root)
  ok(['secretsmanager', 'create-secret', '--name', 'customer', '--secret-string', 'c', '--kms-key-id', key.Arn], root)
  const role = roleSession(root, account, 'ecsTaskExecutionRole', { secrets: allow('secretsmanager:GetSecretValue') })
  assert.equal(ok(['secretsmanager', 'get-secret-value', '--secret-id', 'managed'], role.identity).SecretString, 'm')
  assert.equal(fails(['secretsmanager', 'get-secret-value', '--secret-id', 'customer'], role.identity, 'AccessDeniedException'), 'Access to KMS is not allowed')
  const decrypting = roleSession(root, account, 'withDecrypt', {
    secrets: allow('secretsmanager:GetSecretValue'),
    kms: allow('kms:Decrypt', key.Arn, { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } }),
  })
  assert.equal(ok(['secretsmanager', 'get-secret-value', '--secret-id', 'customer'], decrypting.identity).SecretString, 'c')
  // kms:ViaService keeps that grant from working for direct KMS calls.
  const direct = fails(['kms', 'describe-key', '--key-id', key.Arn], decrypting.identity, 'AccessDeniedException')
  assert.match(direct, /kms:DescribeKey/)
})

test('boto3: a key policy not granting the account keeps even root from a secret under that key', () => {
  const account = newAccount()
  const other = newAccount()
  const result = boto3(
    `
import boto3, json
kms = boto3.client("kms")
sm = boto3.client("secretsmanager")
policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${other}:root"}, "Action": "kms:*", "Resource": "*"}]})
key = kms.create_key(Policy=policy, BypassPolicyLockoutSafetyCheck=True)["KeyMetadata"]
try:
    sm.create_secret(Name="locked", SecretString="x", KmsKeyId=key["Arn"])
    outcome = "created"
except sm.exceptions.ClientError as e:
    outcome = [e.response["Error"]["Code"], e.response["Error"]["Message"]]
names = [s["Name"] for s in sm.list_secrets()["SecretList"]]
print(json.dumps({"outcome": outcome, "names": names}))
`,
    rootOf(server.endpoint, account),
  )
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(result.json, { outcome: ['AccessDeniedException', 'Access to KMS is not allowed'], names: [] })
})

test('SDK v3: a secret policy grants a user of the account with no identity policy of its own', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const reader = userWith(root, 'reader')
  const owner = new SecretsManagerClient(config(root))
  await owner.send(new CreateSecretCommand({ Name: 'shared', SecretString: 'v' }))
  const client = new SecretsManagerClient(config(reader.identity))
  await assert.rejects(client.send(new GetSecretValueCommand({ SecretId: 'shared' })), (error: any) => error.name === 'AccessDeniedException')
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: reader.arn }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }
  await owner.send(new PutResourcePolicyCommand({ SecretId: 'shared', ResourcePolicy: JSON.stringify(policy) }))
  assert.equal((await client.send(new GetSecretValueCommand({ SecretId: 'shared' }))).SecretString, 'v')
})

test('SDK v3: across accounts, the secret policy, the key policy and the caller’s identity policy must all allow', async () => {
  const owner = newAccount()
  const consumer = newAccount()
  const ownerRoot = rootOf(server.endpoint, owner)
  const keyPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Owner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${owner}:root` }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Consumer', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${consumer}:root` }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  }
  const key = (await new KMSClient(config(ownerRoot)).send(new CreateKeyCommand({ Policy: JSON.stringify(keyPolicy) }))).KeyMetadata!
  const sm = new SecretsManagerClient(config(ownerRoot))
  const shared = await sm.send(new CreateSecretCommand({ Name: 'shared', SecretString: 'cross-account-value', KmsKeyId: key.Arn }))
  const managed = await sm.send(new CreateSecretCommand({ Name: 'managed', SecretString: 'managed-value' }))
  const consumerRoot = rootOf(server.endpoint, consumer)
  const role = roleSession(consumerRoot, consumer, 'consumer', {
    secrets: allow('secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${owner}:secret:*`),
    kms: allow('kms:Decrypt', key.Arn!),
  })
  const client = new SecretsManagerClient(config(role.identity))
  // The secret has no policy yet: the owner's side refuses.
  await assert.rejects(client.send(new GetSecretValueCommand({ SecretId: shared.ARN })), (error: any) => {
    assert.equal(error.name, 'AccessDeniedException')
    assert.match(error.message, /because no resource-based policy allows the secretsmanager:GetSecretValue action$/)
    return true
  })
  const secretPolicy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: role.roleArn }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }
  for (const arn of [shared.ARN, managed.ARN]) await sm.send(new PutResourcePolicyCommand({ SecretId: arn, ResourcePolicy: JSON.stringify(secretPolicy) }))
  assert.equal((await client.send(new GetSecretValueCommand({ SecretId: shared.ARN }))).SecretString, 'cross-account-value')
  // The AWS managed key cannot serve another account.
  await assert.rejects(client.send(new GetSecretValueCommand({ SecretId: managed.ARN })), (error: any) => error.message === 'Access to KMS is not allowed')
  // The consumer's side: a role of that account without an identity policy is refused.
  const bare = roleSession(consumerRoot, consumer, 'bare', { kms: allow('kms:Decrypt', key.Arn!) })
  await assert.rejects(new SecretsManagerClient(config(bare.identity)).send(new GetSecretValueCommand({ SecretId: shared.ARN })), (error: any) =>
    /no identity-based policy allows the secretsmanager:GetSecretValue action/.test(error.message),
  )
})
