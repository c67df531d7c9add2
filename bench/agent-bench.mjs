#!/usr/bin/env node
// The embedded agent's two hot paths, printed as a markdown table (npm run bench appends it to the summary):
//  1. RunTask -> the container's process running: from sending RunTask until its first program (`touch`) ran,
//     read from the file's mtime; median and p95 over RUNS sequential tasks.
//  2. Credential fetches per second at CONCURRENCY concurrent keep-alive clients against the agent's credentials
//     endpoint (token check included), and against a bare node:http server answering the same JSON, in the same run.
// Knobs: RUNS (20), CONCURRENCY (32), FETCHES (20000). Needs dist/cli.js (npm run build).
import { CreateClusterCommand, DescribeTasksCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs'
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const RUNS = Number(process.env.RUNS ?? 20)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32)
const FETCHES = Number(process.env.FETCHES ?? 20_000)
const ACCOUNT = '123456789012'
const work = mkdtempSync(join(tmpdir(), 'taskrole-agent-bench-'))
const children = []

function startProcess(args, ready) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  return new Promise((resolvePort, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 15_000)
    const onData = (chunk) => {
      output += chunk
      const match = ready.exec(output)
      if (match) {
        clearTimeout(timer)
        resolvePort(Number(match[1]))
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

async function waitFor(check, ms = 30_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 2))
  }
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}

/** Fires FETCHES GETs with CONCURRENCY keep-alive sockets; returns requests per second. */
async function fetchRate(port, path, token) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  let sent = 0
  let failed = 0
  const one = () =>
    new Promise((done) => {
      const req = request({ host: '127.0.0.1', port, path, agent, headers: token ? { Authorization: token } : {} }, (res) => {
        if (res.statusCode !== 200) failed += 1
        res.resume()
        res.on('end', done)
      })
      req.on('error', () => {
        failed += 1
        done()
      })
      req.end()
    })
  const worker = async () => {
    while (sent < FETCHES) {
      sent += 1
      await one()
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker())) // warm-up pass on the same sockets
  sent = 0
  const started = process.hrtime.bigint()
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()))
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  agent.destroy()
  if (failed) throw new Error(`${failed} fetches failed`)
  return FETCHES / seconds
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('build first: npm run build')
  const port = await startProcess([join(ROOT, 'dist', 'cli.js'), 'start', '--port', '0', '--data-dir', join(work, 'data')], /listening on http:\/\/127\.0\.0\.1:(\d+)/)
  const config = { endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'test' } }
  const iam = new IAMClient(config)
  const ecs = new ECSClient(config)
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
  const role = (await iam.send(new CreateRoleCommand({ RoleName: 'bench-task-role', AssumeRolePolicyDocument: trust }))).Role.Arn
  await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }))
  const register = (family, command) =>
    ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        taskRoleArn: role,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'app', image: 'bench', essential: true, ...command }],
      }),
    )
  const run = async (family, mark) => {
    const out = await ecs.send(
      new RunTaskCommand({
        cluster: 'bench',
        taskDefinition: family,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
        overrides: { containerOverrides: [{ name: 'app', environment: [{ name: 'MARK', value: mark }] }] },
      }),
    )
    if (out.failures?.length) throw new Error(JSON.stringify(out.failures))
    return out.tasks[0].taskArn
  }

  // 1. RunTask -> process running. `touch` is the whole container: its file's mtime is when it ran.
  await register('bench-touch', { entryPoint: ['sh', '-c'], command: ['touch "$MARK"'] })
  const latencies = []
  for (let i = 0; i < RUNS; i++) {
    const mark = join(work, `mark-${i}`)
    const sent = Date.now()
    await run('bench-touch', mark)
    const mtime = await waitFor(() => existsSync(mark) && statSync(mark).mtimeMs)
    latencies.push(mtime - sent)
  }
  latencies.sort((a, b) => a - b)

  // 2. Credential fetches: one long-running task hands out its endpoint and token.
  await register('bench-holder', { entryPoint: ['sh', '-c'], command: ['echo "$AWS_CONTAINER_CREDENTIALS_FULL_URI $AWS_CONTAINER_AUTHORIZATION_TOKEN" > "$MARK.tmp"; mv "$MARK.tmp" "$MARK"; exec sleep 600'] })
  const holderMark = join(work, 'holder')
  const holder = await run('bench-holder', holderMark)
  const [uri, token] = (await waitFor(() => existsSync(holderMark) && readFileSync(holderMark, 'utf8').trim())).split(' ')
  const url = new URL(uri)
  const body = await new Promise((done) => request(uri, { headers: { Authorization: token } }, (res) => {
    let text = ''
    res.on('data', (c) => (text += c))
    res.on('end', () => done(text))
  }).end())
  const agentRate = await fetchRate(Number(url.port), url.pathname, token)
  const barePort = await startProcess(
    ['-e', `const body = ${JSON.stringify(body)}; require('node:http').createServer((q, s) => { s.writeHead(200, { 'Content-Type': 'application/json' }); s.end(body) }).listen(0, '127.0.0.1', function () { console.log('bare on ' + this.address().port) })`],
    /bare on (\d+)/,
  )
  const bareRate = await fetchRate(barePort, url.pathname)

  await ecs.send(new StopTaskCommand({ cluster: 'bench', task: holder }))
  await waitFor(async () => (await ecs.send(new DescribeTasksCommand({ cluster: 'bench', tasks: [holder] }))).tasks[0].lastStatus === 'STOPPED')

  const ms = (v) => `${v.toFixed(1)} ms`
  console.log('\n## Embedded agent\n')
  console.log('| measure | value |')
  console.log('|---|---|')
  console.log(`| RunTask → container process running, median (n=${RUNS}) | ${ms(quantile(latencies, 0.5))} |`)
  console.log(`| RunTask → container process running, p95 | ${ms(quantile(latencies, 0.95))} |`)
  console.log(`| credential fetches/s, ${CONCURRENCY} concurrent, taskrole agent | ${Math.round(agentRate)} |`)
  console.log(`| credential fetches/s, ${CONCURRENCY} concurrent, bare node:http (same JSON) | ${Math.round(bareRate)} |`)
  console.log(`| agent / bare | ${(agentRate / bareRate).toFixed(2)} |`)
}

try {
  await main()
} finally {
  for (const child of children) child.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 300))
  rmSync(work, { recursive: true, force: true })
}
