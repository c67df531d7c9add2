//! IAM enforcement end to end with the aws CLI, boto3 and the SDK for JavaScript v3: AWS's enriched AccessDenied
//! messages in each protocol's shape (IAM: 403 AccessDenied in XML; CloudWatch Logs: AccessDeniedException in JSON),
//! explicit denies, permissions boundaries, session policies, groups, conditions with policy variables, principal
//! tags, aws:SourceIp and aws:RequestedRegion, root; the audit and off modes; and `taskrole explain` naming the
//! deciding statement and the failed condition with its key, the request's value and the policy's.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { after, before, test } from 'node:test'
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail'
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs'
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { CLI, startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

// The SDK's notice about future Node versions is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

let enforce: TaskroleProcess
let audit: TaskroleProcess
let off: TaskroleProcess

before(async () => {
  ;[enforce, audit, off] = await Promise.all([startTaskrole(), startTaskrole({ enforcement: 'audit' }), startTaskrole({ enforcement: 'off' })])
})
after(async () => {
  await Promise.all([enforce, audit, off].map((server) => server?.stop()))
})

function sdkConfig(identity: ClientIdentity, region = 'us-east-1') {
  return {
    endpoint: identity.endpoint,
    region,
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken },
    maxAttempts: 1,
  }
}

const TRUST_ACCOUNT = (account: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] })

/** A fresh account on `server` with role `target` and user `nobody` (no policy at all) made by root. */
async function accountWithNobody(server: TaskroleProcess) {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const iam = new IAMClient(sdkConfig(root))
  await iam.send(new CreateRoleCommand({ RoleName: 'target', AssumeRolePolicyDocument: TRUST_ACCOUNT(account) }))
  await iam.send(new CreateUserCommand({ UserName: 'nobody' }))
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'nobody' }))).AccessKey!
  const nobody: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }
  return { account, root, nobody }
}

async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  assert.fail('the call was allowed')
}

/** The newest events of a user, as root reads them with cloudtrail:LookupEvents. */
async function eventsOf(root: ClientIdentity, userName: string) {
  const cloudtrail = new CloudTrailClient(sdkConfig(root))
  const answer = await cloudtrail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: userName }] }))
  return (answer.Events ?? []).map((event) => ({ id: event.EventId!, name: event.EventName!, record: JSON.parse(event.CloudTrailEvent!) }))
}

function explain(server: TaskroleProcess, ...args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, 'explain', ...args, '--endpoint', server.endpoint], { encoding: 'utf8', timeout: 30_000 })
  assert.equal(result.status, 0, result.stderr)
  return result.stdout
}

test('a user with no policy: iam:GetRole is 403 AccessDenied (XML) and logs:CreateLogGroup AccessDeniedException (JSON), in AWS words', async () => {
  const { account, nobody } = await accountWithNobody(enforce)
  const user = `arn:aws:iam::${account}:user/nobody`
  const getRoleText = `User: ${user} is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${account}:role/target because no identity-based policy allows the iam:GetRole action`
  const cli = awsCli(['iam', 'get-role', '--role-name', 'target'], nobody)
  assert.notEqual(cli.code, 0)
  // aws CLI v1 adds "(reached max retries: 0)" when retries are off.
  assert.match(cli.stderr, /An error occurred \(AccessDenied\) when calling the GetRole operation( \(reached max retries: \d+\))?: /)
  assert.ok(cli.stderr.trim().endsWith(getRoleText), cli.stderr)

  const iamError = await rejection(new IAMClient(sdkConfig(nobody)).send(new GetRoleCommand({ RoleName: 'target' })))
  assert.equal(iamError.name, 'AccessDenied')
  assert.equal(iamError.Type, 'Sender', 'the query protocol’s <Error><Type>Sender</Type>')
  assert.equal(iamError.$metadata.httpStatusCode, 403)
  assert.equal(iamError.message, getRoleText)

  const logsError = await rejection(new CloudWatchLogsClient(sdkConfig(nobody)).send(new CreateLogGroupCommand({ logGroupName: 'app' })))
  assert.equal(logsError.name, 'AccessDeniedException')
  assert.equal(logsError.__type, 'AccessDeniedException', 'the JSON protocol’s __type')
  assert.equal(logsError.$metadata.httpStatusCode, 400)
  assert.equal(
    logsError.message,
    `User: ${user} is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:${account}:log-group:app:log-stream: because no identity-based policy allows the logs:CreateLogGroup action`,
  )
  const cliLogs = awsCli(['logs', 'create-log-group', '--log-group-name', 'app'], nobody)
  assert.match(cliLogs.stderr, /An error occurred \(AccessDeniedException\) when calling the CreateLogGroup operation( \(reached max retries: \d+\))?: /)
  assert.ok(cliLogs.stderr.trim().endsWith(logsError.message), cliLogs.stderr)
})

/** Every case of the evaluation logic in one boto3 process: { label: { ok, code?, status?, message? } }. */
const EVALUATION_CASES = String.raw`
import boto3, json, os
from botocore.config import Config
from botocore.exceptions import ClientError
account = os.environ["ACCOUNT"]
endpoint = os.environ["AWS_ENDPOINT_URL"]
config = Config(retries={"max_attempts": 1})
def client(service, key=None, region="us-east-1"):
    if key is None:
        return boto3.client(service, config=config, region_name=region)
    return boto3.client(service, config=config, region_name=region, endpoint_url=endpoint, aws_access_key_id=key["AccessKeyId"],
                        aws_secret_access_key=key["SecretAccessKey"], aws_session_token=key.get("SessionToken"))
def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
iam = client("iam")
results = {}
def attempt(label, call):
    try:
        call()
        results[label] = {"ok": True}
    except ClientError as error:
        results[label] = {"ok": False, "code": error.response["Error"]["Code"], "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
                          "message": error.response["Error"]["Message"]}
def user(name, tags=()):
    iam.create_user(UserName=name, Tags=list(tags))
    return iam.create_access_key(UserName=name)["AccessKey"]

assumer = user("assumer")
iam.create_role(RoleName="target", AssumeRolePolicyDocument=doc({"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:user/assumer"}, "Action": "sts:AssumeRole"}))
everything = doc({"Effect": "Allow", "Action": ["iam:*", "logs:*"], "Resource": "*"})

# Explicit deny: an inline Deny (no ARN to name), then a managed one (its ARN is named).
denied = user("denied")
iam.put_user_policy(UserName="denied", PolicyName="everything", PolicyDocument=everything)
iam.put_user_policy(UserName="denied", PolicyName="no-get-role", PolicyDocument=doc({"Sid": "NoGetRole", "Effect": "Deny", "Action": "iam:GetRole", "Resource": "*"}))
attempt("inline explicit deny", lambda: client("iam", denied).get_role(RoleName="target"))
deny_policy = iam.create_policy(PolicyName="DenyListRoles", PolicyDocument=doc({"Sid": "NoListRoles", "Effect": "Deny", "Action": "iam:ListRoles", "Resource": "*"}))["Policy"]["Arn"]
iam.attach_user_policy(UserName="denied", PolicyArn=deny_policy)
attempt("managed explicit deny", lambda: client("iam", denied).list_roles())
attempt("allowed beside the denies", lambda: client("iam", denied).list_users())

# Permissions boundary: the identity policy allows everything, the boundary only ListRoles.
bounded = user("bounded")
iam.put_user_policy(UserName="bounded", PolicyName="everything", PolicyDocument=everything)
boundary = iam.create_policy(PolicyName="OnlyListRoles", PolicyDocument=doc({"Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*"}))["Policy"]["Arn"]
iam.put_user_permissions_boundary(UserName="bounded", PermissionsBoundary=boundary)
attempt("boundary denies", lambda: client("iam", bounded).get_role(RoleName="target"))
attempt("boundary allows", lambda: client("iam", bounded).list_roles())

# A role session: allowed by its role's policy; a session policy narrows it.
iam.put_user_policy(UserName="assumer", PolicyName="assume", PolicyDocument=doc({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"arn:aws:iam::{account}:role/target"}))
iam.put_role_policy(RoleName="target", PolicyName="iam-reads", PolicyDocument=doc({"Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*"}))
sts = client("sts", assumer)
plain = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/target", RoleSessionName="plain")["Credentials"]
attempt("role session allowed", lambda: client("iam", plain).get_role(RoleName="target"))
attempt("role session beyond its role", lambda: client("iam", plain).create_user(UserName="x"))
narrow = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/target", RoleSessionName="narrow",
                         Policy=doc({"Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*"}))["Credentials"]
attempt("session policy denies", lambda: client("iam", narrow).get_role(RoleName="target"))
attempt("session policy allows", lambda: client("iam", narrow).list_roles())

# Groups, policy variables, principal tags, aws:SourceIp and aws:RequestedRegion, all through one group's policy.
iam.create_group(GroupName="devs")
iam.put_group_policy(GroupName="devs", PolicyName="team-policy", PolicyDocument=doc(
    {"Sid": "TeamBlue", "Effect": "Allow", "Action": "iam:GetRole", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue"}}},
    {"Sid": "OwnUser", "Effect": "Allow", "Action": "iam:GetUser", "Resource": f"arn:aws:iam::{account}:user/" + "$" + "{aws:username}"},
    {"Sid": "FromLoopback", "Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "127.0.0.1/32"}}},
    {"Sid": "FromOffice", "Effect": "Allow", "Action": "iam:ListUsers", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
    {"Sid": "OnlyEast", "Effect": "Allow", "Action": "logs:CreateLogGroup", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}))
blue = user("blue", [{"Key": "team", "Value": "blue"}])
red = user("red", [{"Key": "team", "Value": "red"}])
for name in ("blue", "red"):
    iam.add_user_to_group(GroupName="devs", UserName=name)
attempt("group grants blue", lambda: client("iam", blue).get_role(RoleName="target"))
attempt("principal tag red", lambda: client("iam", red).get_role(RoleName="target"))
attempt("own user by variable", lambda: client("iam", blue).get_user(UserName="blue"))
attempt("other user by variable", lambda: client("iam", blue).get_user(UserName="red"))
attempt("source ip loopback", lambda: client("iam", blue).list_roles())
attempt("source ip office", lambda: client("iam", blue).list_users())
attempt("requested region east", lambda: client("logs", blue).create_log_group(logGroupName="east"))
attempt("requested region west", lambda: client("logs", blue, region="us-west-2").create_log_group(logGroupName="west"))

# Root needs no policy in its own account.
attempt("root", lambda: iam.get_role(RoleName="target"))

# The simulator agrees (spot check): the user's group policy, and a custom policy's explicit deny.
simulated = iam.simulate_principal_policy(PolicySourceArn=f"arn:aws:iam::{account}:user/blue", ActionNames=["iam:GetRole", "iam:DeleteRole"],
    ContextEntries=[{"ContextKeyName": "aws:PrincipalTag/team", "ContextKeyValues": ["blue"], "ContextKeyType": "string"}])["EvaluationResults"]
results["simulate principal"] = {r["EvalActionName"]: [r["EvalDecision"], [m["SourcePolicyId"] for m in r.get("MatchedStatements", [])]] for r in simulated}
custom = iam.simulate_custom_policy(PolicyInputList=[everything, doc({"Effect": "Deny", "Action": "iam:GetRole", "Resource": "*"})], ActionNames=["iam:GetRole", "iam:ListRoles"])["EvaluationResults"]
results["simulate custom"] = {r["EvalActionName"]: r["EvalDecision"] for r in custom}
results["deny policy"] = deny_policy
print(json.dumps(results))
`

test('the evaluation logic, case by case through boto3: denies, boundaries, sessions, groups, variables, tags, IP, region, root', async () => {
  const account = newAccount()
  const root = rootOf(enforce.endpoint, account)
  const run = boto3(`import os\nos.environ["ACCOUNT"] = ${JSON.stringify(account)}\n${EVALUATION_CASES}`, root)
  assert.equal(run.code, 0, run.stderr)
  const r = run.json as Record<string, any>
  const user = (name: string) => `arn:aws:iam::${account}:user/${name}`
  const role = `arn:aws:iam::${account}:role/target`
  const denied = (label: string, code: string, status: number, message: string) => {
    assert.deepEqual(r[label], { ok: false, code, status, message }, label)
  }
  const allowed = (label: string) => assert.deepEqual(r[label], { ok: true }, `${label}: ${JSON.stringify(r[label])}`)

  denied('inline explicit deny', 'AccessDenied', 403, `User: ${user('denied')} is not authorized to perform: iam:GetRole on resource: ${role} with an explicit deny in an identity-based policy`)
  denied(
    'managed explicit deny',
    'AccessDenied',
    403,
    `User: ${user('denied')} is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::${account}:role/ with an explicit deny in an identity-based policy: ${r['deny policy']}`,
  )
  allowed('allowed beside the denies')
  denied('boundary denies', 'AccessDenied', 403, `User: ${user('bounded')} is not authorized to perform: iam:GetRole on resource: ${role} because no permissions boundary allows the iam:GetRole action`)
  allowed('boundary allows')
  allowed('role session allowed')
  denied(
    'role session beyond its role',
    'AccessDenied',
    403,
    `User: arn:aws:sts::${account}:assumed-role/target/plain is not authorized to perform: iam:CreateUser on resource: ${user('x')} because no identity-based policy allows the iam:CreateUser action`,
  )
  denied(
    'session policy denies',
    'AccessDenied',
    403,
    `User: arn:aws:sts::${account}:assumed-role/target/narrow is not authorized to perform: iam:GetRole on resource: ${role} because no session policy allows the iam:GetRole action`,
  )
  allowed('session policy allows')
  allowed('group grants blue')
  denied('principal tag red', 'AccessDenied', 403, `User: ${user('red')} is not authorized to perform: iam:GetRole on resource: ${role} because no identity-based policy allows the iam:GetRole action`)
  allowed('own user by variable')
  denied('other user by variable', 'AccessDenied', 403, `User: ${user('blue')} is not authorized to perform: iam:GetUser on resource: ${user('red')} because no identity-based policy allows the iam:GetUser action`)
  allowed('source ip loopback')
  assert.equal(r['source ip office'].code, 'AccessDenied')
  allowed('requested region east')
  denied(
    'requested region west',
    'AccessDeniedException',
    400,
    `User: ${user('blue')} is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-west-2:${account}:log-group:west:log-stream: because no identity-based policy allows the logs:CreateLogGroup action`,
  )
  allowed('root')
  assert.deepEqual(r['simulate principal'], { 'iam:GetRole': ['allowed', ['team-policy']], 'iam:DeleteRole': ['implicitDeny', []] })
  assert.deepEqual(r['simulate custom'], { 'iam:GetRole': 'explicitDeny', 'iam:ListRoles': 'allowed' })

  // taskrole explain <event-id>: the statement that did not apply and its condition, key by key.
  const red = (await eventsOf(root, 'red')).find((event) => event.name === 'GetRole')
  assert.ok(red, 'the denied GetRole of red is recorded')
  assert.equal(red.record.errorCode, 'AccessDenied')
  const redText = explain(enforce, red.id)
  assert.ok(redText.includes(`iam:GetRole by ${user('red')}`), redText)
  assert.ok(redText.includes('rule: no identity-based policy allows the action'), redText)
  assert.match(redText, /identity-based policy `team-policy` allows nothing here\n\s+statement `TeamBlue` \(line \d+, column \d+\) \(allow\) does not apply: condition not met\n\s+condition `StringEquals` on `aws:PrincipalTag\/team`: request \[`red`\], policy \[`blue`\]: false/)

  const office = (await eventsOf(root, 'blue')).find((event) => event.name === 'ListUsers')
  assert.ok(office)
  const officeText = explain(enforce, office.id)
  assert.ok(officeText.includes('condition `IpAddress` on `aws:SourceIp`: request [`127.0.0.1`], policy [`10.0.0.0/8`]: false'), officeText)

  const west = (await eventsOf(root, 'blue')).find((event) => event.name === 'CreateLogGroup' && event.record.errorCode)
  assert.ok(west)
  assert.ok(explain(enforce, west.id).includes('condition `StringEquals` on `aws:RequestedRegion`: request [`us-west-2`], policy [`us-east-1`]: false'))

  const allowedGetUser = (await eventsOf(root, 'blue')).find((event) => event.name === 'GetUser' && !event.record.errorCode)
  assert.ok(allowedGetUser)
  const allowedText = explain(enforce, allowedGetUser.id)
  assert.ok(allowedText.includes(`iam:GetUser on ${user('blue')}: allowed`), allowedText)
  // An allowed decision keeps the statement that allowed it (the whole explanation is kept for denials).
  assert.match(allowedText, /allowed by the statement at line 1, column \d+ of group policy `team-policy`/)
})

test('taskrole explain --last-denied names the denying statement and the managed policy it is in', async () => {
  const account = newAccount()
  const root = rootOf(enforce.endpoint, account)
  const setup = boto3(
    `
import boto3, json
iam = boto3.client("iam")
iam.create_user(UserName="ops")
iam.put_user_policy(UserName="ops", PolicyName="reads", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]}))
arn = iam.create_policy(PolicyName="NoUserReads", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Sid": "Readable", "Effect": "Allow", "Action": "iam:ListRoles", "Resource": "*"},
    {"Sid": "NoGetUser", "Effect": "Deny", "Action": "iam:GetUser", "Resource": "*"}]}))["Policy"]["Arn"]
iam.attach_user_policy(UserName="ops", PolicyArn=arn)
key = iam.create_access_key(UserName="ops")["AccessKey"]
print(json.dumps({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}))
`,
    root,
  )
  assert.equal(setup.code, 0, setup.stderr)
  const ops: ClientIdentity = { endpoint: enforce.endpoint, accessKeyId: setup.json.AccessKeyId, secretAccessKey: setup.json.SecretAccessKey }
  const error = await rejection(new IAMClient(sdkConfig(ops)).send(new GetUserCommand({ UserName: 'ops' })))
  const policyArn = `arn:aws:iam::${account}:policy/NoUserReads`
  assert.ok(error.message.endsWith(`with an explicit deny in an identity-based policy: ${policyArn}`), error.message)
  const text = explain(enforce, '--last-denied')
  assert.ok(text.includes(`iam:GetUser by arn:aws:iam::${account}:user/ops`), text)
  assert.ok(text.includes(`error: AccessDenied: ${error.message}`), text)
  assert.ok(text.includes(`rule: an explicit deny in identity-based policy \`${policyArn}\` overrides any allow`), text)
  assert.match(text, new RegExp(`identity-based policy \`${policyArn}\` denies\\n\\s+statement \`NoGetUser\` \\(line 1, column \\d+\\) matches: denies`))
  assert.ok(text.includes('1 of its 2 statements does not cover `iam:GetUser`'), text)
})

test('audit mode: the denied call succeeds, and lookup-events and explain show the would-be denial', async () => {
  const { account, root, nobody } = await accountWithNobody(audit)
  const role = await new IAMClient(sdkConfig(nobody)).send(new GetRoleCommand({ RoleName: 'target' }))
  assert.equal(role.Role?.RoleName, 'target')
  const message = `User: arn:aws:iam::${account}:user/nobody is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${account}:role/target because no identity-based policy allows the iam:GetRole action`
  const event = (await eventsOf(root, 'nobody')).find((e) => e.name === 'GetRole')
  assert.ok(event, 'the call is recorded')
  assert.equal(event.record.errorCode, undefined, 'the call itself succeeded')
  assert.deepEqual(event.record.additionalEventData?.taskrole, { enforcement: 'audit', wouldBeDenied: [{ errorCode: 'AccessDenied', errorMessage: message }] })
  const text = explain(audit, '--last-denied')
  assert.ok(text.includes(`event ${event.id}: iam:GetRole by arn:aws:iam::${account}:user/nobody`), text)
  assert.ok(text.includes(': audit-denied'), text)
  assert.ok(text.includes(`iam:GetRole on arn:aws:iam::${account}:role/target: implicitDeny (let through: audit mode)`), text)
  assert.ok(text.includes(message), text)
})

test('off mode: nothing is evaluated, the call succeeds and its explanation says so', async () => {
  const { account, root, nobody } = await accountWithNobody(off)
  const cli = awsCli(['iam', 'get-role', '--role-name', 'target'], nobody)
  assert.equal(cli.code, 0, cli.stderr)
  assert.equal(cli.json.Role.Arn, `arn:aws:iam::${account}:role/target`)
  const event = (await eventsOf(root, 'nobody')).find((e) => e.name === 'GetRole')
  assert.ok(event)
  assert.equal(event.record.additionalEventData, undefined)
  const text = explain(off, event.id)
  assert.ok(text.includes(`iam:GetRole on arn:aws:iam::${account}:role/target: allowed`), text)
  assert.ok(text.includes('not evaluated: enforcement is off'), text)
})
