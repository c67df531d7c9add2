import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld, policy } from '../kms/kms-test-world.js'
import { secretsManagerService } from '../secretsmanager/index.js'
import { ssmService } from './index.js'

const A = '111122223333'
const TOKEN = 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1'
const REF = '/aws/reference/secretsmanager/prod/db'

function setup() {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService, ssmService] })
  const root = world.root(A)
  const secret = world.call('secretsmanager', 'CreateSecret', { Name: 'prod/db', SecretString: '{"password":"pw"}', ClientRequestToken: TOKEN }, root)
  return { world, root, secret }
}

test('a reference returns the secret as a SecureString parameter', () => {
  const { world, root, secret } = setup()
  const parameter = world.call('ssm', 'GetParameter', { Name: REF, WithDecryption: true }, root).Parameter
  assert.equal(parameter.Name, REF)
  assert.equal(parameter.Type, 'SecureString')
  assert.equal(parameter.Value, '{"password":"pw"}')
  assert.equal(parameter.ARN, secret.ARN)
  assert.equal(JSON.parse(parameter.SourceResult).VersionId, TOKEN)
  const previous = world.failure('ssm', 'GetParameter', { Name: `${REF}:AWSPREVIOUS`, WithDecryption: true }, root)
  assert.equal(previous.code, 'ParameterNotFound')
})

test('a reference needs WithDecryption and a secret that exists', () => {
  const { world, root } = setup()
  const plain = world.failure('ssm', 'GetParameter', { Name: REF }, root)
  assert.equal(plain.code, 'ValidationException')
  assert.equal(plain.message, 'WithDecryption flag must be True for retrieving a Secret Manager secret.')
  const missing = world.failure('ssm', 'GetParameter', { Name: '/aws/reference/secretsmanager/none', WithDecryption: true }, root)
  assert.equal(missing.code, 'ParameterNotFound')
  assert.equal(missing.message, 'An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret /aws/reference/secretsmanager/none not found.')
  const many = world.call('ssm', 'GetParameters', { Names: [REF, '/aws/reference/secretsmanager/none'], WithDecryption: true }, root)
  assert.deepEqual(many.InvalidParameters, ['/aws/reference/secretsmanager/none'])
  assert.equal(many.Parameters[0].Value, '{"password":"pw"}')
})

test('through a reference the caller needs ssm:GetParameters and secretsmanager:GetSecretValue', () => {
  const { world, secret } = setup()
  const ssmOnly = world.roleSession(A, 'ssmOnly', { ssm: policy('Allow', 'ssm:GetParameters') })
  const denied = world.failure('ssm', 'GetParameters', { Names: [REF], WithDecryption: true }, ssmOnly)
  assert.equal(denied.code, 'AccessDeniedException')
  assert.match(denied.message, new RegExp(`secretsmanager:GetSecretValue on resource: ${secret.ARN}`))
  const both = world.roleSession(A, 'both', { ssm: policy('Allow', 'ssm:GetParameters'), sm: policy('Allow', 'secretsmanager:GetSecretValue', secret.ARN) })
  assert.equal(world.call('ssm', 'GetParameters', { Names: [REF], WithDecryption: true }, both).Parameters[0].Value, '{"password":"pw"}')
  // The nested call is audited as Secrets Manager's own event.
  const events = world.store.audit.lookup({ account: A, limit: 50, attribute: { key: 'EventSource', value: 'secretsmanager.amazonaws.com' } })
  assert.ok(events.some((event) => event.eventName === 'GetSecretValue' && event.decision === 'denied'))
  assert.ok(events.some((event) => event.eventName === 'GetSecretValue' && event.decision === 'allowed'))
  assert.equal(/"pw"/.test(world.auditText(A)), false)
})
