import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from './index.js'
import { kmsTestWorld } from './kms-test-world.js'

const A = '111122223333'

function setup() {
  const world = kmsTestWorld({ services: [kmsService] })
  const root = world.root(A)
  const kms = (operation: string, input: unknown) => world.call('kms', operation, input, root)
  return { world, root, kms }
}

test('create, point elsewhere, list and delete an alias', () => {
  const { kms } = setup()
  const first = kms('CreateKey', {}).KeyMetadata
  const second = kms('CreateKey', {}).KeyMetadata
  kms('CreateAlias', { AliasName: 'alias/app', TargetKeyId: first.Arn })
  assert.equal(kms('DescribeKey', { KeyId: 'alias/app' }).KeyMetadata.KeyId, first.KeyId)
  kms('UpdateAlias', { AliasName: 'alias/app', TargetKeyId: second.KeyId })
  assert.equal(kms('DescribeKey', { KeyId: 'alias/app' }).KeyMetadata.KeyId, second.KeyId)
  const listed = kms('ListAliases', { KeyId: second.KeyId }).Aliases
  assert.deepEqual(listed.map((a: any) => [a.AliasName, a.AliasArn, a.TargetKeyId]), [['alias/app', `arn:aws:kms:us-east-1:${A}:alias/app`, second.KeyId]])
  kms('DeleteAlias', { AliasName: 'alias/app' })
  assert.deepEqual(kms('ListAliases', { KeyId: second.KeyId }).Aliases, [])
})

test('ListAliases shows the predefined AWS aliases, with a target only once the key exists', () => {
  const { kms } = setup()
  const before = kms('ListAliases', {}).Aliases
  assert.deepEqual(before.map((a: any) => [a.AliasName, a.TargetKeyId]), [
    ['alias/aws/secretsmanager', undefined],
    ['alias/aws/ssm', undefined],
  ])
  const managed = kms('DescribeKey', { KeyId: 'alias/aws/ssm' }).KeyMetadata
  const after = kms('ListAliases', {}).Aliases
  assert.equal(after.find((a: any) => a.AliasName === 'alias/aws/ssm').TargetKeyId, managed.KeyId)
})

test('bad alias requests change nothing and answer with AWS’s errors', () => {
  const { world, root, kms } = setup()
  const key = kms('CreateKey', {}).KeyMetadata
  kms('CreateAlias', { AliasName: 'alias/app', TargetKeyId: key.KeyId })
  const prefix = world.failure('kms', 'CreateAlias', { AliasName: 'app', TargetKeyId: key.KeyId }, root)
  assert.equal(prefix.message, 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html')
  assert.equal(world.failure('kms', 'CreateAlias', { AliasName: 'alias/aws/mine', TargetKeyId: key.KeyId }, root).code, 'NotAuthorizedException')
  const exists = world.failure('kms', 'CreateAlias', { AliasName: 'alias/app', TargetKeyId: key.KeyId }, root)
  assert.equal(exists.code, 'AlreadyExistsException')
  assert.equal(exists.message, `An alias with the name arn:aws:kms:us-east-1:${A}:alias/app already exists`)
  assert.equal(world.failure('kms', 'CreateAlias', { AliasName: 'alias/two', TargetKeyId: 'alias/app' }, root).code, 'ValidationException')
  const missing = world.failure('kms', 'DeleteAlias', { AliasName: 'alias/none' }, root)
  assert.equal(missing.message, `Alias arn:aws:kms:us-east-1:${A}:alias/none is not found.`)
  assert.deepEqual(kms('ListAliases', { KeyId: key.KeyId }).Aliases.map((a: any) => a.AliasName), ['alias/app'])
})

test('creating an alias needs kms:CreateAlias on the alias and on the key', () => {
  const { world, kms } = setup()
  const key = kms('CreateKey', {}).KeyMetadata
  const onAliasOnly = world.user(A, 'gina', {
    p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:CreateAlias', Resource: `arn:aws:kms:us-east-1:${A}:alias/*` }] },
  })
  const denied = world.failure('kms', 'CreateAlias', { AliasName: 'alias/g', TargetKeyId: key.KeyId }, onAliasOnly)
  assert.match(denied.message, new RegExp(`kms:CreateAlias on resource: ${key.Arn}`))
  const both = world.user(A, 'hugo', {
    p: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:CreateAlias', Resource: [`arn:aws:kms:us-east-1:${A}:alias/*`, key.Arn] }] },
  })
  world.call('kms', 'CreateAlias', { AliasName: 'alias/g', TargetKeyId: key.KeyId }, both)
  assert.equal(kms('DescribeKey', { KeyId: 'alias/g' }).KeyMetadata.KeyId, key.KeyId)
})
