#!/usr/bin/env node
// The execution role's cost at task start: RunTask -> lastStatus RUNNING (polled with DescribeTasks) for a task with
// two secrets (a SecureString parameter and a Secrets Manager secret) and a private ECR image, against the same task
// with neither (same execution role, same command). Runs alternate between the two; median and p95 of each, and the
// ratio of medians (bar: under 2x). Knobs: RUNS (20 each). Needs dist/cli.js (npm run build).
import { CreateClusterCommand, DescribeTasksCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs'
import { CompleteLayerUploadCommand, CreateRepositoryCommand, ECRClient, InitiateLayerUploadCommand, PutImageCommand, UploadLayerPartCommand } from '@aws-sdk/client-ecr'
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager'
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))
const RUNS = Number(process.env.RUNS ?? 20)
const ACCOUNT = '123456789012'
const REGION = 'us-east-1'
const work = mkdtempSync(join(tmpdir(), 'taskrole-exec-bench-'))
let server

function start() {
  server = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'start', '--port', '0', '--data-dir', join(work, 'data')], { stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((done, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 30_000)
    const onData = (chunk) => {
      output += chunk
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        done(Number(match[1]))
      }
    }
    server.stdout.on('data', onData)
    server.stderr.on('data', onData)
    server.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

const digest = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`

/** Pushes a one-layer image through the ECR API (as `docker push` does) and answers its URI. */
async function pushImage(ecr, repositoryName) {
  await ecr.send(new CreateRepositoryCommand({ repositoryName }))
  const layer = gzipSync(Buffer.from('a layer for the execution-role bench\n'))
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [digest(layer)] } }))
  for (const blob of [config, layer]) {
    const { uploadId } = await ecr.send(new InitiateLayerUploadCommand({ repositoryName }))
    await ecr.send(new UploadLayerPartCommand({ repositoryName, uploadId, partFirstByte: 0, partLastByte: blob.length - 1, layerPartBlob: blob }))
    await ecr.send(new CompleteLayerUploadCommand({ repositoryName, uploadId, layerDigests: [digest(blob)] }))
  }
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: config.length, digest: digest(config) },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: layer.length, digest: digest(layer) }],
  }
  await ecr.send(new PutImageCommand({ repositoryName, imageTag: 'v1', imageManifest: JSON.stringify(manifest) }))
  return `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${repositoryName}:v1`
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('build first: npm run build')
  const port = await start()
  const config = { endpoint: `http://127.0.0.1:${port}`, region: REGION, credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'test' } }
  const iam = new IAMClient(config)
  const ecs = new ECSClient(config)
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] })
  const role = (await iam.send(new CreateRoleCommand({ RoleName: 'bench-execution-role', AssumeRolePolicyDocument: trust }))).Role.Arn
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'bench-execution-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }))
  const parameter = (await new SSMClient(config).send(new PutParameterCommand({ Name: '/bench/db-password', Type: 'SecureString', Value: 'p4ssw0rd' })), `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/bench/db-password`)
  const secret = (await new SecretsManagerClient(config).send(new CreateSecretCommand({ Name: 'bench/app', SecretString: '{"user":"app","password":"s3cret"}' }))).ARN
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'bench-execution-role',
      PolicyName: 'secrets',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'ssm:GetParameters', Resource: parameter },
          { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secret },
        ],
      }),
    }),
  )
  const image = await pushImage(new ECRClient(config), 'bench/app')
  await ecs.send(new CreateClusterCommand({ clusterName: 'bench' }))
  const register = (family, container) =>
    ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        executionRoleArn: role,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'app', essential: true, entryPoint: ['sh', '-c'], command: ['exec sleep 600'], ...container }],
      }),
    )
  await register('bench-plain', { image: 'public.ecr.aws/docker/library/busybox:latest' })
  await register('bench-exec', {
    image,
    secrets: [
      { name: 'DB_PASSWORD', valueFrom: parameter },
      { name: 'APP_PASSWORD', valueFrom: `${secret}:password::` },
    ],
  })

  const describe = async (taskArn) => (await ecs.send(new DescribeTasksCommand({ cluster: 'bench', tasks: [taskArn] }))).tasks[0]
  const timeToRunning = async (family) => {
    const started = performance.now()
    const out = await ecs.send(
      new RunTaskCommand({ cluster: 'bench', taskDefinition: family, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } } }),
    )
    if (out.failures?.length) throw new Error(JSON.stringify(out.failures))
    const taskArn = out.tasks[0].taskArn
    for (;;) {
      const task = await describe(taskArn)
      if (task.lastStatus === 'RUNNING') break
      if (task.lastStatus === 'STOPPED') throw new Error(`${family} stopped: ${task.stoppedReason}`)
      if (performance.now() - started > 60_000) throw new Error(`${family} not RUNNING within 60 s`)
      await new Promise((r) => setTimeout(r, 2))
    }
    const elapsed = performance.now() - started
    await ecs.send(new StopTaskCommand({ cluster: 'bench', task: taskArn }))
    return elapsed
  }

  const plain = []
  const withExec = []
  await timeToRunning('bench-plain') // warm-up, not counted
  await timeToRunning('bench-exec')
  for (let i = 0; i < RUNS; i++) {
    plain.push(await timeToRunning('bench-plain'))
    withExec.push(await timeToRunning('bench-exec'))
  }
  plain.sort((a, b) => a - b)
  withExec.sort((a, b) => a - b)
  const ms = (v) => `${v.toFixed(1)} ms`
  const ratio = quantile(withExec, 0.5) / quantile(plain, 0.5)
  console.log('\n## Execution role at task start\n')
  console.log(`| task (n=${RUNS} each) | RunTask → RUNNING median | p95 |`)
  console.log('|---|---|---|')
  console.log(`| no secrets, public image | ${ms(quantile(plain, 0.5))} | ${ms(quantile(plain, 0.95))} |`)
  console.log(`| 2 secrets + private ECR image | ${ms(quantile(withExec, 0.5))} | ${ms(quantile(withExec, 0.95))} |`)
  console.log(`| ratio of medians (bar < 2.00) | ${ratio.toFixed(2)} | |`)
}

try {
  await main()
} finally {
  server?.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 500))
  rmSync(work, { recursive: true, force: true })
}
