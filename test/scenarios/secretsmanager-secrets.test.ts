//! Secrets Manager with the aws CLI and boto3: a secret's lifecycle (names, full and partial ARNs, versions and
//! staging labels, listing with filters, deletion with a recovery window, restore, forced deletion), every bad
//! input answered with AWS's error while nothing changes, and no secret value in any CloudTrail event.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { boto3, newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { cloudTrailText, fails, ok } from './kms-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

test('aws CLI: create, read by name and ARNs, rotate values, list, delete, restore, force delete', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const created = ok(['secretsmanager', 'create-secret', '--name', 'prod/db', '--secret-string', 'value-one-x1', '--description', 'db'], root)
  assert.match(created.ARN, new RegExp(`^arn:aws:secretsmanager:us-east-1:${account}:secret:prod/db-[A-Za-z0-9]{6}$`))
  for (const id of ['prod/db', created.ARN, `arn:aws:secretsmanager:us-east-1:${account}:secret:prod/db`]) {
    assert.equal(ok(['secretsmanager', 'get-secret-value', '--secret-id', id], root).SecretString, 'value-one-x1')
  }
  const second = ok(['secretsmanager', 'put-secret-value', '--secret-id', 'prod/db', '--secret-string', 'value-two-x2'], root)
  assert.deepEqual(second.VersionStages, ['AWSCURRENT'])
  assert.equal(ok(['secretsmanager', 'get-secret-value', '--secret-id', 'prod/db'], root).SecretString, 'value-two-x2')
  const previous = ok(['secretsmanager', 'get-secret-value', '--secret-id', 'prod/db', '--version-stage', 'AWSPREVIOUS'], root)
  assert.equal(previous.SecretString, 'value-one-x1')
  assert.equal(previous.VersionId, created.VersionId)
  ok(['secretsmanager', 'create-secret', '--name', 'dev/api', '--secret-string', 'value-three-x3', '--tags', 'Key=team,Value=web'], root)
  const described = ok(['secretsmanager', 'describe-secret', '--secret-id', created.ARN], root)
  assert.deepEqual(described.VersionIdsToStages, { [created.VersionId]: ['AWSPREVIOUS'], [second.VersionId]: ['AWSCURRENT'] })
  assert.equal(described.Description, 'db')
  const filtered = ok(['secretsmanager', 'list-secrets', '--filters', 'Key=tag-value,Values=web'], root).SecretList
  assert.deepEqual(filtered.map((s: any) => s.Name), ['dev/api'])
  const deleted = ok(['secretsmanager', 'delete-secret', '--secret-id', 'prod/db', '--recovery-window-in-days', '7'], root)
  assert.ok(deleted.DeletionDate)
  assert.equal(
    fails(['secretsmanager', 'get-secret-value', '--secret-id', 'prod/db'], root, 'InvalidRequestException'),
    "You can't perform this operation on the secret because it was marked for deletion.",
  )
  assert.deepEqual(ok(['secretsmanager', 'list-secrets'], root).SecretList.map((s: any) => s.Name), ['dev/api'])
  ok(['secretsmanager', 'restore-secret', '--secret-id', 'prod/db'], root)
  assert.equal(ok(['secretsmanager', 'get-secret-value', '--secret-id', 'prod/db'], root).SecretString, 'value-two-x2')
  ok(['secretsmanager', 'delete-secret', '--secret-id', 'prod/db', '--force-delete-without-recovery'], root)
  assert.equal(fails(['secretsmanager', 'describe-secret', '--secret-id', 'prod/db'], root, 'ResourceNotFoundException'), "Secrets Manager can't find the specified secret.")
  const recreated = ok(['secretsmanager', 'create-secret', '--name', 'prod/db', '--secret-string', 'value-four-x4'], root)
  assert.notEqual(recreated.ARN, created.ARN)
  // No value, old or new, is in any CloudTrail event.
  const trail = cloudTrailText(root)
  assert.ok(trail.includes('"eventName":"GetSecretValue"'))
  assert.equal(/value-(one|two|three|four)-x\d/.test(trail), false)
})

test('boto3: version stages, binary secrets, idempotent retries', () => {
  const result = boto3(
    `
import boto3, json
sm = boto3.client("secretsmanager")
sm.create_secret(Name="bin", SecretBinary=b"\\x00\\x01\\x02", ClientRequestToken="EXAMPLE1-90ab-cdef-fedc-ba987SECRET1")
put = sm.put_secret_value(SecretId="bin", SecretBinary=b"\\x03", ClientRequestToken="EXAMPLE2-90ab-cdef-fedc-ba987SECRET2", VersionStages=["CANARY"])
retry = sm.put_secret_value(SecretId="bin", SecretBinary=b"\\x03", ClientRequestToken="EXAMPLE2-90ab-cdef-fedc-ba987SECRET2", VersionStages=["CANARY"])
try:
    sm.put_secret_value(SecretId="bin", SecretBinary=b"\\x04", ClientRequestToken="EXAMPLE2-90ab-cdef-fedc-ba987SECRET2")
    conflict = None
except sm.exceptions.ResourceExistsException as e:
    conflict = e.response["Error"]["Code"]
current = sm.get_secret_value(SecretId="bin")
canary = sm.get_secret_value(SecretId="bin", VersionStage="CANARY")
sm.update_secret_version_stage(SecretId="bin", VersionStage="AWSCURRENT", MoveToVersionId="EXAMPLE2-90ab-cdef-fedc-ba987SECRET2", RemoveFromVersionId="EXAMPLE1-90ab-cdef-fedc-ba987SECRET1")
versions = sm.list_secret_version_ids(SecretId="bin")["Versions"]
print(json.dumps({
    "put": put["VersionStages"], "retry": retry["VersionId"], "conflict": conflict,
    "current": list(current["SecretBinary"]), "canary": list(canary["SecretBinary"]),
    "stages": sorted([[v["VersionId"][:8], sorted(v["VersionStages"])] for v in versions]),
}))
`,
    rootOf(server.endpoint, newAccount()),
  )
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(result.json, {
    put: ['CANARY'],
    retry: 'EXAMPLE2-90ab-cdef-fedc-ba987SECRET2',
    conflict: 'ResourceExistsException',
    current: [0, 1, 2],
    canary: [3],
    stages: [
      ['EXAMPLE1', ['AWSPREVIOUS']],
      ['EXAMPLE2', ['AWSCURRENT', 'CANARY']],
    ],
  })
})

test('bad requests get Secrets Manager’s errors and change nothing', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const created = ok(['secretsmanager', 'create-secret', '--name', 'taken', '--secret-string', 'v'], root)
  const invalidName = 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!'
  assert.equal(fails(['secretsmanager', 'create-secret', '--name', 'bad name', '--secret-string', 'v'], root, 'ValidationException'), invalidName)
  assert.equal(fails(['secretsmanager', 'get-secret-value', '--secret-id', 'bad*name'], root, 'ValidationException'), invalidName)
  assert.equal(fails(['secretsmanager', 'create-secret', '--name', 'taken', '--secret-string', 'w'], root, 'ResourceExistsException'), 'The operation failed because the secret taken already exists.')
  assert.equal(
    fails(['secretsmanager', 'create-secret', '--name', 'both', '--secret-string', 'w', '--secret-binary', 'w'], root, 'InvalidParameterException'),
    "You can't specify both a binary secret value and a string secret value in the same secret.",
  )
  assert.equal(fails(['secretsmanager', 'get-secret-value', '--secret-id', 'missing'], root, 'ResourceNotFoundException'), "Secrets Manager can't find the specified secret.")
  assert.equal(
    fails(['secretsmanager', 'get-secret-value', '--secret-id', 'taken', '--version-stage', 'AWSPREVIOUS'], root, 'ResourceNotFoundException'),
    "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS",
  )
  assert.equal(
    fails(['secretsmanager', 'get-secret-value', '--secret-id', 'taken', '--version-id', created.VersionId, '--version-stage', 'AWSPREVIOUS'], root, 'InvalidRequestException'),
    'You provided a VersionStage that is not associated to the provided VersionId.',
  )
  assert.equal(
    fails(['secretsmanager', 'delete-secret', '--secret-id', 'taken', '--recovery-window-in-days', '3'], root, 'InvalidParameterException'),
    'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
  )
  assert.equal(
    fails(['secretsmanager', 'delete-secret', '--secret-id', 'taken', '--recovery-window-in-days', '7', '--force-delete-without-recovery'], root, 'InvalidParameterException'),
    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
  )
  fails(['secretsmanager', 'put-resource-policy', '--secret-id', 'taken', '--resource-policy', '{"Version":'], root, 'MalformedPolicyDocumentException')
  fails(['secretsmanager', 'create-secret', '--name', 'k', '--secret-string', 'v', '--kms-key-id', 'alias/none'], root, 'AccessDeniedException')
  assert.deepEqual(ok(['secretsmanager', 'list-secrets'], root).SecretList.map((s: any) => s.Name), ['taken'])
  const described = ok(['secretsmanager', 'describe-secret', '--secret-id', 'taken'], root)
  assert.deepEqual(described.VersionIdsToStages, { [created.VersionId]: ['AWSCURRENT'] })
  assert.equal(described.DeletedDate, undefined)
  assert.equal(ok(['secretsmanager', 'get-resource-policy', '--secret-id', 'taken'], root).ResourcePolicy, undefined)
})
