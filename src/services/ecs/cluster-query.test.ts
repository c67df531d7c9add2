//! The cluster query language of memberOf constraints and ListContainerInstances filters.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { matchesClusterQuery, parseClusterQuery, type QuerySubject } from './cluster-query.js'

const windows: QuerySubject = {
  attributes: new Map<string, string | undefined>([
    ['ecs.os-type', 'windows'],
    ['ecs.instance-type', 't3.large'],
    ['ecs.availability-zone', 'us-east-1a'],
    ['com.amazonaws.ecs.capability.task-iam-role', undefined],
  ]),
  ec2InstanceId: 'i-0abc',
  agentConnected: true,
  runningTasksCount: 2,
  registeredAt: '2025-01-01T00:00:00Z',
  taskGroups: new Set(['service:web']),
}

const cases: Array<[string, boolean]> = [
  ['attribute:ecs.os-type == windows', true],
  ['attribute:ecs.os-type==windows', true],
  ['runningTasksCount>=2', true],
  ['attribute:ecs.os-type == linux', false],
  ['attribute:ecs.os-type != linux', true],
  ['attribute:ecs.os-type equals windows', true],
  ['attribute:com.amazonaws.ecs.capability.task-iam-role exists', true],
  ['attribute:gpu exists', false],
  ['attribute:gpu !exists', true],
  ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', true],
  ['attribute:ecs.availability-zone not_in [us-east-1a]', false],
  ['attribute:ecs.instance-type =~ t3.*', true],
  ['attribute:ecs.instance-type !~ t3.*', false],
  ['runningTasksCount > 1', true],
  ['runningTasksCount <= 1', false],
  ['ec2InstanceId == i-0abc', true],
  ['task:group == service:web', true],
  ['not(task:group == service:web)', false],
  ['attribute:ecs.os-type == windows and attribute:gpu exists', false],
  ['attribute:ecs.os-type == linux or attribute:ecs.instance-type == t3.large', true],
  ['(attribute:ecs.os-type == linux or runningTasksCount > 1) and agentConnected == true', true],
]

for (const [expression, expected] of cases) {
  test(`cluster query: ${expression} -> ${expected}`, () => {
    assert.equal(matchesClusterQuery(parseClusterQuery(expression), windows), expected)
  })
}

for (const bad of ['', 'attribute:x', 'attribute:x === y', 'color == red', 'attribute:x == y and', 'attribute:x in [a, b', '(attribute:x exists']) {
  test(`cluster query: "${bad}" is InvalidParameterException`, () => {
    assert.throws(() => parseClusterQuery(bad), (error: unknown) => error instanceof AwsError && error.code === 'InvalidParameterException')
  })
}
