// What enforcement adds to one call inside taskrole, measured without HTTP or a client: two dispatchers over
// file-backed stores (one `enforce`, one `off`), the same IAM world in each, the same calls alternating between them
// one by one (so machine load hits both alike). Prints per-operation medians in µs and the difference, as JSON on
// the last line for bench/enforcement-cost.mjs. Run: node --import tsx bench/enforcement-in-process.ts [N]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Principal } from '../src/auth/index.js'
import { createCredentialLookup } from '../src/auth/lookup-credential.js'
import { CompiledPolicyCache, createAuthorizer, type EnforcementMode } from '../src/authz/index.js'
import { systemClock } from '../src/aws/index.js'
import { createDispatcher, OperationRegistry, type Dispatcher } from '../src/dispatch/index.js'
import { buildServices } from '../src/services/index.js'
import { openStore, type Store } from '../src/store/index.js'

const N = Number(process.argv[2] ?? process.env.N ?? 2000)
const ACCOUNT = '210987654321'
const root: Principal = { type: 'Root', accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:root`, userId: ACCOUNT, accessKeyId: ACCOUNT }
const source = { ip: '127.0.0.1', userAgent: 'enforcement-in-process', secureTransport: false }
const policy = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement })

interface Stack {
  mode: EnforcementMode
  store: Store
  dispatcher: Dispatcher
  call(principal: Principal, service: string, operation: string, input: unknown): any
}

function stack(mode: EnforcementMode, dir: string): Stack {
  const store = openStore(join(dir, mode))
  const registry = new OperationRegistry()
  const dispatcher = createDispatcher({ store, authorizer: createAuthorizer({ store, cache: new CompiledPolicyCache(), mode }), registry, clock: systemClock })
  for (const service of buildServices({ taskChanged() {}, endpoint: () => 'http://127.0.0.1:4599' })) registry.register(service)
  return {
    mode,
    store,
    dispatcher,
    call: (principal, service, operation, input) => dispatcher.invoke({ service, operation, input, principal, region: 'us-east-1', source }),
  }
}

/** The api-bench-like world of enforcement-cost.mjs: user `dev` (inline, group and a 21-statement managed policy with
 *  principal-tag conditions) and a session of role `bench-target` with a session policy. */
function setUp(s: Stack) {
  const filler = Array.from({ length: 20 }, (_, i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Action: [`ecs:Describe${i}*`, `s3:Get${i}*`],
    Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  }))
  s.call(root, 'iam', 'CreateUser', { UserName: 'dev', Tags: [{ Key: 'team', Value: 'blue' }] })
  s.call(root, 'iam', 'CreateRole', {
    RoleName: 'bench-target',
    AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dev` }, Action: 'sts:AssumeRole' }),
  })
  s.call(root, 'iam', 'PutRolePolicy', { RoleName: 'bench-target', PolicyName: 'reads', PolicyDocument: policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }) })
  s.call(root, 'iam', 'PutUserPolicy', { UserName: 'dev', PolicyName: 'inline', PolicyDocument: policy(...filler.slice(0, 6), { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) })
  s.call(root, 'iam', 'CreateGroup', { GroupName: 'devs' })
  s.call(root, 'iam', 'AddUserToGroup', { GroupName: 'devs', UserName: 'dev' })
  s.call(root, 'iam', 'PutGroupPolicy', {
    GroupName: 'devs',
    PolicyName: 'reads',
    PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
  })
  const managed = s.call(root, 'iam', 'CreatePolicy', { PolicyName: 'filler', PolicyDocument: policy(...filler, { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' }) })
  s.call(root, 'iam', 'AttachUserPolicy', { UserName: 'dev', PolicyArn: managed.Policy.Arn })
  const key = s.call(root, 'iam', 'CreateAccessKey', { UserName: 'dev' }).AccessKey
  const lookup = createCredentialLookup(s.store)
  const user = lookup(key.AccessKeyId)!.principal
  const credentials = s.call(user, 'sts', 'AssumeRole', {
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/bench-target`,
    RoleSessionName: 'bench',
    Policy: policy({ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }),
  }).Credentials
  const session = lookup(credentials.AccessKeyId)!.principal
  return {
    'iam GetRole (root)': () => s.call(root, 'iam', 'GetRole', { RoleName: 'bench-target' }),
    'iam GetRole (IAM user)': () => s.call(user, 'iam', 'GetRole', { RoleName: 'bench-target' }),
    'sts AssumeRole (IAM user)': () => s.call(user, 'sts', 'AssumeRole', { RoleArn: `arn:aws:iam::${ACCOUNT}:role/bench-target`, RoleSessionName: 'bench' }),
    'iam ListRolePolicies (role session)': () => s.call(session, 'iam', 'ListRolePolicies', { RoleName: 'bench-target' }),
  } as Record<string, () => unknown>
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const dir = mkdtempSync(join(tmpdir(), 'taskrole-enforcement-in-process-'))
try {
  const stacks = [stack('enforce', dir), stack('off', dir)]
  const workloads = stacks.map(setUp)
  const results: Record<string, { enforceUs: number; offUs: number }> = {}
  for (const name of Object.keys(workloads[0]!)) {
    const times: number[][] = [[], []]
    for (let i = 0; i < 200; i++) for (const w of workloads) w[name]!()
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < 2; k++) {
        const s = (i + k) % 2
        const start = performance.now()
        workloads[s]![name]!()
        times[s]!.push((performance.now() - start) * 1000)
      }
    }
    results[name] = { enforceUs: median(times[0]!), offUs: median(times[1]!) }
  }
  const lines = [`| operation (in-process dispatch, ${N} calls each) | enforce µs | off µs | enforcement µs |`, '|---|---:|---:|---:|']
  for (const [name, r] of Object.entries(results)) {
    lines.push(`| ${name} | ${r.enforceUs.toFixed(1)} | ${r.offUs.toFixed(1)} | ${(r.enforceUs - r.offUs).toFixed(1)} |`)
  }
  process.stdout.write(lines.join('\n') + '\n' + JSON.stringify(results) + '\n')
  for (const s of stacks) s.store.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}
