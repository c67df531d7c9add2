import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld, policy } from '../kms/kms-test-world.js'
import { secretsManagerService } from '../secretsmanager/index.js'
import { ssmService } from './index.js'

const A = '111122223333'

function setup() {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService, ssmService] })
  const root = world.root(A)
  const ssm = (operation: string, input: unknown) => world.call('ssm', operation, input, root)
  const fails = (operation: string, input: unknown) => world.failure('ssm', operation, input, root)
  ssm('PutParameter', { Name: '/app/db/host', Value: 'db.local', Type: 'String' })
  ssm('PutParameter', { Name: '/app/db/password', Value: 'pw1', Type: 'SecureString' })
  ssm('PutParameter', { Name: '/app/db/password', Value: 'pw2', Overwrite: true })
  ssm('PutParameter', { Name: 'root-level', Value: 'r', Type: 'String' })
  return { world, root, ssm, fails }
}

test('GetParameter by name, by ARN, with a version or a label', () => {
  const { ssm } = setup()
  const byArn = ssm('GetParameter', { Name: `arn:aws:ssm:us-east-1:${A}:parameter/app/db/host` }).Parameter
  assert.equal(byArn.Name, '/app/db/host')
  assert.equal(byArn.Value, 'db.local')
  assert.equal(ssm('GetParameter', { Name: '/root-level' }).Parameter.Name, '/root-level')
  assert.equal(ssm('GetParameter', { Name: 'root-level' }).Parameter.ARN, `arn:aws:ssm:us-east-1:${A}:parameter/root-level`)
  const first = ssm('GetParameter', { Name: '/app/db/password:1', WithDecryption: true }).Parameter
  assert.equal(first.Value, 'pw1')
  assert.equal(first.Selector, ':1')
  assert.deepEqual(ssm('LabelParameterVersion', { Name: '/app/db/password', ParameterVersion: 1, Labels: ['stable', 'aws-bad'] }), {
    InvalidLabels: ['aws-bad'],
    ParameterVersion: 1,
  })
  assert.equal(ssm('GetParameter', { Name: '/app/db/password:stable', WithDecryption: true }).Parameter.Value, 'pw1')
})

test('a SecureString without WithDecryption is its ciphertext; with it, its value', () => {
  const { ssm } = setup()
  const hidden = ssm('GetParameter', { Name: '/app/db/password' }).Parameter
  assert.equal(hidden.Type, 'SecureString')
  assert.notEqual(hidden.Value, 'pw2')
  assert.ok(Buffer.from(hidden.Value, 'base64').length > 16)
  assert.equal(ssm('GetParameter', { Name: '/app/db/password', WithDecryption: true }).Parameter.Value, 'pw2')
})

test('GetParameters returns what exists and lists the rest in InvalidParameters', () => {
  const { ssm } = setup()
  const result = ssm('GetParameters', { Names: ['/app/db/host', '/missing', '/app/db/host', 'bad name', '/app/db/host:9'], WithDecryption: true })
  assert.deepEqual(result.Parameters.map((p: any) => p.Value), ['db.local'])
  assert.deepEqual(result.InvalidParameters, ['/missing', 'bad name', '/app/db/host:9'])
})

test('missing parameters and versions', () => {
  const { fails } = setup()
  const missing = fails('GetParameter', { Name: '/nope' })
  assert.equal(missing.code, 'ParameterNotFound')
  assert.equal(missing.message, '')
  const version = fails('GetParameter', { Name: '/app/db/host:7' })
  assert.equal(version.code, 'ParameterVersionNotFound')
  assert.equal(version.message, 'Systems Manager could not find version 7 of /app/db/host. Verify the version and try again.')
  assert.equal(fails('DeleteParameter', { Name: '/nope' }).code, 'ParameterNotFound')
})

test('GetParametersByPath: one level or recursive, pages of up to ten, authorized on the path', () => {
  const { world, ssm } = setup()
  assert.deepEqual(ssm('GetParametersByPath', { Path: '/app' }).Parameters, [])
  const all = ssm('GetParametersByPath', { Path: '/app', Recursive: true, WithDecryption: true }).Parameters
  assert.deepEqual(all.map((p: any) => [p.Name, p.Value]), [['/app/db/host', 'db.local'], ['/app/db/password', 'pw2']])
  const typed = ssm('GetParametersByPath', { Path: '/app', Recursive: true, ParameterFilters: [{ Key: 'Type', Values: ['String'] }] }).Parameters
  assert.deepEqual(typed.map((p: any) => p.Name), ['/app/db/host'])
  const first = ssm('GetParametersByPath', { Path: '/app/db', MaxResults: 1 })
  assert.equal(first.Parameters.length, 1)
  assert.equal(ssm('GetParametersByPath', { Path: '/app/db', MaxResults: 1, NextToken: first.NextToken }).Parameters[0].Name, '/app/db/password')
  const reader = world.user(A, 'reader', { ssm: policy('Allow', 'ssm:GetParametersByPath', `arn:aws:ssm:us-east-1:${A}:parameter/app/db`) })
  assert.equal(world.call('ssm', 'GetParametersByPath', { Path: '/app/db' }, reader).Parameters.length, 2)
  const denied = world.failure('ssm', 'GetParametersByPath', { Path: '/app' }, reader)
  assert.equal(denied.message, `User: ${reader.arn} is not authorized to perform: ssm:GetParametersByPath on resource: arn:aws:ssm:us-east-1:${A}:parameter/app because no identity-based policy allows the ssm:GetParametersByPath action`)
  assert.equal(world.failure('ssm', 'GetParametersByPath', { Path: 'app' }, world.root(A)).code, 'ValidationException')
})

test('GetParameters needs ssm:GetParameters on every name (the ECS agent’s call), not ssm:GetParameter', () => {
  const { world } = setup()
  const onlySingular = world.roleSession(A, 'exec1', { ssm: policy('Allow', 'ssm:GetParameter') })
  const denied = world.failure('ssm', 'GetParameters', { Names: ['/app/db/host'] }, onlySingular)
  assert.equal(
    denied.message,
    `User: ${onlySingular.arn} is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:us-east-1:${A}:parameter/app/db/host because no identity-based policy allows the ssm:GetParameters action`,
  )
  const plural = world.roleSession(A, 'exec2', { ssm: policy('Allow', 'ssm:GetParameters', `arn:aws:ssm:us-east-1:${A}:parameter/app/*`) })
  assert.equal(world.call('ssm', 'GetParameters', { Names: ['/app/db/host'] }, plural).Parameters[0].Value, 'db.local')
  assert.equal(world.failure('ssm', 'GetParameters', { Names: ['/app/db/host', 'root-level'] }, plural).code, 'AccessDeniedException')
})

test('DescribeParameters filters, DeleteParameters reports what it could not delete', () => {
  const { ssm } = setup()
  const secure = ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Type', Values: ['SecureString'] }] }).Parameters
  assert.deepEqual(secure.map((p: any) => p.Name), ['/app/db/password'])
  const byPath = ssm('DescribeParameters', { ParameterFilters: [{ Key: 'Path', Option: 'Recursive', Values: ['/app'] }] }).Parameters
  assert.equal(byPath.length, 2)
  const byName = ssm('DescribeParameters', { Filters: [{ Key: 'Name', Values: ['/app/db/h'] }] }).Parameters
  assert.deepEqual(byName.map((p: any) => p.Name), ['/app/db/host'])
  assert.deepEqual(ssm('DeleteParameters', { Names: ['/app/db/host', '/gone'] }), { DeletedParameters: ['/app/db/host'], InvalidParameters: ['/gone'] })
  ssm('DeleteParameter', { Name: 'root-level' })
  assert.deepEqual(ssm('DescribeParameters', {}).Parameters.map((p: any) => p.Name), ['/app/db/password'])
})

test('tags on parameters', () => {
  const { ssm, fails } = setup()
  ssm('AddTagsToResource', { ResourceType: 'Parameter', ResourceId: '/app/db/host', Tags: [{ Key: 'team', Value: 'data' }] })
  assert.deepEqual(ssm('ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/app/db/host' }).TagList, [{ Key: 'team', Value: 'data' }])
  ssm('RemoveTagsFromResource', { ResourceType: 'Parameter', ResourceId: '/app/db/host', TagKeys: ['team'] })
  assert.deepEqual(ssm('ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/app/db/host' }).TagList, [])
  assert.equal(fails('ListTagsForResource', { ResourceType: 'Parameter', ResourceId: '/nope' }).code, 'InvalidResourceId')
})
