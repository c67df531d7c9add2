//! Who am I, as AWS clients ask it: GetCallerIdentity for root, an IAM user, a role session and GetSessionToken
//! credentials; GetAccessKeyInfo; with the aws CLI, boto3 and the JS SDK v3 against a real server.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { GetAccessKeyInfoCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function clients(identity: ClientIdentity) {
  const config = {
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken },
  }
  return { iam: new IAMClient(config), sts: new STSClient(config) }
}

/** A user with an access key, created by the account's root user. */
async function userWithKey(account: string, userName: string): Promise<{ identity: ClientIdentity; userId: string; arn: string }> {
  const { iam } = clients(rootOf(server.endpoint, account))
  const user = await iam.send(new CreateUserCommand({ UserName: userName }))
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }))
  return {
    identity: { endpoint: server.endpoint, accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! },
    userId: user.User!.UserId!,
    arn: user.User!.Arn!,
  }
}

test('root: UserId is the account id and the ARN is :root (aws CLI)', () => {
  const account = newAccount()
  const out = awsCli(['sts', 'get-caller-identity'], rootOf(server.endpoint, account))
  assert.equal(out.code, 0, out.stderr)
  assert.deepEqual(out.json, { UserId: account, Account: account, Arn: `arn:aws:iam::${account}:root` })
})

test('an IAM user: UserId is its AIDA id (aws CLI and SDK v3)', async () => {
  const account = newAccount()
  const alice = await userWithKey(account, 'alice')
  assert.match(alice.userId, /^AIDA[A-Z2-7]{17}$/)
  const out = awsCli(['sts', 'get-caller-identity'], alice.identity)
  assert.equal(out.code, 0, out.stderr)
  assert.deepEqual(out.json, { UserId: alice.userId, Account: account, Arn: `arn:aws:iam::${account}:user/alice` })
  const sdk = await clients(alice.identity).sts.send(new GetCallerIdentityCommand({}))
  assert.equal(sdk.UserId, alice.userId)
})

test('a role session: <RoleId>:<session> and the assumed-role ARN, without the role path (aws CLI)', async () => {
  const account = newAccount()
  const alice = await userWithKey(account, 'alice')
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' }] })
  const role = await clients(rootOf(server.endpoint, account)).iam.send(
    new CreateRoleCommand({ RoleName: 'app', Path: '/team/', AssumeRolePolicyDocument: trust }),
  )
  const assumed = awsCli(['sts', 'assume-role', '--role-arn', role.Role!.Arn!, '--role-session-name', 'alice-at-work'], alice.identity)
  assert.equal(assumed.code, 0, assumed.stderr)
  const credentials = assumed.json.Credentials
  assert.match(credentials.AccessKeyId, /^ASIA/)
  assert.match(credentials.Expiration, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.000)?(Z|\+00:00)$/)
  const session = { endpoint: server.endpoint, accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken }
  const out = awsCli(['sts', 'get-caller-identity'], session)
  assert.equal(out.code, 0, out.stderr)
  assert.deepEqual(out.json, {
    UserId: `${role.Role!.RoleId}:alice-at-work`,
    Account: account,
    Arn: `arn:aws:sts::${account}:assumed-role/app/alice-at-work`,
  })
  // A session token is required with a session key.
  const tokenless = awsCli(['sts', 'get-caller-identity'], { ...session, sessionToken: undefined })
  assert.notEqual(tokenless.code, 0)
})

test('GetSessionToken: the same user on session credentials, which cannot ask for another (boto3)', async () => {
  const account = newAccount()
  const alice = await userWithKey(account, 'alice')
  const out = boto3(
    `
import boto3, botocore, json
creds = boto3.client("sts").get_session_token(DurationSeconds=900)["Credentials"]
session = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
sts = session.client("sts")
me = sts.get_caller_identity()
try:
    sts.get_session_token()
    again = "allowed"
except botocore.exceptions.ClientError as e:
    again = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps({"key": creds["AccessKeyId"], "arn": me["Arn"], "userId": me["UserId"], "again": again}))
`,
    alice.identity,
  )
  assert.equal(out.code, 0, out.stderr)
  assert.match(out.json.key, /^ASIA/)
  assert.equal(out.json.arn, alice.arn)
  assert.equal(out.json.userId, alice.userId)
  assert.deepEqual(out.json.again, ['AccessDenied', 'Cannot call GetSessionToken with session credentials', 403])
})

test('GetAccessKeyInfo names the account of a user key and a session key (SDK v3)', async () => {
  const account = newAccount()
  const other = newAccount()
  const bob = await userWithKey(other, 'bob')
  const { sts } = clients(rootOf(server.endpoint, account))
  // Root key ids here are 12-digit account ids, shorter than the model's 16-character minimum for AccessKeyId.
  await assert.rejects(sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: other })), /Member must have length greater than or equal to 16/)
  assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: bob.identity.accessKeyId }))).Account, other)
  const token = await clients(bob.identity).sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))
  assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: token.Credentials!.AccessKeyId! }))).Account, other)
})
