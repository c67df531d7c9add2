//! Every operation declares its IAM requirement; the ones users rely on name the right action, resource and ecs:cluster.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ECS_AUTHORIZATION } from './authorization.js'
import { ACCOUNT, fakeEcs } from './fake-ecs.js'
import { ecsHandlers } from './index.js'

test('every implemented ECS operation declares its authorization, and nothing else is declared', () => {
  const handlers = Object.keys(ecsHandlers({ taskChanged: () => {} })).sort()
  assert.deepEqual(Object.keys(ECS_AUTHORIZATION).sort(), handlers)
})

test('authorization: actions, resources and ecs:cluster as the Service Authorization Reference lists them', () => {
  const ecs = fakeEcs()
  ecs.call('CreateCluster', { clusterName: 'c' })
  ecs.call('RegisterTaskDefinition', { family: 'x', containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] })
  const instance = ecs.call('RegisterContainerInstance', { cluster: 'c' }).containerInstance.containerInstanceArn
  const task = ecs.call('RunTask', { cluster: 'c', taskDefinition: 'x', launchType: 'EC2' }).tasks[0].taskArn
  ecs.checked.length = 0
  const cluster = `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/c`
  ecs.call('DescribeTasks', { cluster: 'c', tasks: [task] })
  ecs.call('ListTasks', { cluster: 'c' })
  ecs.call('StopTask', { cluster: 'c', task: task.split('/').pop() })
  ecs.call('ListClusters', {})
  ecs.call('DescribeTaskDefinition', { taskDefinition: 'x' })
  ecs.call('DeregisterContainerInstance', { cluster: 'c', containerInstance: instance, force: true })
  assert.deepEqual(
    ecs.checked.map((r) => [r.action, r.resource, r.context?.['ecs:cluster']]),
    [
      ['ecs:DescribeTasks', task, cluster],
      ['ecs:ListTasks', '*', cluster],
      ['ecs:StopTask', task, cluster],
      ['ecs:ListClusters', '*', undefined],
      ['ecs:DescribeTaskDefinition', '*', undefined],
      ['ecs:DeregisterContainerInstance', cluster, undefined],
    ],
  )
})

test('authorization: RunTask resolves the family to its latest revision before authorizing, and a denial stops it', () => {
  const ecs = fakeEcs()
  ecs.call('CreateCluster', { clusterName: 'c' })
  ecs.call('RegisterTaskDefinition', { family: 'x', containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] })
  ecs.call('RegisterTaskDefinition', { family: 'x', containerDefinitions: [{ name: 'a', image: 'b', memory: 64 }] })
  ecs.allow = (r) => r.action !== 'ecs:RunTask'
  const error = ecs.error('RunTask', { cluster: 'c', taskDefinition: 'x' })
  assert.equal(error.code, 'AccessDeniedException')
  assert.match(error.message, /ecs:RunTask on resource: arn:aws:ecs:us-east-1:111122223333:task-definition\/x:2/)
  ecs.allow = () => true
  assert.deepEqual(ecs.call('ListTasks', { cluster: 'c' }).taskArns, [])
  assert.deepEqual(ecs.woken, [])
})
