//! ECS ARNs and the references callers give instead (names, ids, short and long ARNs).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { clusterNameOf, parseChildReference, parseTaskDefinitionReference } from './arns.js'

const at = { account: '111122223333', region: 'us-east-1' }

test('cluster references: name, ARN, default; another account or region names nothing', () => {
  assert.equal(clusterNameOf(at, undefined), 'default')
  assert.equal(clusterNameOf(at, 'prod'), 'prod')
  assert.equal(clusterNameOf(at, 'arn:aws:ecs:us-east-1:111122223333:cluster/prod'), 'prod')
  assert.equal(clusterNameOf(at, 'arn:aws:ecs:us-east-1:999999999999:cluster/prod'), undefined)
  assert.equal(clusterNameOf(at, 'arn:aws:ecs:eu-west-1:111122223333:cluster/prod'), undefined)
})

test('task definition references: family, family:revision, ARN, bad revision', () => {
  assert.deepEqual(parseTaskDefinitionReference(at, 'web'), { family: 'web' })
  assert.deepEqual(parseTaskDefinitionReference(at, 'web:3'), { family: 'web', revision: 3 })
  assert.deepEqual(parseTaskDefinitionReference(at, 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:12'), { family: 'web', revision: 12 })
  assert.deepEqual(parseTaskDefinitionReference(at, 'web:latest'), { family: 'web', badRevision: 'latest' })
  assert.equal(parseTaskDefinitionReference(at, 'arn:aws:ecs:us-east-1:111122223333:cluster/web'), undefined)
})

test('task and container-instance references: id, long and short ARNs', () => {
  assert.deepEqual(parseChildReference(at, 'task', 'abc'), { id: 'abc' })
  assert.deepEqual(parseChildReference(at, 'task', 'arn:aws:ecs:us-east-1:111122223333:task/c/abc'), { clusterName: 'c', id: 'abc' })
  assert.deepEqual(parseChildReference(at, 'task', 'arn:aws:ecs:us-east-1:111122223333:task/abc'), { id: 'abc' })
  assert.equal(parseChildReference(at, 'task', 'arn:aws:ecs:us-east-1:111122223333:container-instance/c/abc'), undefined)
  assert.equal(parseChildReference(at, 'task', 'c/abc'), undefined)
  assert.deepEqual(parseChildReference(at, 'container-instance', 'arn:aws:ecs:us-east-1:111122223333:container-instance/c/i1'), { clusterName: 'c', id: 'i1' })
})
