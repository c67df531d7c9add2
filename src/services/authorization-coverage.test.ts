//! Every served operation declares its authorization (STYLE.md rule 6): it exists in its service's model, has a
//! handler and a declaration, and the declaration, run on an input made from the model's required members, names
//! `<service>:<Operation>` first, a resource for every requirement, and `*` only for actions that the Service
//! Authorization Reference lists without a resource type (where a policy must say "Resource": "*").
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { isAwsError } from '../aws/index.js'
import type { CallContext, ServiceDefinition } from '../dispatch/index.js'
import { openStore } from '../store/index.js'
import { buildServices } from './index.js'

const ACCOUNT = '111122223333'
const services = buildServices({ taskChanged() {}, endpoint: () => 'http://127.0.0.1:4599' })

/** Operations AWS authorizes with no permission at all. */
const NOT_AUTHORIZED = new Set([
  // "No permissions are required to perform this operation." (STS API Reference, GetCallerIdentity)
  'sts:GetCallerIdentity',
  // "No permissions are required for a user to get a session token." (IAM User Guide, Permissions for GetSessionToken)
  'sts:GetSessionToken',
])

/** Actions the Service Authorization Reference lists with no resource type. */
const RESOURCELESS = new Set([
  'iam:ListPolicies',
  'iam:GetAccountAuthorizationDetails',
  'iam:SimulateCustomPolicy',
  'iam:GetAccountSummary',
  'iam:ListAccountAliases',
  'sts:GetAccessKeyInfo',
  'sts:DecodeAuthorizationMessage',
  'cloudtrail:LookupEvents',
  'kms:CreateKey',
  'kms:ListKeys',
  'kms:ListAliases',
  'kms:GenerateRandom',
  'secretsmanager:ListSecrets',
  'secretsmanager:GetRandomPassword',
  'secretsmanager:BatchGetSecretValue',
  'ssm:DescribeParameters',
  'ecr:GetAuthorizationToken',
  'ecs:CreateCluster',
  'ecs:ListClusters',
  'ecs:RegisterTaskDefinition',
  'ecs:DeregisterTaskDefinition',
  'ecs:DescribeTaskDefinition',
  'ecs:ListTaskDefinitions',
  'ecs:ListTaskDefinitionFamilies',
  'ecs:DiscoverPollEndpoint',
  // CAUTION: the SAR lists container-instance for ListTasks, but a task list names no container instance unless
  // filtered by one, and AWS's own example policies grant it on "*" with an ecs:cluster condition; kept at * for now.
  'ecs:ListTasks',
])

/** EC2's Describe* actions have no resource types ("Resource": "*" only). */
const isResourceless = (action: string) => RESOURCELESS.has(action) || /^ec2:Describe/.test(action)

interface Shape {
  type: string
  members?: Record<string, { shape: string }>
  required?: string[]
  member?: { shape: string }
  enum?: string[]
  min?: number
}

interface Model {
  operations: Record<string, { input?: { shape: string } }>
  shapes: Record<string, Shape>
}

function model(service: string): Model {
  return JSON.parse(readFileSync(new URL(`../../models/${service}.json`, import.meta.url), 'utf8')) as Model
}

/** An input holding the required members only, with placeholder values of the right types. */
function sampleInput(shapes: Model['shapes'], shapeName: string, memberName = '', depth = 0): unknown {
  const shape = shapes[shapeName]!
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {}
      if (depth > 5) return out
      for (const member of shape.required ?? []) out[member] = sampleInput(shapes, shape.members![member]!.shape, member, depth + 1)
      return out
    }
    case 'list':
      return [sampleInput(shapes, shape.member!.shape, memberName, depth + 1)]
    case 'map':
      return {}
    case 'string':
      return shape.enum ? shape.enum[0] : /arn$/i.test(memberName) ? `arn:aws:iam::${ACCOUNT}:role/example` : 'example'
    case 'integer':
    case 'long':
      return shape.min ?? 1
    case 'float':
    case 'double':
      return 1
    case 'boolean':
      return false
    case 'timestamp':
      return new Date(0)
    case 'blob':
      return Buffer.from('x')
    default:
      return 'example'
  }
}

function fakeContext(service: string, operation: string): CallContext {
  const principal = { type: 'Root' as const, accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT, accessKeyId: ACCOUNT }
  return {
    requestId: 'coverage-request',
    eventId: 'coverage-event',
    service,
    operation,
    principal,
    accountId: ACCOUNT,
    region: 'us-east-1',
    now: new Date('2025-01-02T03:04:05Z'),
    store: openStore(':memory:'),
    source: { userAgent: 'coverage', secureTransport: true },
    audit: { resources: [] },
    authorize: () => undefined,
    check: () => {
      throw new Error('declarations only declare')
    },
    invoke: () => {
      throw new Error('declarations only declare')
    },
    afterCommit: () => undefined,
  }
}

test('the served services are the ones composed by buildServices, each with a model', () => {
  assert.ok(services.length >= 4, 'iam, sts, cloudtrail and logs at least')
  for (const service of services) assert.ok(Object.keys(model(service.service).operations).length > 0, service.service)
})

for (const service of services) {
  test(`${service.service}: every operation is in the model and has a handler and an authorization declaration`, () => {
    const operations = model(service.service).operations
    const missing = Object.keys(service.operations).filter((name) => !operations[name])
    assert.deepEqual(missing, [], `not operations of models/${service.service}.json`)
    for (const [name, definition] of Object.entries(service.operations)) {
      assert.equal(typeof definition.handler, 'function', `${name} handler`)
      assert.equal(typeof definition.authorization, 'function', `${name} authorization`)
    }
  })

  test(`${service.service}: declarations name the action first, a resource always, and * only where AWS has no resource type`, () => {
    const { shapes, operations } = model(service.service)
    const problems: string[] = []
    for (const [name, definition] of Object.entries(service.operations)) {
      const inputShape = operations[name]?.input?.shape
      const input = inputShape ? sampleInput(shapes, inputShape) : {}
      const action = `${service.service}:${name}`
      let declared: ReturnType<(typeof definition)['authorization']>
      try {
        declared = definition.authorization(input, fakeContext(service.service, name))
      } catch (error) {
        // A declaration may refuse a made-up input the way AWS would (unknown key, malformed name); anything else is a bug.
        if (!isAwsError(error)) problems.push(`${name}: threw ${(error as Error).stack ?? String(error)}`)
        continue
      }
      if (declared === 'none') {
        if (!NOT_AUTHORIZED.has(action)) problems.push(`${name}: declares no authorization`)
        continue
      }
      if (NOT_AUTHORIZED.has(action)) problems.push(`${name}: AWS requires no permission, yet it declares ${declared.length}`)
      if (declared.length === 0) problems.push(`${name}: declares an empty list`)
      else if (declared[0]!.action !== action) problems.push(`${name}: first requirement is ${declared[0]!.action}, not ${action}`)
      for (const requirement of declared) {
        if (!/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(requirement.action)) problems.push(`${name}: malformed action ${requirement.action}`)
        if (!requirement.resource) problems.push(`${name}: ${requirement.action} has no resource`)
        else if (requirement.resource === '*' && !isResourceless(requirement.action)) problems.push(`${name}: ${requirement.action} on * (the SAR names a resource type)`)
        else if (requirement.resource !== '*' && !requirement.resource.startsWith('arn:')) problems.push(`${name}: ${requirement.action} on ${requirement.resource}`)
      }
    }
    assert.deepEqual(problems, [])
  })
}

test('the access-denied shape of every service is a code and a status AWS uses for it', () => {
  const shapes = new Map<string, ServiceDefinition['accessDenied']>(services.map((s) => [s.service, s.accessDenied]))
  // Query services (IAM, STS): 403 AccessDenied; JSON services: 400 AccessDeniedException; EC2: 403 UnauthorizedOperation.
  const expected: Record<string, [string, number]> = {
    iam: ['AccessDenied', 403],
    sts: ['AccessDenied', 403],
    ec2: ['UnauthorizedOperation', 403],
  }
  for (const [name, denied] of shapes) {
    const [code, status] = expected[name] ?? ['AccessDeniedException', 400]
    assert.deepEqual([denied.code, denied.status], [code, status], name)
  }
})
