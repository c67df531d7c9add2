// What taskrole's own pipeline costs per call, without HTTP or a client: a signed GetCallerIdentity and GetRole
// handed to handleAwsRequest (authenticate, parse, authorize, handle, audit, serialize) over a file-backed store.
// Prints µs per call (wall inside the pipeline, and CPU). Run: node --import tsx bench/pipeline-in-process.ts [N]
// GAP_MS=1 idles that long before each call, as a server idles between a client's calls: on the shared 2-core VMs
// here that alone made the same call cost about 4x (GetCallerIdentity 48 -> 206 µs), the caches and predictors
// being cold after every idle; a server's per-call cost under a sequential client is that cold cost.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCredentialLookup, SigningKeyCache } from '../src/auth/index.js'
import { CompiledPolicyCache, createAuthorizer } from '../src/authz/index.js'
import { systemClock } from '../src/aws/index.js'
import { createDispatcher, OperationRegistry } from '../src/dispatch/index.js'
import { ServiceCatalog } from '../src/protocol/index.js'
import { handleAwsRequest } from '../src/server/aws-pipeline.js'
import { buildServices, SERVED_MODELS } from '../src/services/index.js'
import { openStore } from '../src/store/index.js'
import { signLikeSdk } from '../test/auth/sign-like-sdk.js'

const store = openStore(mkdtempSync(join(tmpdir(), 'pipe-')))
const registry = new OperationRegistry()
const authorizer = createAuthorizer({ store, cache: new CompiledPolicyCache(), mode: 'enforce' })
const dispatcher = createDispatcher({ store, authorizer, registry, clock: systemClock })
for (const s of buildServices({ taskChanged() {}, endpoint: () => 'http://127.0.0.1:4599' })) registry.register(s)
const catalog = new ServiceCatalog({ modelsDir: resolve('models'), services: SERVED_MODELS })
const deps = { catalog, dispatcher, clock: systemClock, defaultRegion: 'us-east-1', logError: console.error,
  auth: { rootSecret: 'test', defaultAccount: '000000000000', lenient: false, lookupCredential: createCredentialLookup(store), signingKeys: new SigningKeyCache() } }
const origin = { ip: '127.0.0.1', secure: false }
async function req(service: string, body: string) {
  return signLikeSdk({ accessKeyId: '111122223333', secretAccessKey: 'test', service, body, signingDate: new Date(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': 'bench' } })
}
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
await handleAwsRequest(await req('iam', `Action=CreateRole&Version=2010-05-08&RoleName=r1&AssumeRolePolicyDocument=${encodeURIComponent(trust)}`), origin, deps)
const cases: Record<string, any> = {
  gci: await req('sts', 'Action=GetCallerIdentity&Version=2011-06-15'),
  getrole: await req('iam', 'Action=GetRole&Version=2010-05-08&RoleName=r1'),
}
const N = Number(process.argv[2] ?? 5000)
const GAP_MS = Number(process.env.GAP_MS ?? 0)
for (const [name, r] of Object.entries(cases)) {
  for (let i = 0; i < 2000; i++) await handleAwsRequest(r, origin, deps)
  const c0 = process.cpuUsage()
  let inside = 0
  for (let i = 0; i < N; i++) {
    if (GAP_MS) await new Promise((idle) => setTimeout(idle, GAP_MS))
    const start = performance.now()
    const a = await handleAwsRequest(r, origin, deps)
    inside += performance.now() - start
    if (a.status !== 200) throw new Error(String(a.body))
  }
  const c = process.cpuUsage(c0)
  console.log(name, 'gap ms', GAP_MS, 'inside µs/call', (inside * 1000 / N).toFixed(1), 'cpu µs/call', ((c.user + c.system) / N).toFixed(1), 'sys', (c.system / N).toFixed(1))
}
