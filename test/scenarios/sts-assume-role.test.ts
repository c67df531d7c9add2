//! AssumeRole as users meet it: trust policies (user, account, cross-account, ExternalId), duration limits, session
//! policies, session tags, the root user, missing and recreated principals — aws CLI, boto3 and the JS SDK v3.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import {
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteUserCommand,
  GetRoleCommand,
  IAMClient,
  ListAccessKeysCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  TagRoleCommand,
} from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetAccessKeyInfoCommand, STSClient, type AssumeRoleCommandInput } from '@aws-sdk/client-sts'
import { awsCli, boto3, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

const SOURCE = '111122223333'
const DESTINATION = '555566667777'

let server: TaskroleProcess
let accountCounter = 0

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

/** A fresh account per test (the server is shared), counting up from 2000_0000_0000. */
function freshAccount(): string {
  accountCounter += 1
  return String(200_000_000_000 + accountCounter)
}

function clients(identity: ClientIdentity) {
  const config = {
    endpoint: server.endpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken },
  }
  return { iam: new IAMClient(config), sts: new STSClient(config) }
}

const root = (account: string) => rootOf(server.endpoint, account)
const doc = (value: unknown) => JSON.stringify(value)
const allow = (action: string | string[], resource = '*', condition?: unknown) =>
  doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource, ...(condition ? { Condition: condition } : {}) }] })
const trustOf = (principal: unknown, action: string | string[] = 'sts:AssumeRole', condition?: unknown) =>
  doc({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }] })

async function createUser(account: string, userName: string, inline?: string): Promise<{ identity: ClientIdentity; arn: string }> {
  const { iam } = clients(root(account))
  const user = await iam.send(new CreateUserCommand({ UserName: userName }))
  if (inline) await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: 'inline', PolicyDocument: inline }))
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: userName }))
  return {
    identity: { endpoint: server.endpoint, accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! },
    arn: user.User!.Arn!,
  }
}

async function createRole(account: string, roleName: string, trust: string, extra: { inline?: string; maxSessionDuration?: number } = {}) {
  const { iam } = clients(root(account))
  const role = await iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: trust, MaxSessionDuration: extra.maxSessionDuration }))
  if (extra.inline) await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'inline', PolicyDocument: extra.inline }))
  return role.Role!
}

async function assume(identity: ClientIdentity, input: Partial<AssumeRoleCommandInput> & { RoleArn: string }) {
  const out = await clients(identity).sts.send(new AssumeRoleCommand({ RoleSessionName: 'scenario', ...input }))
  const session: ClientIdentity = {
    endpoint: server.endpoint,
    accessKeyId: out.Credentials!.AccessKeyId!,
    secretAccessKey: out.Credentials!.SecretAccessKey!,
    sessionToken: out.Credentials!.SessionToken!,
  }
  return { out, session }
}

/** The error code and message an SDK v3 call fails with. */
async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } }
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode }
  }
  assert.fail('the call succeeded')
}

test('the trust policy names the user: allowed with no identity policy; GetRole shows RoleLastUsed (aws CLI)', async () => {
  const account = freshAccount()
  const alice = await createUser(account, 'alice')
  const role = await createRole(account, 'app', trustOf({ AWS: alice.arn }))
  const out = awsCli(['sts', 'assume-role', '--role-arn', role.Arn!, '--role-session-name', 'alice'], alice.identity)
  assert.equal(out.code, 0, out.stderr)
  assert.equal(out.json.AssumedRoleUser.AssumedRoleId, `${role.RoleId}:alice`)
  assert.equal(out.json.AssumedRoleUser.Arn, `arn:aws:sts::${account}:assumed-role/app/alice`)
  assert.equal(out.json.PackedPolicySize, undefined)
  const got = await clients(root(account)).iam.send(new GetRoleCommand({ RoleName: 'app' }))
  assert.equal(got.Role!.RoleLastUsed!.Region, 'us-east-1')
  assert.ok(got.Role!.RoleLastUsed!.LastUsedDate instanceof Date)
})

test('the trust policy names the account: the identity policy must allow too', async () => {
  const account = freshAccount()
  const role = await createRole(account, 'app', trustOf({ AWS: `arn:aws:iam::${account}:root` }))
  const bob = await createUser(account, 'bob')
  const denied = awsCli(['sts', 'assume-role', '--role-arn', role.Arn!, '--role-session-name', 'bob'], bob.identity)
  assert.notEqual(denied.code, 0)
  assert.match(denied.stderr, new RegExp(`\\(AccessDenied\\).*User: arn:aws:iam::${account}:user/bob is not authorized to perform: sts:AssumeRole on resource: ${role.Arn}`))
  const carol = await createUser(account, 'carol', allow('sts:AssumeRole', role.Arn!))
  const { out } = await assume(carol.identity, { RoleArn: role.Arn! })
  assert.match(out.Credentials!.AccessKeyId!, /^ASIA/)
})

test('cross-account (111122223333 → 555566667777) needs both sides', async () => {
  const role = await createRole(DESTINATION, 'destination-account-role', trustOf({ AWS: SOURCE }), {
    inline: allow('sts:GetAccessKeyInfo'),
  })
  const noPolicy = await createUser(SOURCE, 'dev')
  const denied = await failure(assume(noPolicy.identity, { RoleArn: role.Arn! }))
  assert.equal(denied.name, 'AccessDenied')
  assert.equal(denied.status, 403)
  const ops = await createUser(SOURCE, 'ops', allow('sts:AssumeRole', role.Arn!))
  const { out, session } = await assume(ops.identity, { RoleArn: role.Arn!, RoleSessionName: 'botocore-session-1' })
  assert.equal(out.AssumedRoleUser!.Arn, `arn:aws:sts::${DESTINATION}:assumed-role/destination-account-role/botocore-session-1`)
  // The session acts in the destination account with the role's permissions.
  const info = await clients(session).sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: session.accessKeyId }))
  assert.equal(info.Account, DESTINATION)
  // A trust policy naming another account refuses even an administrator of the source account.
  const closed = await createRole(DESTINATION, 'closed', trustOf({ AWS: DESTINATION }))
  const admin = await createUser(SOURCE, 'admin', allow('*'))
  assert.equal((await failure(assume(admin.identity, { RoleArn: closed.Arn! }))).name, 'AccessDenied')
})

test('an sts:ExternalId condition (boto3)', async () => {
  const account = freshAccount()
  const vendor = await createUser(account, 'vendor')
  const role = await createRole(account, 'vendor-role', trustOf({ AWS: vendor.arn }, 'sts:AssumeRole', { StringEquals: { 'sts:ExternalId': 'Example987' } }))
  const out = boto3(
    `
import boto3, botocore, json
sts = boto3.client("sts")
result = {}
for label, extra in (("none", {}), ("wrong", {"ExternalId": "not-it"}), ("right", {"ExternalId": "Example987"})):
    try:
        sts.assume_role(RoleArn="${role.Arn}", RoleSessionName="vendor", **extra)
        result[label] = "ok"
    except botocore.exceptions.ClientError as e:
        result[label] = e.response["Error"]["Code"]
print(json.dumps(result))
`,
    vendor.identity,
  )
  assert.equal(out.code, 0, out.stderr)
  assert.deepEqual(out.json, { none: 'AccessDenied', wrong: 'AccessDenied', right: 'ok' })
})

test('DurationSeconds: at least 900, at most MaxSessionDuration, one hour when chaining', async () => {
  const account = freshAccount()
  const alice = await createUser(account, 'alice')
  const role = await createRole(account, 'app', trustOf({ AWS: alice.arn }))
  // The SDK does not check the range itself, so this is the server's model validation.
  const tooShort = await failure(assume(alice.identity, { RoleArn: role.Arn!, DurationSeconds: 600 }))
  assert.equal(tooShort.name, 'ValidationError')
  assert.equal(tooShort.message, "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")
  const tooLong = await failure(assume(alice.identity, { RoleArn: role.Arn!, DurationSeconds: 7_200 }))
  assert.deepEqual([tooLong.name, tooLong.message], ['ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'])

  const long = await createRole(account, 'long', trustOf({ AWS: alice.arn }), { maxSessionDuration: 43_200 })
  const { out, session } = await assume(alice.identity, { RoleArn: long.Arn!, DurationSeconds: 43_200 })
  const hours = (out.Credentials!.Expiration!.getTime() - Date.now()) / 3_600_000
  assert.ok(hours > 11.9 && hours <= 12, `expiration ${out.Credentials!.Expiration!.toISOString()}`)
  const next = await createRole(account, 'next', trustOf({ AWS: long.Arn }), { maxSessionDuration: 43_200 })
  const chained = await failure(assume(session, { RoleArn: next.Arn!, DurationSeconds: 3_601 }))
  assert.deepEqual([chained.name, chained.message], [
    'ValidationError',
    'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  ])
  const ok = await assume(session, { RoleArn: next.Arn!, DurationSeconds: 3_600 })
  assert.ok(ok.out.Credentials!.AccessKeyId)
})

test('a session policy narrows the session to the intersection (aws CLI --policy)', async () => {
  const account = freshAccount()
  const alice = await createUser(account, 'alice')
  const role = await createRole(account, 'app', trustOf({ AWS: alice.arn }), { inline: allow(['iam:GetRole', 'iam:ListRoles']) })
  const out = awsCli(
    ['sts', 'assume-role', '--role-arn', role.Arn!, '--role-session-name', 'narrow', '--policy', allow('iam:ListRoles')],
    alice.identity,
  )
  assert.equal(out.code, 0, out.stderr)
  assert.ok(out.json.PackedPolicySize > 0 && out.json.PackedPolicySize <= 100)
  const c = out.json.Credentials
  const session = { endpoint: server.endpoint, accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken }
  assert.equal(awsCli(['iam', 'list-roles'], session).code, 0)
  const refused = awsCli(['iam', 'get-role', '--role-name', 'app'], session)
  assert.notEqual(refused.code, 0)
  assert.match(refused.stderr, /AccessDenied.*iam:GetRole.*because no session policy allows the iam:GetRole action/)
  const malformed = awsCli(['sts', 'assume-role', '--role-arn', role.Arn!, '--role-session-name', 'xx', '--policy', '{"Statement":'], alice.identity)
  assert.match(malformed.stderr, /\(MalformedPolicyDocument\)/)
})

test('PolicyArns: a customer managed policy as the session policy (SDK v3)', async () => {
  const account = freshAccount()
  const alice = await createUser(account, 'alice')
  const role = await createRole(account, 'app', trustOf({ AWS: alice.arn }), { inline: allow(['iam:GetRole', 'iam:ListRoles']) })
  const managed = await clients(root(account)).iam.send(new CreatePolicyCommand({ PolicyName: 'list-only', PolicyDocument: allow('iam:ListRoles') }))
  const { out, session } = await assume(alice.identity, { RoleArn: role.Arn!, PolicyArns: [{ arn: managed.Policy!.Arn! }] })
  assert.ok(out.PackedPolicySize! > 0)
  const refused = await failure(clients(session).iam.send(new GetRoleCommand({ RoleName: 'app' })))
  assert.equal(refused.name, 'AccessDenied')
})

test('session tags need sts:TagSession and drive aws:PrincipalTag in the role’s policies', async () => {
  const account = freshAccount()
  const alice = await createUser(account, 'alice')
  const abac = allow('iam:GetRole', '*', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } })
  const untaggable = await createRole(account, 'untaggable', trustOf({ AWS: alice.arn }), { inline: abac })
  const refused = await failure(assume(alice.identity, { RoleArn: untaggable.Arn!, Tags: [{ Key: 'team', Value: 'blue' }] }))
  assert.equal(refused.name, 'AccessDenied')
  assert.match(refused.message, /is not authorized to perform: sts:TagSession on resource/)

  const role = await createRole(account, 'abac', trustOf({ AWS: alice.arn }, ['sts:AssumeRole', 'sts:TagSession']), { inline: abac })
  await clients(root(account)).iam.send(new TagRoleCommand({ RoleName: 'abac', Tags: [{ Key: 'team', Value: 'red' }] }))
  const red = await assume(alice.identity, { RoleArn: role.Arn! })
  assert.equal((await failure(clients(red.session).iam.send(new GetRoleCommand({ RoleName: 'abac' })))).name, 'AccessDenied')
  const blue = await assume(alice.identity, { RoleArn: role.Arn!, Tags: [{ Key: 'team', Value: 'blue' }], TransitiveTagKeys: ['team'] })
  const got = await clients(blue.session).iam.send(new GetRoleCommand({ RoleName: 'abac' }))
  assert.equal(got.Role!.RoleName, 'abac')
  const badTransitive = await failure(assume(alice.identity, { RoleArn: role.Arn!, Tags: [{ Key: 'team', Value: 'blue' }], TransitiveTagKeys: ['dept'] }))
  assert.deepEqual([badTransitive.name, badTransitive.message], ['InvalidParameterValue', 'The specified transitive tag key must be included in the requested tags.'])
})

test('the root user cannot assume roles; a missing role is AccessDenied; a non-ARN is a ValidationError', async () => {
  const account = freshAccount()
  const role = await createRole(account, 'app', trustOf({ AWS: account }))
  const byRoot = awsCli(['sts', 'assume-role', '--role-arn', role.Arn!, '--role-session-name', 'root'], root(account))
  assert.match(byRoot.stderr, /\(AccessDenied\) when calling the AssumeRole operation.*: Roles may not be assumed by root accounts\./)
  const admin = await createUser(account, 'admin', allow('*'))
  const missing = `arn:aws:iam::${account}:role/does-not-exist`
  const none = await failure(assume(admin.identity, { RoleArn: missing }))
  assert.equal(none.name, 'AccessDenied')
  assert.match(none.message, new RegExp(`^User: arn:aws:iam::${account}:user/admin is not authorized to perform: sts:AssumeRole on resource: ${missing}`))
  const notArn = await failure(assume(admin.identity, { RoleArn: 'this-is-not-an-arn-at-all' }))
  assert.deepEqual([notArn.name, notArn.message], ['ValidationError', 'this-is-not-an-arn-at-all is invalid'])
})

test('a user deleted and recreated no longer matches the trust policy that named it', async () => {
  const account = freshAccount()
  const first = await createUser(account, 'alice')
  const role = await createRole(account, 'app', trustOf({ AWS: first.arn }))
  assert.ok((await assume(first.identity, { RoleArn: role.Arn! })).out.Credentials)
  const { iam } = clients(root(account))
  const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'alice' }))
  for (const key of keys.AccessKeyMetadata ?? []) await iam.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: key.AccessKeyId! }))
  await iam.send(new DeleteUserCommand({ UserName: 'alice' }))
  const again = await createUser(account, 'alice', allow('sts:AssumeRole', role.Arn!))
  assert.equal(again.arn, first.arn)
  assert.equal((await failure(assume(again.identity, { RoleArn: role.Arn! }))).name, 'AccessDenied')
  // IAM shows the stale principal as the old unique id, as AWS does.
  const got = await iam.send(new GetRoleCommand({ RoleName: 'app' }))
  assert.doesNotMatch(decodeURIComponent(got.Role!.AssumeRolePolicyDocument!), new RegExp(first.arn))
})
