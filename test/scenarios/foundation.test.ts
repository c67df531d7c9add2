//! The foundation as a user meets it: health, clean shutdown, reset (and moto's alias), auth before validation,
//! durability across kill -9, unknown operations, with the real aws CLI, boto3 and the JS SDK v3.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { awsCli, boto3, newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

test('health answers 200 and unknown admin paths 404', async () => {
  const health = await fetch(`${server.endpoint}/_taskrole/health`)
  assert.equal(health.status, 200)
  assert.equal(((await health.json()) as { status: string }).status, 'ok')
  assert.equal((await fetch(`${server.endpoint}/_taskrole/nope`)).status, 404)
})

test('root of any 12-digit account: identity through the aws CLI, boto3 and SDK v3', async () => {
  const account = newAccount()
  const cli = awsCli(['sts', 'get-caller-identity'], rootOf(server.endpoint, account))
  assert.equal(cli.code, 0, cli.stderr)
  assert.equal(cli.json.Arn, `arn:aws:iam::${account}:root`)
  const py = boto3('import boto3,json;print(json.dumps(boto3.client("sts").get_caller_identity()["Account"]))', rootOf(server.endpoint, account))
  assert.equal(py.json, account, py.stderr)
  const sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } })
  const identity = await sts.send(new GetCallerIdentityCommand({}))
  assert.equal(identity.UserId, account)
})

test('answers carry a Content-Length, as AWS frames them, for successes and errors alike', () => {
  const py = boto3(
    `
import boto3, json
from botocore.exceptions import ClientError
seen = []
def record(http_response, parsed, **kwargs):
    seen.append({"te": http_response.headers.get("transfer-encoding"), "length": http_response.headers.get("content-length"),
                 "bytes": len(http_response.content), "code": parsed.get("Error", {}).get("Code")})
sts, iam = boto3.client("sts"), boto3.client("iam")
for client in (sts, iam):
    client.meta.events.register("after-call", record)
sts.get_caller_identity()
try:
    iam.get_role(RoleName="no-such-role")
except ClientError:
    pass
print(json.dumps(seen))
`,
    rootOf(server.endpoint, newAccount()),
  )
  const seen = py.json as { te: string | null; length: string | null; bytes: number; code: string | null }[]
  assert.equal(seen.length, 2, py.stderr)
  for (const answer of seen) {
    assert.equal(answer.te, null)
    assert.ok(answer.bytes > 0)
    assert.equal(answer.length, String(answer.bytes))
  }
  assert.deepEqual(seen.map((answer) => answer.code), [null, 'NoSuchEntity'])
})

test('a badly signed request gets the auth error, not the validation error of its bad parameters', () => {
  const account = newAccount()
  const wrongSecret = { ...rootOf(server.endpoint, account), secretAccessKey: 'not-the-secret' }
  const bad = awsCli(['iam', 'create-role', '--role-name', 'x'.repeat(65), '--assume-role-policy-document', TRUST], wrongSecret)
  assert.notEqual(bad.code, 0)
  assert.match(bad.stderr, /SignatureDoesNotMatch/)
  const good = awsCli(['iam', 'create-role', '--role-name', 'x'.repeat(65), '--assume-role-policy-document', TRUST], rootOf(server.endpoint, account))
  assert.match(good.stderr, /ValidationError/)
})

test('an unknown query action and an unknown JSON target get AWS answers, never a 500', async () => {
  const account = newAccount()
  // botocore refuses unknown operations client-side, so sign raw requests with its SigV4 signer.
  const py = boto3(
    `
import json, os, urllib.request, urllib.error
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
creds = Credentials(os.environ["AWS_ACCESS_KEY_ID"], os.environ["AWS_SECRET_ACCESS_KEY"])
def send(service, headers, body):
    req = AWSRequest("POST", os.environ["AWS_ENDPOINT_URL"] + "/", data=body, headers=headers)
    SigV4Auth(creds, service, "us-east-1").add_auth(req)
    try:
        r = urllib.request.urlopen(urllib.request.Request(req.url, data=body.encode(), headers=dict(req.headers), method="POST"))
        return [r.status, r.read().decode()]
    except urllib.error.HTTPError as e:
        return [e.code, e.read().decode()]
print(json.dumps([
    send("sts", {"Content-Type": "application/x-www-form-urlencoded"}, "Action=GetNothing&Version=2011-06-15"),
    send("ecs", {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AmazonEC2ContainerServiceV20141113.GetNothing"}, "{}"),
]))
`,
    rootOf(server.endpoint, account),
  )
  const [query, json] = py.json as [[number, string], [number, string]]
  assert.equal(query[0], 400, py.stderr)
  assert.match(query[1], /<Code>InvalidAction<\/Code>/)
  assert.equal(json[0], 400)
  assert.equal(JSON.parse(json[1]).__type, 'UnknownOperationException')
})

test('POST /_taskrole/reset and POST /moto-api/reset wipe every account', async () => {
  for (const path of ['/_taskrole/reset', '/moto-api/reset']) {
    const account = newAccount()
    const root = rootOf(server.endpoint, account)
    assert.equal(awsCli(['iam', 'create-role', '--role-name', 'app', '--assume-role-policy-document', TRUST], root).code, 0)
    const reset = await fetch(`${server.endpoint}${path}`, { method: 'POST' })
    assert.equal(reset.status, 200)
    const got = awsCli(['iam', 'get-role', '--role-name', 'app'], root)
    assert.match(got.stderr, /NoSuchEntity/)
  }
})

test('an acknowledged write survives kill -9 and a restart on the same data dir', async () => {
  const account = newAccount()
  const iam = () =>
    new IAMClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } })
  const created = awsCli(['iam', 'create-role', '--role-name', 'durable', '--assume-role-policy-document', TRUST], rootOf(server.endpoint, account))
  assert.equal(created.code, 0, created.stderr)
  await server.restart({ hard: true })
  const role = await iam().send(new GetRoleCommand({ RoleName: 'durable' }))
  assert.equal(role.Role?.RoleId, created.json.Role.RoleId)
})

test('SIGTERM stops the server cleanly (exit 0)', async () => {
  const other = await startTaskrole()
  const pid = other.pid
  await other.stop()
  assert.throws(() => process.kill(pid, 0))
})
