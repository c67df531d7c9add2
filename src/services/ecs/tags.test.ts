//! Tags on every taggable ECS resource, and the errors for the ones that are not.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ACCOUNT, fakeEcs } from './fake-ecs.js'

test('TagResource / UntagResource / ListTagsForResource on clusters, task definitions, tasks and container instances', () => {
  const ecs = fakeEcs()
  const cluster = ecs.call('CreateCluster', { clusterName: 'c' }).cluster.clusterArn
  const definition = ecs.call('RegisterTaskDefinition', { family: 'x', containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] }).taskDefinition.taskDefinitionArn
  const instance = ecs.call('RegisterContainerInstance', { cluster: 'c' }).containerInstance.containerInstanceArn
  const task = ecs.call('RunTask', { cluster: 'c', taskDefinition: 'x' }).tasks[0].taskArn
  for (const arn of [cluster, definition, instance, task]) {
    ecs.call('TagResource', { resourceArn: arn, tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] })
    ecs.call('TagResource', { resourceArn: arn, tags: [{ key: 'a', value: '3' }] })
    ecs.call('UntagResource', { resourceArn: arn, tagKeys: ['b', 'missing'] })
    assert.deepEqual(ecs.call('ListTagsForResource', { resourceArn: arn }).tags, [{ key: 'a', value: '3' }], arn)
  }
  // The existing tags feed aws:ResourceTag/* when the resource is authorized.
  const listing = ecs.checked.filter((r) => r.action === 'ecs:ListTagsForResource').pop()
  assert.equal(listing?.context?.['aws:ResourceTag/a'], '3')
})

test('tags: errors for unknown resources, bad ARNs, the aws: prefix and a 51st tag; nothing changed', () => {
  const ecs = fakeEcs()
  const cluster = ecs.call('CreateCluster', { clusterName: 'c' }).cluster.clusterArn
  assert.equal(ecs.error('TagResource', { resourceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/ghost`, tags: [{ key: 'a', value: 'b' }] }).code, 'ClusterNotFoundException')
  assert.equal(ecs.error('TagResource', { resourceArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/ghost:1`, tags: [{ key: 'a', value: 'b' }] }).code, 'ResourceNotFoundException')
  assert.equal(ecs.error('TagResource', { resourceArn: 'not-an-arn', tags: [{ key: 'a', value: 'b' }] }).code, 'InvalidParameterException')
  assert.equal(ecs.error('TagResource', { resourceArn: cluster, tags: [{ key: 'aws:x', value: 'b' }] }).code, 'InvalidParameterException')
  const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }))
  assert.equal(ecs.error('TagResource', { resourceArn: cluster, tags: many }).code, 'InvalidParameterException')
  assert.deepEqual(ecs.call('ListTagsForResource', { resourceArn: cluster }).tags, [])
})
