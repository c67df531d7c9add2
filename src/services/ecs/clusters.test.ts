//! Clusters: create (idempotent), describe (MISSING), list, delete (refused while in use), settings.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ACCOUNT, fakeEcs } from './fake-ecs.js'

const ARN = (name: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/${name}`

test('CreateCluster: the shape ECS returns; again with the same name returns the same cluster', () => {
  const ecs = fakeEcs()
  const { cluster } = ecs.call('CreateCluster', { clusterName: 'prod', tags: [{ key: 'team', value: 'core' }] })
  assert.deepEqual(cluster, {
    clusterArn: ARN('prod'),
    clusterName: 'prod',
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    activeServicesCount: 0,
    statistics: [],
    tags: [{ key: 'team', value: 'core' }],
    settings: [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
  })
  assert.equal(ecs.call('CreateCluster', { clusterName: 'prod' }).cluster.clusterArn, ARN('prod'))
  assert.equal(ecs.call('CreateCluster', {}).cluster.clusterName, 'default')
  assert.deepEqual(ecs.call('ListClusters', {}).clusterArns, [ARN('default'), ARN('prod')])
  assert.equal(ecs.error('CreateCluster', { clusterName: 'bad name' }).code, 'InvalidParameterException')
  const tagging = ecs.checked.find((r) => r.action === 'ecs:TagResource')
  assert.equal(tagging?.context?.['ecs:CreateAction'], 'CreateCluster')
})

test('DescribeClusters: by name or ARN, MISSING failures, tags only with include=TAGS, INACTIVE after delete', () => {
  const ecs = fakeEcs()
  ecs.call('CreateCluster', { clusterName: 'a', tags: [{ key: 'k', value: 'v' }] })
  const out = ecs.call('DescribeClusters', { clusters: ['a', ARN('a'), 'ghost'] })
  assert.equal(out.clusters.length, 2)
  assert.equal(out.clusters[0].tags, undefined)
  assert.equal(out.clusters[0].settings, undefined)
  const full = ecs.call('DescribeClusters', { clusters: ['a'], include: ['SETTINGS', 'STATISTICS'] }).clusters[0]
  assert.deepEqual(full.settings, [{ name: 'containerInsights', value: 'disabled' }])
  assert.deepEqual(full.statistics.find((s: { name: string }) => s.name === 'pendingFargateTasksCount'), { name: 'pendingFargateTasksCount', value: '0' })
  assert.deepEqual(out.failures, [{ arn: ARN('ghost'), reason: 'MISSING' }])
  assert.deepEqual(ecs.call('DescribeClusters', { clusters: ['a'], include: ['TAGS'] }).clusters[0].tags, [{ key: 'k', value: 'v' }])
  assert.equal(ecs.call('DeleteCluster', { cluster: 'a' }).cluster.status, 'INACTIVE')
  assert.equal(ecs.call('DescribeClusters', { clusters: ['a'] }).clusters[0].status, 'INACTIVE')
  assert.deepEqual(ecs.call('ListClusters', {}).clusterArns, [])
  assert.deepEqual([ecs.error('DeleteCluster', { cluster: 'a' }).code, ecs.error('DeleteCluster', { cluster: 'a' }).message], ['ClusterNotFoundException', 'Cluster not found.'])
  assert.equal(ecs.call('CreateCluster', { clusterName: 'a' }).cluster.status, 'ACTIVE')
  assert.deepEqual(ecs.call('DescribeClusters', {}).failures, [{ arn: ARN('default'), reason: 'MISSING' }])
})

test('DeleteCluster is refused while instances or tasks remain', () => {
  const ecs = fakeEcs()
  ecs.call('CreateCluster', { clusterName: 'c' })
  const instance = ecs.call('RegisterContainerInstance', { cluster: 'c', totalResources: [] }).containerInstance.containerInstanceArn
  assert.equal(ecs.error('DeleteCluster', { cluster: 'c' }).code, 'ClusterContainsContainerInstancesException')
  ecs.call('RegisterTaskDefinition', { family: 'x', containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] })
  ecs.call('RunTask', { cluster: 'c', taskDefinition: 'x' })
  ecs.call('DeregisterContainerInstance', { cluster: 'c', containerInstance: instance, force: true })
  const error = ecs.error('DeleteCluster', { cluster: 'c' })
  assert.deepEqual([error.code, error.message], ['ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.'])
  assert.equal(ecs.call('DescribeClusters', { clusters: ['c'] }).clusters[0].pendingTasksCount, 1)
})

test('UpdateClusterSettings merges settings', () => {
  const ecs = fakeEcs()
  ecs.call('CreateCluster', { clusterName: 'c' })
  const { cluster } = ecs.call('UpdateClusterSettings', { cluster: 'c', settings: [{ name: 'containerInsights', value: 'enabled' }] })
  assert.deepEqual(cluster.settings, [{ name: 'containerInsights', value: 'enabled' }])
  assert.equal(ecs.error('UpdateClusterSettings', { cluster: 'nope', settings: [] }).code, 'ClusterNotFoundException')
})
