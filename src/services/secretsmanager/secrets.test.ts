import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld } from '../kms/kms-test-world.js'
import { secretsManagerService } from './index.js'

const A = '111122223333'
const TOKEN_1 = 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1'
const TOKEN_2 = 'EXAMPLE2-90ab-cdef-fedc-ba987SECRET2'
const TOKEN_3 = 'EXAMPLE3-90ab-cdef-fedc-ba987SECRET3'

function setup() {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService] })
  const root = world.root(A)
  const sm = (operation: string, input: unknown) => world.call('secretsmanager', operation, input, root)
  const fails = (operation: string, input: unknown) => world.failure('secretsmanager', operation, input, root)
  return { world, root, sm, fails }
}

test('a secret’s lifecycle: create, read by name and ARNs, new versions, labels, describe', () => {
  const { sm } = setup()
  const created = sm('CreateSecret', { Name: 'prod/db', SecretString: 'v1', ClientRequestToken: TOKEN_1, Description: 'db' })
  assert.match(created.ARN, new RegExp(`^arn:aws:secretsmanager:us-east-1:${A}:secret:prod/db-[A-Za-z0-9]{6}$`))
  assert.equal(created.VersionId, TOKEN_1)
  const partial = `arn:aws:secretsmanager:us-east-1:${A}:secret:prod/db`
  for (const id of ['prod/db', created.ARN, partial]) {
    const value = sm('GetSecretValue', { SecretId: id })
    assert.equal(value.SecretString, 'v1')
    assert.deepEqual(value.VersionStages, ['AWSCURRENT'])
  }
  const put = sm('PutSecretValue', { SecretId: 'prod/db', SecretString: 'v2', ClientRequestToken: TOKEN_2 })
  assert.deepEqual(put.VersionStages, ['AWSCURRENT'])
  assert.equal(sm('GetSecretValue', { SecretId: 'prod/db' }).SecretString, 'v2')
  assert.equal(sm('GetSecretValue', { SecretId: 'prod/db', VersionStage: 'AWSPREVIOUS' }).SecretString, 'v1')
  assert.equal(sm('GetSecretValue', { SecretId: 'prod/db', VersionId: TOKEN_1 }).SecretString, 'v1')
  sm('PutSecretValue', { SecretId: 'prod/db', SecretBinary: Buffer.from([0, 1, 2]), ClientRequestToken: TOKEN_3, VersionStages: ['CANARY'] })
  assert.deepEqual(sm('GetSecretValue', { SecretId: 'prod/db', VersionStage: 'CANARY' }).SecretBinary, Buffer.from([0, 1, 2]))
  assert.equal(sm('GetSecretValue', { SecretId: 'prod/db' }).SecretString, 'v2')
  const described = sm('DescribeSecret', { SecretId: created.ARN })
  assert.deepEqual(described.VersionIdsToStages, { [TOKEN_1]: ['AWSPREVIOUS'], [TOKEN_2]: ['AWSCURRENT'], [TOKEN_3]: ['CANARY'] })
  assert.equal(described.Description, 'db')
  assert.equal(described.KmsKeyId, undefined)
  assert.equal(described.LastAccessedDate, '2025-03-01T00:00:00.000Z')
  sm('UpdateSecretVersionStage', { SecretId: 'prod/db', VersionStage: 'AWSCURRENT', MoveToVersionId: TOKEN_3, RemoveFromVersionId: TOKEN_2 })
  assert.deepEqual(sm('GetSecretValue', { SecretId: 'prod/db' }).VersionId, TOKEN_3)
  assert.equal(sm('GetSecretValue', { SecretId: 'prod/db', VersionStage: 'AWSPREVIOUS' }).VersionId, TOKEN_2)
  const updated = sm('UpdateSecret', { SecretId: 'prod/db', SecretString: 'v4', ClientRequestToken: 'EXAMPLE4-90ab-cdef-fedc-ba987SECRET4', Description: 'new' })
  assert.equal(updated.VersionId, 'EXAMPLE4-90ab-cdef-fedc-ba987SECRET4')
  assert.equal(sm('GetSecretValue', { SecretId: 'prod/db' }).SecretString, 'v4')
  assert.equal(sm('DescribeSecret', { SecretId: 'prod/db' }).Description, 'new')
})

test('a retry with the same token and value is a no-op; another value under that token is refused', () => {
  const { sm, fails } = setup()
  sm('CreateSecret', { Name: 's', SecretString: 'v1', ClientRequestToken: TOKEN_1 })
  sm('PutSecretValue', { SecretId: 's', SecretString: 'v2', ClientRequestToken: TOKEN_2 })
  assert.deepEqual(sm('PutSecretValue', { SecretId: 's', SecretString: 'v2', ClientRequestToken: TOKEN_2 }).VersionStages, ['AWSCURRENT'])
  const error = fails('PutSecretValue', { SecretId: 's', SecretString: 'other', ClientRequestToken: TOKEN_2 })
  assert.equal(error.code, 'ResourceExistsException')
  assert.equal(sm('GetSecretValue', { SecretId: 's' }).SecretString, 'v2')
  assert.equal(Object.keys(sm('DescribeSecret', { SecretId: 's' }).VersionIdsToStages).length, 2)
})

test('deletion with a recovery window, restore, forced deletion and re-creation under a new ARN', () => {
  const { world, sm, fails } = setup()
  const created = sm('CreateSecret', { Name: 'app', SecretString: 'v1', ClientRequestToken: TOKEN_1 })
  const deleted = sm('DeleteSecret', { SecretId: 'app', RecoveryWindowInDays: 7 })
  assert.equal(deleted.DeletionDate, '2025-03-08T12:00:00.000Z')
  const marked = fails('GetSecretValue', { SecretId: 'app' })
  assert.equal(marked.code, 'InvalidRequestException')
  assert.equal(marked.message, "You can't perform this operation on the secret because it was marked for deletion.")
  assert.equal(fails('PutSecretValue', { SecretId: 'app', SecretString: 'x', ClientRequestToken: TOKEN_2 }).code, 'InvalidRequestException')
  assert.equal(fails('DeleteSecret', { SecretId: 'app' }).code, 'InvalidRequestException')
  assert.ok(sm('DescribeSecret', { SecretId: 'app' }).DeletedDate)
  assert.deepEqual(sm('ListSecrets', {}).SecretList, [])
  assert.equal(sm('ListSecrets', { IncludePlannedDeletion: true }).SecretList.length, 1)
  const again = fails('CreateSecret', { Name: 'app', SecretString: 'v', ClientRequestToken: TOKEN_2 })
  assert.equal(again.message, "You can't create this secret because a secret with this name is already scheduled for deletion.")
  sm('RestoreSecret', { SecretId: 'app' })
  assert.equal(sm('GetSecretValue', { SecretId: 'app' }).SecretString, 'v1')
  sm('DeleteSecret', { SecretId: 'app', ForceDeleteWithoutRecovery: true })
  assert.equal(fails('DescribeSecret', { SecretId: 'app' }).message, "Secrets Manager can't find the specified secret.")
  const recreated = sm('CreateSecret', { Name: 'app', SecretString: 'v9', ClientRequestToken: TOKEN_3 })
  assert.notEqual(recreated.ARN, created.ARN)
  assert.equal(fails('GetSecretValue', { SecretId: created.ARN }).code, 'ResourceNotFoundException')
  // A scheduled deletion takes effect when its window ends.
  sm('DeleteSecret', { SecretId: 'app', RecoveryWindowInDays: 7 })
  world.clock.advance(7 * 86_400_000)
  assert.equal(fails('DescribeSecret', { SecretId: 'app' }).code, 'ResourceNotFoundException')
})

test('bad input is refused with AWS’s error and changes nothing', () => {
  const { sm, fails } = setup()
  sm('CreateSecret', { Name: 'taken', SecretString: 'v', ClientRequestToken: TOKEN_1 })
  const cases: Array<[string, unknown, string, string]> = [
    ['CreateSecret', { Name: 'Inv Name', SecretString: 'v', ClientRequestToken: TOKEN_2 }, 'ValidationException', 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!'],
    ['GetSecretValue', { SecretId: 'Inv*Name' }, 'ValidationException', 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!'],
    ['CreateSecret', { Name: 'taken', SecretString: 'v', ClientRequestToken: TOKEN_2 }, 'ResourceExistsException', 'The operation failed because the secret taken already exists.'],
    ['CreateSecret', { Name: 'both', SecretString: 'v', SecretBinary: Buffer.from('v'), ClientRequestToken: TOKEN_2 }, 'InvalidParameterException', "You can't specify both a binary secret value and a string secret value in the same secret."],
    ['CreateSecret', { Name: 'notoken', SecretString: 'v' }, 'InvalidRequestException', 'You must provide a ClientRequestToken value. We recommend a UUID-type value.'],
    ['GetSecretValue', { SecretId: 'missing' }, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret."],
    ['GetSecretValue', { SecretId: 'taken', VersionStage: 'AWSPREVIOUS' }, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret value for staging label: AWSPREVIOUS"],
    ['GetSecretValue', { SecretId: 'taken', VersionId: TOKEN_3 }, 'ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${TOKEN_3}`],
    ['GetSecretValue', { SecretId: 'taken', VersionId: TOKEN_1, VersionStage: 'AWSPREVIOUS' }, 'InvalidRequestException', 'You provided a VersionStage that is not associated to the provided VersionId.'],
    ['DeleteSecret', { SecretId: 'taken', RecoveryWindowInDays: 3 }, 'InvalidParameterException', 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).'],
    ['DeleteSecret', { SecretId: 'taken', RecoveryWindowInDays: 7, ForceDeleteWithoutRecovery: true }, 'InvalidParameterException', "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays."],
    ['DeleteSecret', { SecretId: 'missing' }, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret."],
  ]
  for (const [operation, input, code, message] of cases) {
    const error = fails(operation, input)
    assert.equal(error.code, code, `${operation} ${JSON.stringify(input)}`)
    assert.equal(error.message, message)
  }
  assert.deepEqual(sm('ListSecrets', {}).SecretList.map((s: any) => s.Name), ['taken'])
  assert.equal(sm('GetSecretValue', { SecretId: 'taken' }).SecretString, 'v')
  // Forcing the deletion of a secret that does not exist succeeds, as AWS does.
  assert.equal(sm('DeleteSecret', { SecretId: 'missing', ForceDeleteWithoutRecovery: true }).Name, 'missing')
})

test('no secret value reaches the audit trail', () => {
  const { world, sm } = setup()
  sm('CreateSecret', { Name: 's', SecretString: 'first-hunter2', ClientRequestToken: TOKEN_1 })
  sm('PutSecretValue', { SecretId: 's', SecretString: 'second-hunter2', ClientRequestToken: TOKEN_2 })
  sm('UpdateSecret', { SecretId: 's', SecretString: 'third-hunter2', ClientRequestToken: TOKEN_3 })
  sm('GetSecretValue', { SecretId: 's' })
  sm('GetSecretValue', { SecretId: 's', VersionStage: 'AWSPREVIOUS' })
  const trail = world.auditText(A)
  assert.ok(trail.includes('GetSecretValue'))
  assert.equal(/hunter2/.test(trail), false)
})
