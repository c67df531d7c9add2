//! Shared by the KMS, Secrets Manager and SSM scenario tests: the aws CLI expecting success or an error code,
//! IAM users and role sessions with given inline policies (made with the CLI as a user would), and the
//! CloudTrail records of an account as text, to prove no secret is in them.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { awsCli, type ClientIdentity } from '../support/aws-cli.js'

export function ok(args: string[], who: ClientIdentity): any {
  const result = awsCli(args, who)
  assert.equal(result.code, 0, `aws ${args.join(' ')}: ${result.stderr}`)
  return result.json ?? {}
}

/** A command that must fail with `An error occurred (<code>)`; returns the message after the operation name. */
export function fails(args: string[], who: ClientIdentity, code: string): string {
  const result = awsCli(args, who)
  assert.notEqual(result.code, 0, `aws ${args.join(' ')} should fail with ${code}; it printed ${result.stdout}`)
  const match = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: ?(.*)/s.exec(result.stderr)
  assert.ok(match, result.stderr)
  assert.equal(match[1], code, result.stderr)
  return match[2]!.trim()
}

const work = mkdtempSync(join(tmpdir(), 'taskrole-kms-'))
let files = 0

/** Writes text or JSON to a file: `file://…` (or `fileb://…` for raw bytes), as users pass documents and blobs. */
export function file(value: unknown, binary = false): string {
  const path = join(work, `doc-${files++}`)
  writeFileSync(path, Buffer.isBuffer(value) ? value : typeof value === 'string' ? value : JSON.stringify(value))
  return `${binary ? 'fileb' : 'file'}://${path}`
}

export function allow(actions: string | string[], resource: string | string[] = '*', condition?: unknown) {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource, ...(condition ? { Condition: condition } : {}) }] }
}

/** An IAM user holding the given inline policies, and its access key. */
export function userWith(root: ClientIdentity, userName: string, policies: Record<string, unknown> = {}): { identity: ClientIdentity; arn: string } {
  const arn = ok(['iam', 'create-user', '--user-name', userName], root).User.Arn
  for (const [name, document] of Object.entries(policies)) {
    ok(['iam', 'put-user-policy', '--user-name', userName, '--policy-name', name, '--policy-document', file(document)], root)
  }
  const key = ok(['iam', 'create-access-key', '--user-name', userName], root).AccessKey
  return { identity: { endpoint: root.endpoint, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }, arn }
}

/** A role with the given inline policies, assumed (sts assume-role) by a user of the same account allowed to. */
export function roleSession(root: ClientIdentity, account: string, roleName: string, policies: Record<string, unknown>): { identity: ClientIdentity; arn: string; roleArn: string } {
  const assumer = userWith(root, `${roleName}-assumer`, { assume: allow('sts:AssumeRole', `arn:aws:iam::${account}:role/${roleName}`) })
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: assumer.arn }, Action: 'sts:AssumeRole' }] }
  const roleArn = ok(['iam', 'create-role', '--role-name', roleName, '--assume-role-policy-document', file(trust)], root).Role.Arn
  for (const [name, document] of Object.entries(policies)) {
    ok(['iam', 'put-role-policy', '--role-name', roleName, '--policy-name', name, '--policy-document', file(document)], root)
  }
  const session = ok(['sts', 'assume-role', '--role-arn', roleArn, '--role-session-name', 'f83b93a4dc3442a18eaaf8c2a235cd37'], assumer.identity)
  const credentials = session.Credentials
  return {
    identity: { endpoint: root.endpoint, accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken },
    arn: session.AssumedRoleUser.Arn,
    roleArn,
  }
}

/** Every CloudTrailEvent LookupEvents returns for the account (all pages), as one text. */
export function cloudTrailText(root: ClientIdentity): string {
  const events = ok(['cloudtrail', 'lookup-events', '--max-results', '50'], root).Events as Array<{ CloudTrailEvent: string }>
  assert.ok(events.length > 0, 'cloudtrail lookup-events returned no events')
  return events.map((event) => event.CloudTrailEvent).join('\n')
}
