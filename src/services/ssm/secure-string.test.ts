import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld, policy } from '../kms/kms-test-world.js'
import { secretsManagerService } from '../secretsmanager/index.js'
import { ssmService } from './index.js'

const A = '111122223333'
const SUFFIX = /\(Service: AWSKMS; Status Code: 400; Error Code: (\w+); Request ID: [0-9a-f-]{36}; Proxy: null\)$/

function setup() {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService, ssmService] })
  const root = world.root(A)
  const cmk = world.call('kms', 'CreateKey', {}, root).KeyMetadata
  world.call('ssm', 'PutParameter', { Name: '/app/managed', Value: 'm', Type: 'SecureString' }, root)
  world.call('ssm', 'PutParameter', { Name: '/app/cmk', Value: 'c', Type: 'SecureString', KeyId: cmk.Arn }, root)
  return { world, root, cmk }
}

const readParameters = policy('Allow', 'ssm:GetParameters')

test('an execution role reads a SecureString under alias/aws/ssm with ssm:GetParameters alone', () => {
  const { world } = setup()
  const role = world.roleSession(A, 'ecsTaskExecutionRole', { ssm: readParameters })
  const result = world.call('ssm', 'GetParameters', { Names: ['/app/managed'], WithDecryption: true }, role)
  assert.equal(result.Parameters[0].Value, 'm')
})

test('a SecureString under a customer managed key needs kms:Decrypt on that key', () => {
  const { world, cmk } = setup()
  const role = world.roleSession(A, 'ecsTaskExecutionRole', { ssm: readParameters })
  const denied = world.failure('ssm', 'GetParameters', { Names: ['/app/cmk'], WithDecryption: true }, role)
  assert.equal(denied.code, 'AccessDeniedException')
  assert.match(denied.message, new RegExp(`^User: ${role.arn} is not authorized to perform: kms:Decrypt on resource: ${cmk.Arn} because no identity-based policy allows the kms:Decrypt action `))
  assert.match(denied.message, SUFFIX)
  // Without decryption the ciphertext needs no KMS permission at all.
  assert.ok(world.call('ssm', 'GetParameters', { Names: ['/app/cmk'] }, role).Parameters[0].Value.length > 0)
  const allowed = world.roleSession(A, 'withKms', {
    ssm: readParameters,
    kms: policy('Allow', 'kms:Decrypt', cmk.Arn, { StringEquals: { 'kms:EncryptionContext:PARAMETER_ARN': `arn:aws:ssm:us-east-1:${A}:parameter/app/cmk` } }),
  })
  assert.equal(world.call('ssm', 'GetParameters', { Names: ['/app/cmk'], WithDecryption: true }, allowed).Parameters[0].Value, 'c')
})

test('writing a SecureString under a customer managed key needs kms:Encrypt', () => {
  const { world, cmk } = setup()
  const writer = world.user(A, 'writer', { ssm: policy('Allow', 'ssm:PutParameter') })
  const denied = world.failure('ssm', 'PutParameter', { Name: '/w', Value: 'v', Type: 'SecureString', KeyId: cmk.KeyId }, writer)
  assert.equal(denied.code, 'AccessDeniedException')
  assert.match(denied.message, /kms:Encrypt/)
  assert.equal(world.failure('ssm', 'GetParameter', { Name: '/w' }, world.root(A)).code, 'ParameterNotFound')
  // The AWS managed key needs nothing more than ssm:PutParameter.
  assert.equal(world.call('ssm', 'PutParameter', { Name: '/w', Value: 'v', Type: 'SecureString' }, writer).Version, 1)
})

test('an unknown or disabled key is InvalidKeyId carrying KMS’s answer', () => {
  const { world, root, cmk } = setup()
  const unknown = world.failure('ssm', 'PutParameter', { Name: '/k', Value: 'v', Type: 'SecureString', KeyId: 'alias/parameter_store_key' }, root)
  assert.equal(unknown.code, 'InvalidKeyId')
  assert.match(unknown.message, new RegExp(`^Alias arn:aws:kms:us-east-1:${A}:alias/parameter_store_key is not found\\. `))
  assert.match(unknown.message, SUFFIX)
  world.call('kms', 'DisableKey', { KeyId: cmk.KeyId }, root)
  const disabled = world.failure('ssm', 'GetParameter', { Name: '/app/cmk', WithDecryption: true }, root)
  assert.equal(disabled.code, 'InvalidKeyId')
  assert.match(disabled.message, /Error Code: DisabledException/)
})
