//! Shared by the KMS, Secrets Manager and SSM scenario tests: the aws CLI expecting success or an error code,
//! IAM users and role sessions with given inline policies (made with the CLI as a user would), and the
//! CloudTrail records of an account as text, to prove no secret is in them.
import assert from 'node:assert/strict'
import { type ClientIdentity } from '../support/aws-cli.js'

export { ok, fails, file, allow } from '../support/cli-assertions.js'
import { ok, file, allow } from '../support/cli-assertions.js'

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
