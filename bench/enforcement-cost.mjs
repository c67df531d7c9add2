#!/usr/bin/env node
// What IAM enforcement costs per API call: taskrole started twice (`--enforcement enforce` and `--enforcement off`,
// fresh data dirs, node dist/cli.js directly), ../shared/bench/api-bench.py run against each in alternating rounds
// (so drift in machine load hits both alike), then per-operation client medians, the enforce/off ratio, and each
// server's own CPU time per round (from /proc, the figure least disturbed by the boto3 client's ~1 ms per call).
// api-bench signs almost every call as the account's root, whose calls need no policy reads; so a second phase
// times calls of an IAM user (inline, group and managed policies with conditions) and of a role session with a
// session policy, alternating call by call between the two servers (SDK for JavaScript v3 clients).
// The bar (taskrole issue 4): enforcement costs < 5% of a whole API call.
// Third, bench/enforcement-in-process.ts times the same calls inside one process (no HTTP, no client), enforce and
// off alternating, and the difference is put against a whole boto3 call.
// Knobs: N (200 timed calls per operation), ROUNDS (3), IN_PROCESS_N (2000), TASKROLE_SHARED (../shared).
// Needs dist/cli.js (built if missing).
import { spawn, spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

// The SDK's notice about future Node versions is not part of the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const SHARED = process.env.TASKROLE_SHARED ?? join(ROOT, '..', 'shared')
const API_BENCH = join(SHARED, 'bench', 'api-bench.py')
const N = Number(process.env.N ?? 200)
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const MODES = ['enforce', 'off']
const ACCOUNT = '210987654321'
const work = mkdtempSync(join(tmpdir(), 'taskrole-enforcement-bench-'))
const servers = []

function startServer(mode) {
  const dataDir = join(work, `data-${mode}`)
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'start', '--port', '0', '--data-dir', dataDir, '--enforcement', mode], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const server = { mode, child, endpoint: '' }
  servers.push(server)
  return new Promise((resolveServer, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`taskrole (${mode}) did not start: ${output}`)), 15_000)
    child.stderr.on('data', (chunk) => {
      output += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match && !server.endpoint) {
        clearTimeout(timer)
        server.endpoint = match[1]
        resolveServer(server)
      }
    })
    child.once('exit', (code) => reject(new Error(`taskrole (${mode}) exited with ${code}: ${output}`)))
  })
}

/** utime + stime of a process in milliseconds (/proc/<pid>/stat fields 14 and 15, in clock ticks). */
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12])
  return (ticks * 1000) / 100 // CLK_TCK is 100 on Linux
}

function runApiBench(server, round) {
  const out = join(work, `${server.mode}-${round}.json`)
  const before = cpuMs(server.child.pid)
  const result = spawnSync('python3', [API_BENCH, '--endpoint', server.endpoint, '-n', String(N), '--json', out], { encoding: 'utf8', cwd: ROOT })
  const serverCpu = cpuMs(server.child.pid) - before
  if (result.status !== 0 || !existsSync(out)) throw new Error(`api-bench against ${server.mode} failed:\n${result.stdout}\n${result.stderr}`)
  const report = JSON.parse(readFileSync(out, 'utf8'))
  const calls = Object.values(report.ops).reduce((sum, op) => sum + (op.ok ?? 0) + (op.errors ?? 0), 0)
  return { ops: report.ops, serverCpu, calls }
}

const policy = (...Statement) => JSON.stringify({ Version: '2012-10-17', Statement })

/** A user `dev` (tag team=blue; an inline, a group and a 21-statement managed policy) and a role session with a
 *  session policy, made by root on one server; returns what the principals call, each with its own client. */
async function principalWorkload(endpoint) {
  const { IAMClient, CreateRoleCommand, CreateUserCommand, PutUserPolicyCommand, CreateGroupCommand, AddUserToGroupCommand,
    PutGroupPolicyCommand, CreatePolicyCommand, AttachUserPolicyCommand, CreateAccessKeyCommand, PutRolePolicyCommand, GetRoleCommand,
    ListRolePoliciesCommand } = await import('@aws-sdk/client-iam')
  const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts')
  const config = (credentials) => ({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 })
  const iam = new IAMClient(config({ accessKeyId: ACCOUNT, secretAccessKey: 'test' }))
  const filler = Array.from({ length: 20 }, (_, i) => ({
    Sid: `S${i}`,
    Effect: 'Allow',
    Action: [`ecs:Describe${i}*`, `s3:Get${i}*`],
    Resource: `arn:aws:s3:::bucket-${i}/*`,
    Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } },
  }))
  const roleName = 'bench-target'
  await iam.send(new CreateUserCommand({ UserName: 'dev', Tags: [{ Key: 'team', Value: 'blue' }] }))
  await iam.send(new CreateRoleCommand({
    RoleName: roleName,
    AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/dev` }, Action: 'sts:AssumeRole' }),
  }))
  await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: 'reads', PolicyDocument: policy({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' }) }))
  await iam.send(new PutUserPolicyCommand({ UserName: 'dev', PolicyName: 'inline', PolicyDocument: policy(...filler.slice(0, 6), { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }))
  await iam.send(new CreateGroupCommand({ GroupName: 'devs' }))
  await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'dev' }))
  await iam.send(new PutGroupPolicyCommand({
    GroupName: 'devs',
    PolicyName: 'reads',
    PolicyDocument: policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }),
  }))
  const managed = await iam.send(new CreatePolicyCommand({ PolicyName: 'filler', PolicyDocument: policy(...filler, { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' }) }))
  await iam.send(new AttachUserPolicyCommand({ UserName: 'dev', PolicyArn: managed.Policy.Arn }))
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey
  const userCredentials = { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }
  const userIam = new IAMClient(config(userCredentials))
  const userSts = new STSClient(config(userCredentials))
  const session = (await userSts.send(new AssumeRoleCommand({
    RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`,
    RoleSessionName: 'bench',
    Policy: policy({ Effect: 'Allow', Action: 'iam:List*', Resource: '*' }),
  }))).Credentials
  const sessionIam = new IAMClient(config({ accessKeyId: session.AccessKeyId, secretAccessKey: session.SecretAccessKey, sessionToken: session.SessionToken }))
  return {
    'iam GetRole (IAM user)': () => userIam.send(new GetRoleCommand({ RoleName: roleName })),
    'sts AssumeRole (IAM user)': () => userSts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, RoleSessionName: 'bench' })),
    'iam ListRolePolicies (role session)': () => sessionIam.send(new ListRolePoliciesCommand({ RoleName: roleName })),
  }
}

/** Each operation timed N times on each server, alternating server call by call. */
async function interleaved(servers) {
  const workloads = await Promise.all(servers.map((server) => principalWorkload(server.endpoint)))
  const results = {}
  const cpuBefore = servers.map((server) => cpuMs(server.child.pid))
  let calls = 0
  for (const name of Object.keys(workloads[0])) {
    const times = servers.map(() => [])
    for (let i = 0; i < 10; i++) for (const workload of workloads) await workload[name]()
    for (let i = 0; i < N; i++) {
      for (let k = 0; k < servers.length; k++) {
        const s = (i + k) % servers.length
        const start = performance.now()
        await workloads[s][name]()
        times[s].push(performance.now() - start)
      }
    }
    results[name] = times.map(median)
    calls += N + 10
  }
  const cpuPerCall = servers.map((server, s) => (cpuMs(server.child.pid) - cpuBefore[s]) / calls)
  return { results, cpuPerCall }
}

const IN_PROCESS_N = Number(process.env.IN_PROCESS_N ?? 2000)

/** bench/enforcement-in-process.ts under tsx: its last line is JSON { operation: { enforceUs, offUs } }. */
function runInProcess() {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'enforcement-in-process.ts'), String(IN_PROCESS_N)], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`enforcement-in-process.ts failed:\n${result.stdout}\n${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1))
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const fmt = (value, digits = 3) => (value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits))

async function main() {
  if (!existsSync(API_BENCH)) throw new Error(`${API_BENCH} not found (set TASKROLE_SHARED)`)
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  const [enforce, off] = await Promise.all(MODES.map(startServer))
  const rounds = { enforce: [], off: [] }
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which mode goes first, so neither always runs on a warmer (or busier) machine.
    const order = round % 2 ? [off, enforce] : [enforce, off]
    for (const server of order) {
      rounds[server.mode].push(runApiBench(server, round))
      process.stderr.write(`# round ${round + 1}/${ROUNDS}: ${server.mode} done\n`)
    }
  }
  const names = [...new Set(rounds.enforce.flatMap((r) => Object.keys(r.ops)))]
  const lines = [
    `## Enforcement cost (api-bench.py -n ${N}, ${ROUNDS} alternating rounds; client-side medians of per-round medians, ms)`,
    '',
    '| operation | enforce | off | enforce/off |',
    '|---|---:|---:|---:|',
  ]
  const ratios = []
  for (const name of names) {
    const medianOf = (mode) => {
      const values = rounds[mode].map((r) => r.ops[name]?.median_ms).filter((v) => typeof v === 'number')
      return values.length === ROUNDS ? median(values) : undefined
    }
    const e = medianOf('enforce')
    const o = medianOf('off')
    if (e === undefined || o === undefined) {
      lines.push(`| ${name} | ${fmt(e)} | ${fmt(o)} | - (not measured in every round) |`)
      continue
    }
    ratios.push(e / o)
    lines.push(`| ${name} | ${fmt(e)} | ${fmt(o)} | ${fmt(e / o)} |`)
  }
  const principals = await interleaved([enforce, off])
  lines.push(
    '',
    `## Enforcement cost for IAM users and role sessions (SDK v3, ${N} calls per operation, alternating servers call by call; medians, ms)`,
    '',
    '| operation | enforce | off | enforce/off |',
    '|---|---:|---:|---:|',
  )
  for (const [name, [e, o]] of Object.entries(principals.results)) {
    ratios.push(e / o)
    lines.push(`| ${name} | ${fmt(e)} | ${fmt(o)} | ${fmt(e / o)} |`)
  }
  const [userCpuEnforce, userCpuOff] = principals.cpuPerCall
  // The steadiest figure on a busy machine: what enforcement adds inside the process, as a share of a whole call
  // (the boto3 GetRole median against the `off` server: client, HTTP, authentication, handler and audit).
  const inProcess = runInProcess()
  const wholeCallMs = median(rounds.off.map((r) => r.ops['iam GetRole']?.median_ms).filter((v) => typeof v === 'number'))
  lines.push(
    '',
    `## What enforcement adds inside taskrole (bench/enforcement-in-process.ts, ${IN_PROCESS_N} calls per operation, µs), ` +
      `as a share of a whole API call (boto3 iam GetRole, off: ${fmt(wholeCallMs)} ms)`,
    '',
    '| operation | enforce µs | off µs | enforcement µs | share of a whole call |',
    '|---|---:|---:|---:|---:|',
  )
  const shares = []
  for (const [name, r] of Object.entries(inProcess)) {
    const added = r.enforceUs - r.offUs
    const share = added / (wholeCallMs * 1000)
    shares.push(share)
    lines.push(`| ${name} | ${r.enforceUs.toFixed(1)} | ${r.offUs.toFixed(1)} | ${added.toFixed(1)} | ${(share * 100).toFixed(1)}% |`)
  }
  const cpuPerCall = (mode) => median(rounds[mode].map((r) => r.serverCpu / Math.max(1, r.calls)))
  const cpuEnforce = cpuPerCall('enforce')
  const cpuOff = cpuPerCall('off')
  lines.push(
    '',
    `median enforce/off ratio over operations: ${ratios.length ? fmt(median(ratios)) : '-'}`,
    `server CPU per call, api-bench (setup included, median of rounds): enforce ${fmt(cpuEnforce)} ms, off ${fmt(cpuOff)} ms, ` +
      `ratio ${fmt(cpuEnforce / cpuOff)}`,
    `server CPU per call, IAM user and role session calls: enforce ${fmt(userCpuEnforce)} ms, off ${fmt(userCpuOff)} ms, ` +
      `ratio ${fmt(userCpuEnforce / userCpuOff)} (the server's own cost, without the client's)`,
    `largest in-process share of a whole call: ${(Math.max(...shares) * 100).toFixed(1)}%`,
    'bar: enforcement costs < 5% of a whole API call (ratio < 1.05)',
  )
  process.stdout.write(lines.join('\n') + '\n')
}

function stopAll() {
  for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM')
}

main()
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`)
    process.exitCode = 1
  })
  .finally(async () => {
    stopAll()
    await Promise.all(servers.map((s) => (s.child.exitCode === null && s.child.signalCode === null ? new Promise((r) => s.child.once('exit', r)) : undefined)))
    rmSync(work, { recursive: true, force: true })
  })
