// Unmodified AWS clients (SDK for JavaScript v3 and boto3) against a tiny server that uses only protocol/'s
// ServiceCatalog: identify -> parseInput -> canned output -> serializeOutput (or serializeError). If these clients
// parse our dates, lists, nested structures and error codes, the wire format is right.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { GetRoleCommand, IAMClient, ListRolesCommand, paginateListRoles, CreateRoleCommand, NoSuchEntityException } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { ClientException, DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs'
import { CloudWatchLogsClient, GetLogEventsCommand, ResourceNotFoundException as LogsResourceNotFound } from '@aws-sdk/client-cloudwatch-logs'
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { AwsError, internalFailure, isAwsError } from '../../src/aws/index.js'
import { ServiceCatalog, type OperationRef, type RawHttpRequest } from '../../src/protocol/index.js'
import { clientTools } from '../support/client-tools.js'

const execFileAsync = promisify(execFile)
const MODELS_DIR = new URL('../../models/', import.meta.url).pathname
const ROLE_DATE = new Date('2024-03-05T06:07:08.000Z')

type Handler = (input: Record<string, unknown>) => unknown

const role = (name: string) => ({
  Path: '/',
  RoleName: name,
  RoleId: `AROA${name.toUpperCase().replace(/[^A-Z]/g, '').padEnd(17, 'X').slice(0, 17)}`,
  Arn: `arn:aws:iam::111122223333:role/${name}`,
  CreateDate: ROLE_DATE,
  AssumeRolePolicyDocument: '%7B%22Version%22%3A%222012-10-17%22%7D',
  MaxSessionDuration: 3600,
  Tags: [
    { Key: 'team', Value: 'a&b <c>' },
    { Key: 'env', Value: 'dev' },
  ],
})

const handlers: Record<string, Handler> = {
  'iam.GetRole': (input) => {
    if (input.RoleName === 'missing') throw new AwsError('NoSuchEntity', 'The role with name missing cannot be found.', { status: 404 })
    return { Role: role(input.RoleName as string) }
  },
  'iam.ListRoles': (input) =>
    input.Marker === 'page-2'
      ? { Roles: [role('third')], IsTruncated: false }
      : { Roles: [role('first'), role('second')], IsTruncated: true, Marker: 'page-2' },
  'iam.CreateRole': (input) => ({ Role: role(input.RoleName as string) }),
  'sts.GetCallerIdentity': () => ({ UserId: '111122223333', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:root' }),
  'ecs.DescribeClusters': (input) => {
    const names = (input.clusters as string[] | undefined) ?? ['default']
    if (names.includes('broken')) throw new AwsError('ClientException', 'Cluster broken is not valid.')
    return {
      clusters: names.map((name) => ({
        clusterArn: `arn:aws:ecs:us-east-1:111122223333:cluster/${name}`,
        clusterName: name,
        status: 'ACTIVE',
        registeredContainerInstancesCount: 2,
        runningTasksCount: 3,
        tags: [{ key: 'owner', value: 'platform' }],
        statistics: [{ name: 'runningEC2TasksCount', value: '3' }],
        capacityProviders: [],
      })),
      failures: [],
    }
  },
  'logs.GetLogEvents': (input) => {
    if (input.logGroupName === 'missing') throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.')
    return {
      events: [
        { timestamp: 1_700_000_000_000, message: 'hello', ingestionTime: 1_700_000_000_500 },
        { timestamp: 1_700_000_001_000, message: 'world', ingestionTime: 1_700_000_001_500 },
      ],
      nextForwardToken: 'f/1',
      nextBackwardToken: 'b/1',
    }
  },
  'secretsmanager.GetSecretValue': (input) => {
    if (input.SecretId === 'missing') throw new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.")
    return { ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf', Name: 'db', SecretString: 's3cr3t', VersionStages: ['AWSCURRENT'], CreatedDate: ROLE_DATE }
  },
  'ec2.DescribeSubnets': (input) => ({
    Subnets: ((input.SubnetIds as string[] | undefined) ?? ['subnet-1']).map((id) => ({
      SubnetId: id,
      VpcId: ((input.Filters as { Values: string[] }[] | undefined)?.[0]?.Values[0]) ?? 'vpc-1',
      CidrBlock: '10.0.1.0/24',
      AvailabilityZone: 'us-east-1a',
      AvailableIpAddressCount: 250,
      MapPublicIpOnLaunch: false,
      Tags: [{ Key: 'Name', Value: 'private' }],
    })),
  }),
}

const catalog = new ServiceCatalog({ modelsDir: MODELS_DIR, services: ['iam', 'sts', 'ecs', 'logs', 'secretsmanager', 'ec2'] })
let server: Server
let endpoint: string
let requestCounter = 0
/** Anything but an AwsError thrown while serving: each one is a bug in protocol/ or in this test. */
const serverFaults: unknown[] = []

/** The SigV4 credential scope's service (`Credential=AKID/20240101/us-east-1/iam/aws4_request`). */
function scopeService(headers: Record<string, string>): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(headers.authorization ?? '')?.[1]
}

async function readRequest(message: IncomingMessage): Promise<RawHttpRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of message) chunks.push(chunk as Buffer)
  const [path = '/', query = ''] = (message.url ?? '/').split('?', 2)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === 'string') headers[name] = value
  return { method: message.method ?? 'GET', path, query, headers, body: Buffer.concat(chunks) }
}

before(async () => {
  server = createServer((message, reply) => {
    void readRequest(message).then((request) => {
      const requestId = `req-${++requestCounter}`
      const scope = scopeService(request.headers)
      let ref: OperationRef | undefined
      let response
      try {
        ref = catalog.identify(request, scope)
        const input = catalog.parseInput(ref, request)
        const handler = handlers[`${ref.service}.${ref.operation}`]
        if (!handler) throw new Error(`no canned output for ${ref.service}.${ref.operation}`)
        response = catalog.serializeOutput(ref, handler(input), requestId)
      } catch (error) {
        if (!isAwsError(error)) serverFaults.push(error)
        const awsError = isAwsError(error) ? error : internalFailure()
        response = catalog.serializeError(ref?.protocol ?? catalog.guessProtocol(request, scope), awsError, requestId, ref)
      }
      reply.writeHead(response.status, response.headers)
      reply.end(response.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const clientConfig = () => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: '111122223333', secretAccessKey: 'test' },
  maxAttempts: 1,
})

test('SDK v3 IAM GetRole parses the role, its date, its tag list and escaped text', async () => {
  const iam = new IAMClient(clientConfig())
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'app-role' }))
  assert.equal(Role?.RoleName, 'app-role')
  assert.equal(Role?.Arn, 'arn:aws:iam::111122223333:role/app-role')
  assert.ok(Role?.CreateDate instanceof Date)
  assert.equal(Role?.CreateDate?.toISOString(), '2024-03-05T06:07:08.000Z')
  assert.equal(Role?.MaxSessionDuration, 3600)
  assert.deepEqual(Role?.Tags, [
    { Key: 'team', Value: 'a&b <c>' },
    { Key: 'env', Value: 'dev' },
  ])
})

test('SDK v3 IAM ListRoles pages through Marker/IsTruncated', async () => {
  const iam = new IAMClient(clientConfig())
  const first = await iam.send(new ListRolesCommand({}))
  assert.equal(first.IsTruncated, true)
  assert.equal(first.Marker, 'page-2')
  const names: string[] = []
  for await (const page of paginateListRoles({ client: iam }, {})) for (const r of page.Roles ?? []) names.push(r.RoleName!)
  assert.deepEqual(names, ['first', 'second', 'third'])
})

test('SDK v3 IAM errors: NoSuchEntity (404) and the validation message', async () => {
  const iam = new IAMClient(clientConfig())
  await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'missing' })), (error: unknown) => {
    assert.ok(error instanceof NoSuchEntityException)
    assert.equal(error.name, 'NoSuchEntityException')
    assert.equal(error.message, 'The role with name missing cannot be found.')
    assert.equal(error.$metadata.httpStatusCode, 404)
    assert.equal(error.$metadata.requestId?.startsWith('req-'), true)
    return true
  })
  await assert.rejects(
    iam.send(new CreateRoleCommand({ RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: '{}' })),
    (error: Error & { Code?: string; $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(error.name, 'ValidationError')
      assert.equal(error.message, "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64")
      assert.equal(error.$metadata?.httpStatusCode, 400)
      return true
    },
  )
})

test('SDK v3 STS GetCallerIdentity', async () => {
  const sts = new STSClient(clientConfig())
  const identity = await sts.send(new GetCallerIdentityCommand({}))
  assert.equal(identity.Account, '111122223333')
  assert.equal(identity.Arn, 'arn:aws:iam::111122223333:root')
  assert.equal(identity.UserId, '111122223333')
})

test('SDK v3 ECS DescribeClusters and a ClientException from the JSON protocol', async () => {
  const ecs = new ECSClient(clientConfig())
  const result = await ecs.send(new DescribeClustersCommand({ clusters: ['alpha', 'beta'], include: ['TAGS'] }))
  assert.deepEqual(result.clusters?.map((c) => c.clusterName), ['alpha', 'beta'])
  assert.deepEqual(result.clusters?.[0]?.tags, [{ key: 'owner', value: 'platform' }])
  assert.equal(result.clusters?.[0]?.runningTasksCount, 3)
  assert.deepEqual(result.failures, [])
  await assert.rejects(ecs.send(new DescribeClustersCommand({ clusters: ['broken'] })), (error: unknown) => {
    assert.ok(error instanceof ClientException)
    assert.equal(error.message, 'Cluster broken is not valid.')
    assert.equal(error.$metadata.httpStatusCode, 400)
    return true
  })
  // An enum the model does not allow is rejected by protocol/ before any handler runs.
  await assert.rejects(ecs.send(new DescribeClustersCommand({ clusters: ['alpha'], include: ['NOPE' as 'TAGS'] })), (error: unknown) => {
    assert.ok(error instanceof ClientException)
    assert.equal(
      error.message,
      "1 validation error detected: Value '[NOPE]' at 'include' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, TAGS]]",
    )
    return true
  })
})

test('SDK v3 CloudWatch Logs GetLogEvents and ResourceNotFoundException', async () => {
  const logs = new CloudWatchLogsClient(clientConfig())
  const result = await logs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'web/1' }))
  assert.deepEqual(result.events?.map((e) => [e.timestamp, e.message]), [
    [1_700_000_000_000, 'hello'],
    [1_700_000_001_000, 'world'],
  ])
  assert.equal(result.nextForwardToken, 'f/1')
  await assert.rejects(logs.send(new GetLogEventsCommand({ logGroupName: 'missing', logStreamName: 's' })), (error: unknown) => {
    assert.ok(error instanceof LogsResourceNotFound)
    assert.equal(error.message, 'The specified log group does not exist.')
    return true
  })
  // logGroupName is limited to 512 characters by the model: InvalidParameterException (CloudWatch Logs' spelling), not a handler call.
  await assert.rejects(logs.send(new GetLogEventsCommand({ logGroupName: 'g'.repeat(513), logStreamName: 's' })), (error: Error) => {
    assert.equal(error.name, 'InvalidParameterException')
    assert.match(error.message, /^1 validation error detected: Value 'g{513}' at 'logGroupName' failed to satisfy constraint: Member must have length less than or equal to 512$/)
    return true
  })
})

test('SDK v3 Secrets Manager: epoch timestamps and the capital-M Message of its errors', async () => {
  const secrets = new SecretsManagerClient(clientConfig())
  const value = await secrets.send(new GetSecretValueCommand({ SecretId: 'db' }))
  assert.equal(value.SecretString, 's3cr3t')
  assert.equal(value.CreatedDate?.toISOString(), '2024-03-05T06:07:08.000Z')
  assert.deepEqual(value.VersionStages, ['AWSCURRENT'])
  await assert.rejects(secrets.send(new GetSecretValueCommand({ SecretId: 'missing' })), (error: Error) => {
    assert.equal(error.name, 'ResourceNotFoundException')
    assert.equal(error.message, "Secrets Manager can't find the specified secret.")
    return true
  })
})

test('an X-Amz-Target the model does not have gets a bare 400 UnknownOperationException', async () => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.LaunchRocket', 'content-type': 'application/x-amz-json-1.1' },
    body: '{}',
  })
  assert.equal(response.status, 400)
  assert.deepEqual(await response.json(), { __type: 'UnknownOperationException' })
})

const BOTO3_SCRIPT = String.raw`
import json, sys, boto3, botocore.exceptions
endpoint = sys.argv[1]
def client(name):
    return boto3.client(name, endpoint_url=endpoint, region_name='us-east-1', aws_access_key_id='111122223333', aws_secret_access_key='test')
out = {}
def error(fn):
    try:
        fn()
        return None
    except botocore.exceptions.ClientError as e:
        return {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message'], 'status': e.response['ResponseMetadata']['HTTPStatusCode'], 'requestId': e.response['ResponseMetadata'].get('RequestId')}
iam = client('iam')
role = iam.get_role(RoleName='app-role')['Role']
out['role'] = {'name': role['RoleName'], 'created': role['CreateDate'].isoformat(), 'tags': role['Tags'], 'maxSession': role['MaxSessionDuration'], 'policy': role['AssumeRolePolicyDocument']}
out['roleNames'] = [r['RoleName'] for page in iam.get_paginator('list_roles').paginate() for r in page['Roles']]
out['noSuchEntity'] = error(lambda: iam.get_role(RoleName='missing'))
out['iamValidation'] = error(lambda: iam.create_role(RoleName='x' * 65, AssumeRolePolicyDocument='{}'))
out['identity'] = client('sts').get_caller_identity()['Arn']
ecs = client('ecs')
clusters = ecs.describe_clusters(clusters=['alpha'], include=['TAGS'])
out['clusters'] = [{'name': c['clusterName'], 'tags': c['tags'], 'running': c['runningTasksCount']} for c in clusters['clusters']]
out['clientException'] = error(lambda: ecs.describe_clusters(clusters=['broken']))
secrets = client('secretsmanager')
out['secretCreated'] = secrets.get_secret_value(SecretId='db')['CreatedDate'].isoformat()
out['secretMissing'] = error(lambda: secrets.get_secret_value(SecretId='missing'))
ec2 = client('ec2')
subnets = ec2.describe_subnets(SubnetIds=['subnet-a', 'subnet-b'], Filters=[{'Name': 'vpc-id', 'Values': ['vpc-9']}])['Subnets']
out['subnets'] = [{'id': s['SubnetId'], 'vpc': s['VpcId'], 'public': s['MapPublicIpOnLaunch'], 'free': s['AvailableIpAddressCount'], 'tags': s['Tags']} for s in subnets]
out['ec2Invalid'] = error(lambda: ec2.describe_subnets(MaxResults=1001))
print(json.dumps(out))
`

test('boto3 parses outputs and errors of all three protocols', async () => {
  const env = {
    PATH: clientTools().path || '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
  }
  const { stdout } = await execFileAsync(clientTools().python, ['-c', BOTO3_SCRIPT, endpoint], { env, timeout: 60_000 })
  const out = JSON.parse(stdout)
  assert.deepEqual(out.role, {
    name: 'app-role',
    created: '2024-03-05T06:07:08+00:00',
    tags: [
      { Key: 'team', Value: 'a&b <c>' },
      { Key: 'env', Value: 'dev' },
    ],
    maxSession: 3600,
    // botocore decodes IAM's URL-encoded policy documents itself
    policy: { Version: '2012-10-17' },
  })
  assert.deepEqual(out.roleNames, ['first', 'second', 'third'])
  assert.deepEqual(out.noSuchEntity, { code: 'NoSuchEntity', message: 'The role with name missing cannot be found.', status: 404, requestId: out.noSuchEntity.requestId })
  assert.match(out.noSuchEntity.requestId, /^req-\d+$/)
  assert.equal(out.iamValidation.code, 'ValidationError')
  assert.equal(out.iamValidation.message, "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64")
  assert.equal(out.identity, 'arn:aws:iam::111122223333:root')
  assert.deepEqual(out.clusters, [{ name: 'alpha', tags: [{ key: 'owner', value: 'platform' }], running: 3 }])
  assert.deepEqual(out.clientException, { code: 'ClientException', message: 'Cluster broken is not valid.', status: 400, requestId: out.clientException.requestId })
  assert.equal(out.secretCreated, '2024-03-05T06:07:08+00:00')
  assert.equal(out.secretMissing.code, 'ResourceNotFoundException')
  assert.equal(out.secretMissing.message, "Secrets Manager can't find the specified secret.")
  assert.deepEqual(out.subnets, [
    { id: 'subnet-a', vpc: 'vpc-9', public: false, free: 250, tags: [{ Key: 'Name', Value: 'private' }] },
    { id: 'subnet-b', vpc: 'vpc-9', public: false, free: 250, tags: [{ Key: 'Name', Value: 'private' }] },
  ])
  // DescribeSubnets MaxResults has a model maximum of 1000: EC2's own InvalidParameterValue, rendered the EC2 way.
  assert.equal(out.ec2Invalid.code, 'InvalidParameterValue')
  assert.equal(out.ec2Invalid.message, 'Value (1001) for parameter MaxResults is invalid. Member must have value less than or equal to 1000')
  assert.equal(out.ec2Invalid.status, 400)
  assert.match(out.ec2Invalid.requestId, /^req-\d+$/)
})

test('no request reached the server as anything but an AwsError', () => {
  assert.deepEqual(serverFaults, [])
})
