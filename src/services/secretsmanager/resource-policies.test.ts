import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld, policy } from '../kms/kms-test-world.js'
import { secretsManagerService } from './index.js'

const A = '111122223333'
const B = '444455556666'
const TOKEN = 'EXAMPLE1-90ab-cdef-fedc-ba987SECRET1'

function secretPolicy(principal: unknown, action = 'secretsmanager:GetSecretValue') {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, Resource: '*' }] })
}

test('a secret policy naming a user of the account grants it without an identity policy', () => {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService] })
  const root = world.root(A)
  world.call('secretsmanager', 'CreateSecret', { Name: 's', SecretString: 'v', ClientRequestToken: TOKEN }, root)
  const reader = world.user(A, 'reader')
  assert.equal(world.failure('secretsmanager', 'GetSecretValue', { SecretId: 's' }, reader).code, 'AccessDeniedException')
  world.call('secretsmanager', 'PutResourcePolicy', { SecretId: 's', ResourcePolicy: secretPolicy({ AWS: reader.arn }) }, root)
  assert.equal(world.call('secretsmanager', 'GetSecretValue', { SecretId: 's' }, reader).SecretString, 'v')
  assert.equal(JSON.parse(world.call('secretsmanager', 'GetResourcePolicy', { SecretId: 's' }, root).ResourcePolicy).Statement[0].Principal.AWS, reader.arn)
  world.call('secretsmanager', 'DeleteResourcePolicy', { SecretId: 's' }, root)
  assert.equal(world.failure('secretsmanager', 'GetSecretValue', { SecretId: 's' }, reader).code, 'AccessDeniedException')
  assert.equal(world.call('secretsmanager', 'GetResourcePolicy', { SecretId: 's' }, root).ResourcePolicy, undefined)
})

test('another account reads a secret only with the secret policy, its own identity policy and a shared key', () => {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService] })
  const owner = world.root(A)
  const keyPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'kms:Decrypt', Resource: '*' },
    ],
  })
  const shared = world.call('kms', 'CreateKey', { Policy: keyPolicy }, owner).KeyMetadata
  const secret = world.call('secretsmanager', 'CreateSecret', { Name: 'shared', SecretString: 'v', ClientRequestToken: TOKEN, KmsKeyId: shared.Arn }, owner)
  const managed = world.call('secretsmanager', 'CreateSecret', { Name: 'managed', SecretString: 'm', ClientRequestToken: TOKEN }, owner)
  const role = world.roleSession(B, 'consumer', {
    sm: policy('Allow', 'secretsmanager:GetSecretValue', `arn:aws:secretsmanager:us-east-1:${A}:secret:*`),
    kms: policy('Allow', 'kms:Decrypt', shared.Arn),
  })
  // No secret policy yet: the resource side refuses.
  const noPolicy = world.failure('secretsmanager', 'GetSecretValue', { SecretId: secret.ARN }, role)
  assert.match(noPolicy.message, /because no resource-based policy allows the secretsmanager:GetSecretValue action$/)
  for (const name of ['shared', 'managed']) {
    world.call('secretsmanager', 'PutResourcePolicy', { SecretId: name, ResourcePolicy: secretPolicy({ AWS: `arn:aws:iam::${B}:root` }) }, owner)
  }
  assert.equal(world.call('secretsmanager', 'GetSecretValue', { SecretId: secret.ARN }, role).SecretString, 'v')
  // The AWS managed key cannot be used across accounts.
  assert.equal(world.failure('secretsmanager', 'GetSecretValue', { SecretId: managed.ARN }, role).message, 'Access to KMS is not allowed')
  // Without its own identity policy, the other account's role is refused.
  const bare = world.roleSession(B, 'bare', { kms: policy('Allow', 'kms:Decrypt', shared.Arn) })
  assert.match(world.failure('secretsmanager', 'GetSecretValue', { SecretId: secret.ARN }, bare).message, /no identity-based policy allows/)
})

test('malformed and public policies are refused and nothing changes', () => {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService] })
  const root = world.root(A)
  world.call('secretsmanager', 'CreateSecret', { Name: 's', SecretString: 'v', ClientRequestToken: TOKEN }, root)
  const fails = (input: unknown) => world.failure('secretsmanager', 'PutResourcePolicy', input, root)
  assert.equal(fails({ SecretId: 's', ResourcePolicy: '{"Version":' }).code, 'MalformedPolicyDocumentException')
  assert.equal(fails({ SecretId: 's', ResourcePolicy: secretPolicy({ AWS: `arn:aws:iam::${A}:role/ghost` }) }).message, 'This resource policy contains an unsupported principal.')
  assert.equal(fails({ SecretId: 's', ResourcePolicy: secretPolicy('*'), BlockPublicPolicy: true }).code, 'PublicPolicyException')
  assert.equal(world.call('secretsmanager', 'GetResourcePolicy', { SecretId: 's' }, root).ResourcePolicy, undefined)
})
