//! `aws cloudtrail lookup-events` over what really happened: every call recorded (denials too), each lookup
//! attribute, time ranges, paging, account isolation, and no secret ever in a record — aws CLI, boto3, SDK v3.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { CloudTrailClient, LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail'
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts'
import { awsCli, boto3, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

const ACCOUNT = '444455556666'
const OTHER = '777788889999'

let server: TaskroleProcess
/** What happened before the lookups, and the secrets that must never show up in a record. */
let history: {
  started: Date
  finished: Date
  roleArn: string
  userKeyId: string
  sessionKeyId: string
  secrets: string[]
}

function clients(identity: ClientIdentity) {
  const config = {
    endpoint: server.endpoint,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken },
  }
  return { iam: new IAMClient(config), sts: new STSClient(config), cloudtrail: new CloudTrailClient(config) }
}

const root = (account: string) => rootOf(server.endpoint, account)

before(async () => {
  server = await startTaskrole()
  const started = new Date(Math.floor(Date.now() / 1000) * 1000)
  const admin = clients(root(ACCOUNT))
  const user = await admin.iam.send(new CreateUserCommand({ UserName: 'alice' }))
  const key = await admin.iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))
  const alice: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! }
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: user.User!.Arn }, Action: 'sts:AssumeRole' }] })
  const role = await admin.iam.send(new CreateRoleCommand({ RoleName: 'app', AssumeRolePolicyDocument: trust }))
  const assumed = await clients(alice).sts.send(new AssumeRoleCommand({ RoleArn: role.Role!.Arn!, RoleSessionName: 'alice-app' }))
  const session: ClientIdentity = {
    endpoint: server.endpoint,
    accessKeyId: assumed.Credentials!.AccessKeyId!,
    secretAccessKey: assumed.Credentials!.SecretAccessKey!,
    sessionToken: assumed.Credentials!.SessionToken!,
  }
  await clients(session).sts.send(new GetCallerIdentityCommand({}))
  // A denied call: the session's role has no policies at all.
  await assert.rejects(clients(session).iam.send(new GetRoleCommand({ RoleName: 'app' })), { name: 'AccessDenied' })
  const token = await clients(alice).sts.send(new GetSessionTokenCommand({ DurationSeconds: 900 }))
  await clients(root(OTHER)).sts.send(new GetCallerIdentityCommand({}))
  const finished = new Date()
  // Lookups are recorded too; they happen in a later second than the history, which EndTime: finished excludes.
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  history = {
    started,
    finished,
    roleArn: role.Role!.Arn!,
    userKeyId: alice.accessKeyId,
    sessionKeyId: session.accessKeyId,
    secrets: [alice.secretAccessKey, session.secretAccessKey, session.sessionToken!, token.Credentials!.SecretAccessKey!, token.Credentials!.SessionToken!],
  }
})
after(async () => {
  await server.stop()
})

/** Every event of the account up to the end of the history (the aws CLI follows NextToken itself). */
function allEvents(account = ACCOUNT): Event[] {
  const out = awsCli(['cloudtrail', 'lookup-events', '--end-time', history.finished.toISOString()], root(account))
  assert.equal(out.code, 0, out.stderr)
  // aws CLI v1 prints JSON-protocol timestamps as they come on the wire: epoch seconds.
  return out.json.Events.map((event: Event & { EventTime: number }) => ({ ...event, EventTime: new Date(event.EventTime * 1000) }))
}

function cliLookup(key: string, value: string): Array<{ EventName: string; Username?: string; ReadOnly: string; CloudTrailEvent: string }> {
  const out = awsCli(['cloudtrail', 'lookup-events', '--lookup-attributes', `AttributeKey=${key},AttributeValue=${value}`], root(ACCOUNT))
  assert.equal(out.code, 0, out.stderr)
  return out.json.Events
}

test('every call is recorded, newest first, denials included (aws CLI)', () => {
  const events = allEvents()
  assert.deepEqual(
    events.map((e) => e.EventName),
    ['GetSessionToken', 'GetRole', 'GetCallerIdentity', 'AssumeRole', 'CreateRole', 'CreateAccessKey', 'CreateUser'],
  )
  const denied = JSON.parse(events[1]!.CloudTrailEvent!)
  assert.equal(denied.errorCode, 'AccessDenied')
  assert.match(denied.errorMessage, /assumed-role\/app\/alice-app is not authorized to perform: iam:GetRole/)
  assert.equal(denied.userIdentity.type, 'AssumedRole')
  assert.equal(denied.userIdentity.sessionContext.sessionIssuer.arn, history.roleArn)
  const assume = events[3]!
  assert.equal(assume.Username, 'alice')
  assert.equal(assume.ReadOnly, 'false')
  assert.equal(assume.AccessKeyId, history.userKeyId)
  assert.deepEqual(assume.Resources, [{ ResourceType: 'AWS::IAM::Role', ResourceName: history.roleArn }])
  const record = JSON.parse(assume.CloudTrailEvent!)
  assert.equal(record.eventSource, 'sts.amazonaws.com')
  assert.equal(record.recipientAccountId, ACCOUNT)
  assert.equal(record.responseElements.credentials.accessKeyId, history.sessionKeyId)
  assert.ok(assume.EventTime! >= history.started && assume.EventTime! <= history.finished)
})

test('no secret access key or session token appears in any record', () => {
  const events = allEvents()
  for (const event of events) {
    for (const secret of history.secrets) assert.ok(!event.CloudTrailEvent!.includes(secret), `${event.EventName} holds a secret`)
  }
})

test('lookup by EventName, Username, ResourceName, AccessKeyId, ReadOnly and EventSource (aws CLI)', () => {
  assert.deepEqual(cliLookup('EventName', 'AssumeRole').map((e) => e.Username), ['alice'])
  assert.deepEqual(cliLookup('Username', 'alice-app').map((e) => e.EventName), ['GetRole', 'GetCallerIdentity'])
  assert.deepEqual(cliLookup('ResourceName', history.roleArn).map((e) => e.EventName), ['AssumeRole', 'CreateRole'])
  assert.deepEqual(cliLookup('AccessKeyId', history.userKeyId).map((e) => e.EventName), ['GetSessionToken', 'AssumeRole'])
  assert.deepEqual(cliLookup('ReadOnly', 'false').map((e) => e.EventName), ['AssumeRole', 'CreateRole', 'CreateAccessKey', 'CreateUser'])
  const iam = cliLookup('EventSource', 'iam.amazonaws.com').map((e) => e.EventName)
  assert.deepEqual(iam.filter((name) => name !== 'LookupEvents'), ['GetRole', 'CreateRole', 'CreateAccessKey', 'CreateUser'])
  const denied = JSON.parse(cliLookup('EventName', 'GetRole')[0]!.CloudTrailEvent)
  assert.equal(denied.errorCode, 'AccessDenied')
})

test('StartTime and EndTime bound the events (SDK v3, which sends the short X-Amz-Target CloudTrail_20131101.LookupEvents)', async () => {
  const { cloudtrail } = clients(root(ACCOUNT))
  const before = await cloudtrail.send(new LookupEventsCommand({ EndTime: new Date(history.started.getTime() - 60_000) }))
  assert.deepEqual(before.Events, [])
  const during = await cloudtrail.send(
    new LookupEventsCommand({ StartTime: history.started, EndTime: history.finished, LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] }),
  )
  assert.equal(during.Events?.length, 1)
  await assert.rejects(
    cloudtrail.send(new LookupEventsCommand({ StartTime: history.finished, EndTime: history.started })),
    (error: Error) => error.name === 'InvalidTimeRangeException',
  )
})

test('MaxResults and NextToken page through the history; bad tokens and two attributes are refused (boto3)', () => {
  const out = boto3(
    `
import boto3, botocore, json, datetime
ct = boto3.client("cloudtrail")
end = datetime.datetime.fromisoformat("${history.finished.toISOString().replace('Z', '+00:00')}")
names, token, pages = [], None, 0
while True:
    kwargs = {"MaxResults": 2, "EndTime": end}
    if token: kwargs["NextToken"] = token
    page = ct.lookup_events(**kwargs)
    pages += 1
    names += [e["EventName"] for e in page["Events"]]
    token = page.get("NextToken")
    if not token: break
errors = {}
for label, kwargs in (
    ("token", {"NextToken": "bm90LWEtdG9rZW4", "EndTime": end}),
    ("two", {"LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": "AssumeRole"}, {"AttributeKey": "Username", "AttributeValue": "alice"}]}),
):
    try:
        ct.lookup_events(**kwargs)
        errors[label] = "ok"
    except botocore.exceptions.ClientError as e:
        errors[label] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
print(json.dumps({"names": names, "pages": pages, "errors": errors}))
`,
    root(ACCOUNT),
  )
  assert.equal(out.code, 0, out.stderr)
  assert.deepEqual(out.json.names, ['GetSessionToken', 'GetRole', 'GetCallerIdentity', 'AssumeRole', 'CreateRole', 'CreateAccessKey', 'CreateUser'])
  assert.equal(out.json.pages, 4)
  assert.deepEqual(out.json.errors, { token: ['InvalidNextTokenException', 400], two: ['InvalidLookupAttributesException', 400] })
})

test('each account sees only its own events; LookupEvents needs cloudtrail:LookupEvents', async () => {
  const other = allEvents(OTHER)
  assert.deepEqual(other.map((e) => e.EventName), ['GetCallerIdentity'])
  const user = await clients(root(ACCOUNT)).iam.send(new CreateUserCommand({ UserName: 'nosy' }))
  const key = await clients(root(ACCOUNT)).iam.send(new CreateAccessKeyCommand({ UserName: 'nosy' }))
  const nosy = { endpoint: server.endpoint, accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! }
  const denied = awsCli(['cloudtrail', 'lookup-events'], nosy)
  assert.notEqual(denied.code, 0)
  assert.match(denied.stderr, new RegExp(`\\(AccessDeniedException\\).*User: ${user.User!.Arn} is not authorized to perform: cloudtrail:LookupEvents`))
})
