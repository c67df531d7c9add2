// iamsim-adapter.mjs — taskrole's policy engine behind the adapter interface of
// shared/bench/iamsim-bench.mjs: prepare(scenario) validates and compiles the policies once and
// returns a function that evaluates the request from scratch on every call.
//
// The engine is bundled from src/engine/index.ts with esbuild into a temporary ES module, so the
// bench times the same compiled JavaScript that `npm run build` ships (no TypeScript loader in the loop).
import { build } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = mkdtempSync(join(tmpdir(), 'taskrole-engine-'))
const outfile = join(outDir, 'engine.mjs')
await build({
  entryPoints: [join(repo, 'src/engine/index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
})
const engine = await import(pathToFileURL(outfile).href)
rmSync(outDir, { recursive: true, force: true })

export const name = 'taskrole'

const DECISIONS = { allowed: 'Allowed', explicitDeny: 'ExplicitlyDenied', implicitDeny: 'ImplicitlyDenied' }

export async function prepare(scenario) {
  const trust = scenario.action.toLowerCase().startsWith('sts:assumerole')
  const compile = (document, kind, source) => {
    const text = JSON.stringify(document)
    const validation = engine.validatePolicyDocument(text, kind)
    if (!validation.ok) throw new Error(`${source.id}: ${validation.message}`)
    return engine.compilePolicy(text, source)
  }
  const policies = {
    identity: scenario.identityPolicies.map(({ name: id, policy }) =>
      compile(policy, id.startsWith('Amazon') ? 'managed' : 'identity', { id, type: id.startsWith('Amazon') ? 'aws-managed' : 'role' }),
    ),
    ...(scenario.resourcePolicy
      ? {
          resource: compile(scenario.resourcePolicy, trust ? 'trust' : 'resource', {
            id: scenario.resource,
            type: trust ? 'Role Trust Policy' : 'Resource Policy',
          }),
          resourcePolicyMustGrant: trust || scenario.action.toLowerCase().startsWith('kms:'),
        }
      : {}),
    ...(scenario.permissionBoundaries?.length
      ? { boundary: compile(scenario.permissionBoundaries[0], 'boundary', { id: 'boundary', type: 'Permissions Boundary Policy' }) }
      : {}),
    ...(scenario.sessionPolicy ? { session: [compile(scenario.sessionPolicy, 'session', { id: 'session', type: 'Session Policy' })] } : {}),
  }
  const request = {
    principal: requestPrincipal(scenario.principal, scenario.context),
    action: scenario.action,
    resource: scenario.resource,
    resourceAccount: scenario.resourceAccount,
    context: scenario.context,
  }
  return () => DECISIONS[engine.evaluate(request, policies).decision]
}

/** The scenario names its principal by ARN (or service name); the engine wants its type and ids. */
function requestPrincipal(principal, context) {
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal)
  if (session) {
    const roleArn = context['aws:PrincipalArn'] ?? `arn:aws:iam::${session[1]}:role/${session[2]}`
    return { type: 'AssumedRole', arn: principal, accountId: session[1], roleArn }
  }
  const iam = /^arn:aws:iam::(\d{12}):(root|user\/.+)$/.exec(principal)
  if (iam) return { type: iam[2] === 'root' ? 'Root' : 'IAMUser', arn: principal, accountId: iam[1] }
  if (!principal.startsWith('arn:')) return { type: 'AWSService', arn: principal, service: principal }
  throw new Error(`unsupported principal ${principal}`)
}
