//! Real AWS clients (SDK for JavaScript v3, boto3, the aws CLI) sign requests that authenticate() must accept or refuse with AWS's codes.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, test } from 'node:test'
import { promisify } from 'node:util'
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { authenticate, SigningKeyCache, type AuthProtocol, type IssuedCredential, type Principal } from '../../src/auth/index.js'
import { isAwsError, type AwsError } from '../../src/aws/index.js'
import { clientTools } from '../support/client-tools.js'
import { runAwsCliAsync } from '../support/client-fork-server.js'

const run = promisify(execFile)

const USER_KEY = { id: 'AKIAREALCLIENTUSER01', secret: 'user-secret-0123456789abcdefghijklmnopq' }
const SESSION_KEY = { id: 'ASIAREALCLIENTSESS01', secret: 'session-secret-0123456789abcdefghijklm', token: 'IQoJb3JpZ2luX2VjEHQaCXVzLWVhc3QtMSJGMEQCIB+session/token==' }
const EXPIRED_KEY = { id: 'ASIAREALCLIENTEXPD01', secret: 'expired-secret-0123456789abcdefghijklm', token: 'IQoJb3JpZ2luX2VjEexpired+token/==' }
const INACTIVE_KEY = { id: 'AKIAREALCLIENTINAC01', secret: 'inactive-secret-0123456789abcdefghijkl' }

const userPrincipal: Principal = {
  type: 'IAMUser',
  accountId: '111122223333',
  arn: 'arn:aws:iam::111122223333:user/dev/alice',
  userId: 'AIDAREALCLIENTALICE01',
  userName: 'alice',
  path: '/dev/',
  accessKeyId: USER_KEY.id,
}

function sessionPrincipal(accessKeyId: string, expiresAt: Date): Principal {
  return {
    type: 'AssumedRole',
    accountId: '111122223333',
    arn: 'arn:aws:sts::111122223333:assumed-role/app-task-role/0123456789abcdef',
    userId: 'AROAREALCLIENTROLE001:0123456789abcdef',
    roleArn: 'arn:aws:iam::111122223333:role/app-task-role',
    roleId: 'AROAREALCLIENTROLE001',
    roleName: 'app-task-role',
    rolePath: '/',
    sessionName: '0123456789abcdef',
    accessKeyId,
    session: {
      issuedAt: new Date(expiresAt.getTime() - 3_600_000),
      expiresAt,
      sessionPolicies: [],
      tags: {},
      transitiveTagKeys: [],
      chained: false,
      mfaPresent: false,
      issuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/app-task-role', principalId: 'AROAREALCLIENTROLE001', accountId: '111122223333', userName: 'app-task-role' },
    },
  }
}

const inAnHour = new Date(Date.now() + 3_600_000)
const anHourAgo = new Date(Date.now() - 3_600_000)
const issued = new Map<string, IssuedCredential>([
  [USER_KEY.id, { secretAccessKey: USER_KEY.secret, principal: userPrincipal, active: true }],
  [SESSION_KEY.id, { secretAccessKey: SESSION_KEY.secret, principal: sessionPrincipal(SESSION_KEY.id, inAnHour), sessionToken: SESSION_KEY.token, expiresAt: inAnHour, active: true }],
  [EXPIRED_KEY.id, { secretAccessKey: EXPIRED_KEY.secret, principal: sessionPrincipal(EXPIRED_KEY.id, anHourAgo), sessionToken: EXPIRED_KEY.token, expiresAt: anHourAgo, active: true }],
  [INACTIVE_KEY.id, { secretAccessKey: INACTIVE_KEY.secret, principal: { ...userPrincipal, accessKeyId: INACTIVE_KEY.id }, active: false }],
])

const signingKeys = new SigningKeyCache()
let server: Server
let endpoint: string

// A stand-in for the pipeline: authenticate, then a fixed GetCallerIdentity (query) or ListClusters (JSON) answer.
function handle(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    const url = req.url ?? '/'
    const mark = url.indexOf('?')
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value
    const protocol: AuthProtocol = headers['x-amz-target'] ? 'json' : 'query'
    try {
      const principal = authenticate(
        { method: req.method ?? 'GET', path: mark < 0 ? url : url.slice(0, mark), query: mark < 0 ? '' : url.slice(mark + 1), headers, body: Buffer.concat(chunks) },
        protocol,
        { rootSecret: 'test', defaultAccount: '000000000000', lenient: false, now: new Date(), lookupCredential: (id) => issued.get(id), signingKeys },
      )
      if (protocol === 'json') send(res, 200, 'application/x-amz-json-1.1', JSON.stringify({ clusterArns: [] }))
      else send(res, 200, 'text/xml', callerIdentityXml(principal))
    } catch (error) {
      if (!isAwsError(error)) {
        send(res, 500, 'text/plain', String(error))
      } else if (protocol === 'json') {
        send(res, error.status, 'application/x-amz-json-1.1', JSON.stringify({ __type: error.code, message: error.message }))
      } else {
        send(res, error.status, 'text/xml', errorXml(error))
      }
    }
  })
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': randomUUID() })
  res.end(body)
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function callerIdentityXml(principal: Principal): string {
  const arn = principal.type === 'AWSService' ? principal.service : principal.arn
  const userId = principal.type === 'AWSService' ? principal.service : principal.userId
  const account = principal.type === 'AWSService' ? principal.sourceAccount : principal.accountId
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${xml(arn)}</Arn><UserId>${xml(userId)}</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`
}

function errorXml(error: AwsError): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${xml(error.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`
}

before(async () => {
  server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

interface Credentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

const ROOT: Credentials = { accessKeyId: '111122223333', secretAccessKey: 'test' }
const USER: Credentials = { accessKeyId: USER_KEY.id, secretAccessKey: USER_KEY.secret }
const SESSION: Credentials = { accessKeyId: SESSION_KEY.id, secretAccessKey: SESSION_KEY.secret, sessionToken: SESSION_KEY.token }
const WRONG_SECRET: Credentials = { accessKeyId: USER_KEY.id, secretAccessKey: 'not-the-secret' }
const UNKNOWN: Credentials = { accessKeyId: 'AKIANOTISSUEDBYUS001', secretAccessKey: 'whatever' }
const EXPIRED: Credentials = { accessKeyId: EXPIRED_KEY.id, secretAccessKey: EXPIRED_KEY.secret, sessionToken: EXPIRED_KEY.token }
const INACTIVE: Credentials = { accessKeyId: INACTIVE_KEY.id, secretAccessKey: INACTIVE_KEY.secret }
const SESSION_WITHOUT_TOKEN: Credentials = { accessKeyId: SESSION_KEY.id, secretAccessKey: SESSION_KEY.secret }

const SUCCESSES: Array<[string, Credentials, string]> = [
  ['root of 111122223333', ROOT, 'arn:aws:iam::111122223333:root'],
  ['IAM user key', USER, userPrincipal.type === 'IAMUser' ? userPrincipal.arn : ''],
  ['session key with token', SESSION, 'arn:aws:sts::111122223333:assumed-role/app-task-role/0123456789abcdef'],
]
const FAILURES: Array<[string, Credentials, string]> = [
  ['wrong secret', WRONG_SECRET, 'SignatureDoesNotMatch'],
  ['unknown key', UNKNOWN, 'InvalidClientTokenId'],
  ['expired session key', EXPIRED, 'ExpiredToken'],
  ['inactive key', INACTIVE, 'InvalidClientTokenId'],
  ['session key without its token', SESSION_WITHOUT_TOKEN, 'InvalidClientTokenId'],
]

function sts(credentials: Credentials): STSClient {
  return new STSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 })
}

test('SDK for JavaScript v3 (STS, query protocol)', async (t) => {
  for (const [name, credentials, arn] of SUCCESSES) {
    await t.test(name, async () => {
      const identity = await sts(credentials).send(new GetCallerIdentityCommand({}))
      assert.equal(identity.Arn, arn)
    })
  }
  for (const [name, credentials, code] of FAILURES) {
    await t.test(name, async () => {
      await assert.rejects(sts(credentials).send(new GetCallerIdentityCommand({})), (error: { name: string; $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, code)
        assert.equal(error.$metadata?.httpStatusCode, 403)
        return true
      })
    })
  }
})

test('SDK for JavaScript v3 (ECS, JSON protocol)', async (t) => {
  const ecs = (credentials: Credentials) => new ECSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 })
  await t.test('IAM user key', async () => {
    const clusters = await ecs(USER).send(new ListClustersCommand({}))
    assert.deepEqual(clusters.clusterArns, [])
  })
  for (const [name, credentials, code] of [
    ['unknown key', UNKNOWN, 'UnrecognizedClientException'],
    ['wrong secret', WRONG_SECRET, 'InvalidSignatureException'],
    ['expired session key', EXPIRED, 'ExpiredTokenException'],
  ] as const) {
    await t.test(name, async () => {
      await assert.rejects(ecs(credentials).send(new ListClustersCommand({})), (error: { name: string; $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(error.name, code)
        assert.equal(error.$metadata?.httpStatusCode, 400)
        return true
      })
    })
  }
})

/** Only what python and the aws CLI need to start, never the host's AWS settings or credentials. */
function cleanEnv(credentials: Credentials): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: clientTools().path,
    HOME: process.env['HOME'],
    LANG: process.env['LANG'] ?? 'C.UTF-8',
    AWS_CONFIG_FILE: '/nonexistent/taskrole-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/taskrole-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_MAX_ATTEMPTS: '1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  }
  if (process.env['PYENV_ROOT']) env['PYENV_ROOT'] = process.env['PYENV_ROOT']
  if (credentials.sessionToken) env['AWS_SESSION_TOKEN'] = credentials.sessionToken
  return env
}

// One python process runs every case: boto3 takes a while to import.
const BOTO3_SCRIPT = `
import json, sys, urllib.request, urllib.error, re
import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
endpoint, cases = sys.argv[1], json.loads(sys.argv[2])
out = {}
for name, creds in cases.items():
    client = boto3.client('sts', endpoint_url=endpoint, region_name='us-east-1',
        aws_access_key_id=creds['accessKeyId'], aws_secret_access_key=creds['secretAccessKey'],
        aws_session_token=creds.get('sessionToken'), config=Config(retries={'total_max_attempts': 1}))
    try:
        out[name] = {'arn': client.get_caller_identity()['Arn']}
    except ClientError as e:
        out[name] = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}
    # GET, as aws eks get-token presigns it; and botocore's default, the operation's own POST.
    for key, method in (('presigned', 'GET'), ('presignedPost', 'POST')):
        url = client.generate_presigned_url('get_caller_identity', ExpiresIn=300, HttpMethod=method)
        request = urllib.request.Request(url, data=b'' if method == 'POST' else None, method=method)
        try:
            body = urllib.request.urlopen(request).read().decode()
            out[name][key] = re.search('<Arn>(.*?)</Arn>', body).group(1)
        except urllib.error.HTTPError as e:
            out[name][key] = re.search('<Code>(.*?)</Code>', e.read().decode()).group(1)
from botocore import UNSIGNED
unsigned = boto3.client('sts', endpoint_url=endpoint, region_name='us-east-1', config=Config(signature_version=UNSIGNED, retries={'total_max_attempts': 1}))
try:
    unsigned.get_caller_identity()
    out['unsigned'] = {'arn': 'accepted'}
except ClientError as e:
    out['unsigned'] = {'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}
print(json.dumps(out))
`

test('boto3: signed, presigned (generate_presigned_url fetched with urllib) and unsigned', async () => {
  const cases = Object.fromEntries([...SUCCESSES, ...FAILURES].map(([name, credentials]) => [name, credentials]))
  const { stdout } = await run(clientTools().python, ['-c', BOTO3_SCRIPT, endpoint, JSON.stringify(cases)], { env: cleanEnv(ROOT), timeout: 60_000 })
  const results = JSON.parse(stdout) as Record<string, { arn?: string; code?: string; status?: number; presigned?: string; presignedPost?: string }>
  for (const [name, , arn] of SUCCESSES) {
    assert.equal(results[name]?.arn, arn, name)
    assert.equal(results[name]?.presigned, arn, `${name} (presigned GET)`)
    assert.equal(results[name]?.presignedPost, arn, `${name} (presigned POST)`)
  }
  for (const [name, , code] of FAILURES) {
    assert.equal(results[name]?.code, code, name)
    assert.equal(results[name]?.status, 403, name)
    assert.equal(results[name]?.presigned, code, `${name} (presigned GET)`)
    assert.equal(results[name]?.presignedPost, code, `${name} (presigned POST)`)
  }
  assert.deepEqual(results['unsigned'], { code: 'MissingAuthenticationToken', status: 403 }, 'unsigned (botocore UNSIGNED)')
})

async function cli(credentials: Credentials): Promise<{ arn?: string; code?: string }> {
  const { status, stdout, stderr } = await runAwsCliAsync(['sts', 'get-caller-identity', '--endpoint-url', endpoint, '--output', 'json'], cleanEnv(credentials))
  if (status === 0) return { arn: (JSON.parse(stdout) as { Arn: string }).Arn }
  return { code: /An error occurred \((\w+)\)/.exec(stderr)?.[1] ?? stderr }
}

test('the aws CLI (credentials from the environment)', async () => {
  const cases = [...SUCCESSES.map(([name, credentials, arn]) => ({ name, credentials, arn })), ...FAILURES.map(([name, credentials, code]) => ({ name, credentials, code }))]
  const results = await Promise.all(cases.map((c) => cli(c.credentials)))
  cases.forEach((c, i) => {
    if ('arn' in c) assert.deepEqual(results[i], { arn: c.arn }, c.name)
    else assert.deepEqual(results[i], { code: c.code }, c.name)
  })
})
