//! KMS with real clients: a key's lifecycle with the aws CLI (aliases, real encryption with encryption context,
//! data keys, disable/enable, scheduled deletion), key policies enforced with the SDK v3 (the default policy
//! delegates to IAM; a policy that does not grant the account refuses even its root user), AWS managed keys,
//! and every bad input answered with KMS's error while nothing changes.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { DecryptCommand, DescribeKeyCommand, EncryptCommand, KMSClient, CreateKeyCommand, PutKeyPolicyCommand } from '@aws-sdk/client-kms'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { allow, cloudTrailText, fails, file, ok, userWith } from './kms-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function kmsClient(who: ClientIdentity): KMSClient {
  return new KMSClient({
    endpoint: who.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey, sessionToken: who.sessionToken },
    maxAttempts: 1,
  })
}

test('aws CLI: create, alias, encrypt and decrypt with an encryption context, data keys, disable, delete', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const key = ok(['kms', 'create-key', '--description', 'app key'], root).KeyMetadata
  assert.equal(key.Arn, `arn:aws:kms:us-east-1:${account}:key/${key.KeyId}`)
  assert.equal(key.KeyManager, 'CUSTOMER')
  const policy = JSON.parse(ok(['kms', 'get-key-policy', '--key-id', key.KeyId, '--policy-name', 'default'], root).Policy)
  assert.deepEqual(policy.Statement, [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
  ])
  ok(['kms', 'create-alias', '--alias-name', 'alias/app', '--target-key-id', key.KeyId], root)
  assert.equal(ok(['kms', 'describe-key', '--key-id', 'alias/app'], root).KeyMetadata.KeyId, key.KeyId)
  const encrypted = ok(['kms', 'encrypt', '--key-id', 'alias/app', '--plaintext', 'the-db-password', '--encryption-context', 'app=web'], root)
  assert.equal(encrypted.KeyId, key.Arn)
  const blob = file(Buffer.from(encrypted.CiphertextBlob, 'base64'), true)
  const decrypted = ok(['kms', 'decrypt', '--ciphertext-blob', blob, '--encryption-context', 'app=web'], root)
  assert.equal(Buffer.from(decrypted.Plaintext, 'base64').toString(), 'the-db-password')
  assert.equal(fails(['kms', 'decrypt', '--ciphertext-blob', blob, '--encryption-context', 'app=api'], root, 'InvalidCiphertextException'), '')
  const dataKey = ok(['kms', 'generate-data-key', '--key-id', key.Arn, '--key-spec', 'AES_256'], root)
  assert.equal(Buffer.from(dataKey.Plaintext, 'base64').length, 32)
  ok(['kms', 'disable-key', '--key-id', key.KeyId], root)
  assert.equal(fails(['kms', 'encrypt', '--key-id', key.KeyId, '--plaintext', 'x'], root, 'DisabledException'), `${key.Arn} is disabled.`)
  ok(['kms', 'enable-key', '--key-id', key.KeyId], root)
  const scheduled = ok(['kms', 'schedule-key-deletion', '--key-id', key.KeyId, '--pending-window-in-days', '7'], root)
  assert.equal(scheduled.KeyState, 'PendingDeletion')
  assert.equal(fails(['kms', 'encrypt', '--key-id', key.KeyId, '--plaintext', 'x'], root, 'KMSInvalidStateException'), `${key.Arn} is pending deletion.`)
  ok(['kms', 'cancel-key-deletion', '--key-id', key.KeyId], root)
  assert.equal(ok(['kms', 'describe-key', '--key-id', key.KeyId], root).KeyMetadata.KeyState, 'Disabled')
  assert.deepEqual(ok(['kms', 'list-keys'], root).Keys, [{ KeyId: key.KeyId, KeyArn: key.Arn }])
  // Plaintexts and data keys are not in CloudTrail.
  const trail = cloudTrailText(root)
  assert.ok(trail.includes('"eventName":"Decrypt"'))
  assert.equal(trail.includes('the-db-password'), false)
  assert.equal(trail.includes(dataKey.Plaintext), false)
})

test('SDK v3: the default key policy delegates to IAM, so a user needs an identity policy', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const key = (await kmsClient(root).send(new CreateKeyCommand({}))).KeyMetadata!
  const bare = userWith(root, 'bare')
  await assert.rejects(kmsClient(bare.identity).send(new EncryptCommand({ KeyId: key.Arn!, Plaintext: Buffer.from('x') })), (error: any) => {
    assert.equal(error.name, 'AccessDeniedException')
    assert.equal(error.message, `User: ${bare.arn} is not authorized to perform: kms:Encrypt on resource: ${key.Arn} because no identity-based policy allows the kms:Encrypt action`)
    return true
  })
  const allowed = userWith(root, 'allowed', { kms: allow(['kms:Encrypt', 'kms:Decrypt'], key.Arn!) })
  const client = kmsClient(allowed.identity)
  const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: key.KeyId!, Plaintext: Buffer.from('secret') }))
  const { Plaintext } = await client.send(new DecryptCommand({ CiphertextBlob }))
  assert.equal(Buffer.from(Plaintext!).toString(), 'secret')
})

test('SDK v3: a key policy that does not grant the account refuses even root and admins; lockout is checked', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const admin = userWith(root, 'admin', { all: allow('*') })
  const foreign = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${newAccount()}:root` }, Action: 'kms:*', Resource: '*' }],
  })
  await assert.rejects(kmsClient(root).send(new CreateKeyCommand({ Policy: foreign })), (error: any) => {
    assert.equal(error.name, 'MalformedPolicyDocumentException')
    assert.equal(error.message, 'The new key policy will not allow you to update the key policy in the future.')
    return true
  })
  const key = (await kmsClient(root).send(new CreateKeyCommand({ Policy: foreign, BypassPolicyLockoutSafetyCheck: true }))).KeyMetadata!
  for (const who of [root, admin.identity]) {
    await assert.rejects(kmsClient(who).send(new DescribeKeyCommand({ KeyId: key.Arn })), (error: any) => error.name === 'AccessDeniedException')
    await assert.rejects(
      kmsClient(who).send(new PutKeyPolicyCommand({ KeyId: key.Arn, PolicyName: 'default', Policy: foreign, BypassPolicyLockoutSafetyCheck: true })),
      (error: any) => error.name === 'AccessDeniedException',
    )
  }
})

test('boto3: the AWS managed key aws/ssm exists on first use, readable but not usable directly', () => {
  const account = newAccount()
  const result = boto3(
    `
import boto3, json
kms = boto3.client("kms")
before = [a.get("TargetKeyId") for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/ssm"]
meta = kms.describe_key(KeyId="alias/aws/ssm")["KeyMetadata"]
policy = json.loads(kms.get_key_policy(KeyId=meta["KeyId"], PolicyName="default")["Policy"])
try:
    kms.encrypt(KeyId="alias/aws/ssm", Plaintext=b"x")
    direct = "allowed"
except kms.exceptions.ClientError as e:
    direct = e.response["Error"]["Code"]
print(json.dumps({"before": before, "manager": meta["KeyManager"], "policyId": policy["Id"], "direct": direct}))
`,
    rootOf(server.endpoint, account),
  )
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(result.json, { before: [null], manager: 'AWS', policyId: 'auto-ssm-1', direct: 'AccessDeniedException' })
})

test('bad requests get KMS’s errors and change nothing', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const key = ok(['kms', 'create-key'], root).KeyMetadata
  ok(['kms', 'create-alias', '--alias-name', 'alias/app', '--target-key-id', key.KeyId], root)
  const missing = '1234abcd-12ab-34cd-56ef-1234567890ab'
  assert.equal(fails(['kms', 'describe-key', '--key-id', 'not-a-key'], root, 'NotFoundException'), "Invalid keyId 'not-a-key'")
  assert.equal(fails(['kms', 'describe-key', '--key-id', missing], root, 'NotFoundException'), `Key 'arn:aws:kms:us-east-1:${account}:key/${missing}' does not exist`)
  assert.equal(fails(['kms', 'describe-key', '--key-id', 'alias/none'], root, 'NotFoundException'), `Alias arn:aws:kms:us-east-1:${account}:alias/none is not found.`)
  assert.equal(
    fails(['kms', 'create-alias', '--alias-name', 'app2', '--target-key-id', key.KeyId], root, 'ValidationException'),
    'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  )
  assert.equal(
    fails(['kms', 'create-alias', '--alias-name', 'alias/app', '--target-key-id', key.KeyId], root, 'AlreadyExistsException'),
    `An alias with the name arn:aws:kms:us-east-1:${account}:alias/app already exists`,
  )
  fails(['kms', 'create-alias', '--alias-name', 'alias/aws/mine', '--target-key-id', key.KeyId], root, 'NotAuthorizedException')
  fails(['kms', 'put-key-policy', '--key-id', key.KeyId, '--policy-name', 'default', '--policy', '{"Version":"2012-10-17","Statement":['], root, 'MalformedPolicyDocumentException')
  fails(['kms', 'schedule-key-deletion', '--key-id', key.KeyId, '--pending-window-in-days', '3'], root, 'ValidationException')
  fails(['kms', 'generate-data-key', '--key-id', key.KeyId], root, 'ValidationException')
  fails(['kms', 'create-key', '--key-spec', 'RSA_2048', '--key-usage', 'SIGN_VERIFY'], root, 'UnsupportedOperationException')
  assert.deepEqual(ok(['kms', 'list-keys'], root).Keys.map((k: any) => k.KeyId), [key.KeyId])
  const described = ok(['kms', 'describe-key', '--key-id', key.KeyId], root).KeyMetadata
  assert.equal(described.KeyState, 'Enabled')
  assert.equal(JSON.parse(ok(['kms', 'get-key-policy', '--key-id', key.KeyId, '--policy-name', 'default'], root).Policy).Id, 'key-default-1')
  assert.deepEqual(ok(['kms', 'list-aliases', '--key-id', key.KeyId], root).Aliases.map((a: any) => a.AliasName), ['alias/app'])
})
