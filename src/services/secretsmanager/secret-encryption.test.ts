import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld, policy } from '../kms/kms-test-world.js'
import { secretsManagerService } from './index.js'

const A = '111122223333'
const TOKEN = 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1'

function setup() {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService] })
  const root = world.root(A)
  const cmk = world.call('kms', 'CreateKey', {}, root).KeyMetadata
  world.call('secretsmanager', 'CreateSecret', { Name: 'managed', SecretString: 'm', ClientRequestToken: TOKEN }, root)
  const withCmk = world.call('secretsmanager', 'CreateSecret', { Name: 'cmk', SecretString: 'c', ClientRequestToken: TOKEN, KmsKeyId: cmk.Arn }, root)
  return { world, root, cmk, withCmk }
}

const getSecrets = policy('Allow', 'secretsmanager:GetSecretValue')

test('an execution role allowed GetSecretValue reads a secret under the AWS managed key without kms:Decrypt', () => {
  const { world } = setup()
  const role = world.roleSession(A, 'ecsTaskExecutionRole', { secrets: getSecrets })
  assert.equal(world.call('secretsmanager', 'GetSecretValue', { SecretId: 'managed' }, role).SecretString, 'm')
})

test('the same role is refused a secret under a customer managed key until it may kms:Decrypt that key', () => {
  const { world, cmk } = setup()
  const role = world.roleSession(A, 'ecsTaskExecutionRole', { secrets: getSecrets })
  const refused = world.failure('secretsmanager', 'GetSecretValue', { SecretId: 'cmk' }, role)
  assert.equal(refused.code, 'AccessDeniedException')
  assert.equal(refused.message, 'Access to KMS is not allowed')
  const decrypting = world.roleSession(A, 'withDecrypt', {
    secrets: getSecrets,
    kms: policy('Allow', 'kms:Decrypt', cmk.Arn, { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } }),
  })
  assert.equal(world.call('secretsmanager', 'GetSecretValue', { SecretId: 'cmk' }, decrypting).SecretString, 'c')
  // The refusal is explained in the audit trail: the kms:Decrypt check is recorded with the call.
  const event = world.store.audit.lookup({ account: A, limit: 10, attribute: { key: 'EventName', value: 'GetSecretValue' } }).find((row) => row.decision === 'denied')!
  assert.match(event.explanation!, /kms:Decrypt/)
})

test('a key policy that does not grant the account keeps even the root user from the secret’s value', () => {
  const { world, root } = setup()
  const policyText = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'kms:*', Resource: '*' }],
  })
  const locked = world.call('kms', 'CreateKey', { Policy: policyText, BypassPolicyLockoutSafetyCheck: true }, root).KeyMetadata
  const error = world.failure('secretsmanager', 'CreateSecret', { Name: 'locked', SecretString: 'x', ClientRequestToken: TOKEN, KmsKeyId: locked.KeyId }, root)
  assert.equal(error.message, 'Access to KMS is not allowed')
  assert.equal(world.failure('secretsmanager', 'DescribeSecret', { SecretId: 'locked' }, root).code, 'ResourceNotFoundException')
})

test('a disabled key makes the value undecryptable; an unknown key is a KMS refusal', () => {
  const { world, root, cmk } = setup()
  world.call('kms', 'DisableKey', { KeyId: cmk.KeyId }, root)
  const error = world.failure('secretsmanager', 'GetSecretValue', { SecretId: 'cmk' }, root)
  assert.equal(error.code, 'DecryptionFailure')
  const unknown = world.failure('secretsmanager', 'CreateSecret', { Name: 'n', SecretString: 'x', ClientRequestToken: TOKEN, KmsKeyId: 'alias/nope' }, root)
  assert.equal(unknown.message, 'Access to KMS is not allowed')
})

test('writing a value needs kms:GenerateDataKey on a customer managed key', () => {
  const { world, cmk } = setup()
  const writer = world.user(A, 'writer', { sm: policy('Allow', 'secretsmanager:PutSecretValue') })
  const refused = world.failure('secretsmanager', 'PutSecretValue', { SecretId: 'cmk', SecretString: 'n', ClientRequestToken: 'EXAMPLE2-90ab-cdef-fedc-ba987SECRET2' }, writer)
  assert.equal(refused.message, 'Access to KMS is not allowed')
  const allowed = world.user(A, 'writer2', { sm: policy('Allow', 'secretsmanager:PutSecretValue'), kms: policy('Allow', 'kms:GenerateDataKey', cmk.Arn) })
  world.call('secretsmanager', 'PutSecretValue', { SecretId: 'cmk', SecretString: 'n', ClientRequestToken: 'EXAMPLE2-90ab-cdef-fedc-ba987SECRET2' }, allowed)
  assert.equal(world.call('secretsmanager', 'GetSecretValue', { SecretId: 'cmk' }, world.root(A)).SecretString, 'n')
})
