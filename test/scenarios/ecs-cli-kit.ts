//! Shared by the ECS scenario tests: run the aws CLI expecting success or a given error code, and the documents
//! and task definitions the conformance scenarios use (shared/conformance/scenarios 01-03, 09, 10).
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { awsCli, type ClientIdentity } from '../support/aws-cli.js'

export function ok(args: string[], who: ClientIdentity): any {
  const result = awsCli(args, who)
  assert.equal(result.code, 0, `aws ${args.join(' ')}: ${result.stderr}`)
  return result.json
}

/** Runs a command that must fail with `An error occurred (<code>)`; returns the message after the operation name. */
export function fails(args: string[], who: ClientIdentity, code: string): string {
  const result = awsCli(args, who)
  assert.notEqual(result.code, 0, `aws ${args.join(' ')} should fail with ${code}; it printed ${result.stdout}`)
  const match = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: (.*)/s.exec(result.stderr)
  assert.ok(match, result.stderr)
  assert.equal(match[1], code, result.stderr)
  return match[2]!.trim()
}

const work = mkdtempSync(join(tmpdir(), 'taskrole-ecs-'))
process.once('exit', () => rmSync(work, { recursive: true, force: true }))
let files = 0

/** Writes JSON to a file and returns `file://…`, as users pass --cli-input-json and policy documents. */
export function file(value: unknown): string {
  const path = join(work, `doc-${files++}.json`)
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value))
  return `file://${path}`
}

export const ECS_TASKS_TRUST = { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
export const EC2_TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }
export const AWSVPC_NETWORK = 'awsvpcConfiguration={subnets=[subnet-0123456789abcdef0],securityGroups=[sg-0123456789abcdef0],assignPublicIp=DISABLED}'

export function createRole(name: string, trust: unknown, who: ClientIdentity): string {
  return ok(['iam', 'create-role', '--role-name', name, '--assume-role-policy-document', file(trust)], who).Role.Arn
}

/** The Fargate definition of scenarios 01-03: one container, awsvpc, 256 CPU / 512 MiB. */
/** A Fargate definition whose one container exits at once, or runs for `seconds` (so StopTask finds it running). */
export function fargateDefinition(
  family: string,
  roles: { taskRoleArn?: string; executionRoleArn?: string } = {},
  seconds = 0,
): Record<string, unknown> {
  return {
    family,
    ...roles,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/aws-cli/aws-cli:latest', essential: true, entryPoint: ['sh', '-c'], command: [seconds ? `sleep ${seconds}` : 'exit 0'] }],
  }
}
