import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld } from '../kms/kms-test-world.js'
import { secretsManagerService } from './index.js'

const A = '111122223333'

test('ListSecrets filters by name, description and tags (prefix, negation) and pages', () => {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService] })
  const root = world.root(A)
  const sm = (operation: string, input: unknown) => world.call('secretsmanager', operation, input, root)
  sm('CreateSecret', { Name: 'prod/db', Description: 'database', Tags: [{ Key: 'team', Value: 'data' }] })
  world.clock.advance(1000)
  sm('CreateSecret', { Name: 'prod/api-key', Tags: [{ Key: 'team', Value: 'web' }] })
  world.clock.advance(1000)
  sm('CreateSecret', { Name: 'dev/db' })
  const names = (filters: unknown) => sm('ListSecrets', { Filters: filters }).SecretList.map((s: any) => s.Name)
  assert.deepEqual(names([{ Key: 'name', Values: ['prod'] }]), ['prod/db', 'prod/api-key'])
  assert.deepEqual(names([{ Key: 'name', Values: ['db'] }]), ['prod/db', 'dev/db'])
  assert.deepEqual(names([{ Key: 'name', Values: ['!prod'] }]), ['dev/db'])
  assert.deepEqual(names([{ Key: 'description', Values: ['data'] }]), ['prod/db'])
  assert.deepEqual(names([{ Key: 'tag-value', Values: ['web'] }]), ['prod/api-key'])
  assert.deepEqual(names([{ Key: 'tag-key', Values: ['team'] }, { Key: 'name', Values: ['prod/db'] }]), ['prod/db'])
  assert.deepEqual(names([{ Key: 'all', Values: ['data'] }]), ['prod/db'])
  const first = sm('ListSecrets', { MaxResults: 2 })
  assert.equal(first.SecretList.length, 2)
  const second = sm('ListSecrets', { MaxResults: 2, NextToken: first.NextToken })
  assert.deepEqual(second.SecretList.map((s: any) => s.Name), ['dev/db'])
  assert.equal(second.NextToken, undefined)
  assert.deepEqual(sm('ListSecrets', { SortBy: 'name' }).SecretList.map((s: any) => s.Name), ['dev/db', 'prod/api-key', 'prod/db'])
})
