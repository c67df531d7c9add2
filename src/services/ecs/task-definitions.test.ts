//! Task definitions: revisions, describe, lists, deregister, delete, PassRole at registration.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ACCOUNT, fakeEcs } from './fake-ecs.js'

const container = { name: 'app', image: 'nginx', memory: 128 }

test('RegisterTaskDefinition: revisions count up per family and are never reused', () => {
  const ecs = fakeEcs()
  const first = ecs.call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] })
  assert.equal(first.taskDefinition.taskDefinitionArn, `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`)
  assert.equal(first.taskDefinition.revision, 1)
  assert.equal(first.taskDefinition.status, 'ACTIVE')
  assert.deepEqual(first.taskDefinition.compatibilities, ['EC2'])
  assert.equal(first.taskDefinition.registeredBy, `arn:aws:iam::${ACCOUNT}:root`)
  assert.deepEqual(first.taskDefinition.containerDefinitions[0], {
    ...container,
    cpu: 0,
    portMappings: [],
    essential: true,
    environment: [],
    mountPoints: [],
    volumesFrom: [],
  })
  ecs.call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] })
  ecs.call('DeregisterTaskDefinition', { taskDefinition: 'web:2' })
  ecs.call('DeleteTaskDefinitions', { taskDefinitions: ['web:2'] })
  const third = ecs.call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] })
  assert.equal(third.taskDefinition.revision, 3)
})

test('RegisterTaskDefinition: Fargate definition with roles, sizes in units, compatibilities and requiresAttributes', () => {
  const ecs = fakeEcs()
  const out = ecs.call('RegisterTaskDefinition', {
    family: 'api',
    taskRoleArn: 'app-role',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1 vCPU',
    memory: '2 GB',
    containerDefinitions: [{ name: 'api', image: 'nginx', portMappings: [{ containerPort: 8080 }] }],
    tags: [{ key: 'team', value: 'core' }],
  })
  const td = out.taskDefinition
  assert.equal(td.taskRoleArn, `arn:aws:iam::${ACCOUNT}:role/app-role`)
  assert.equal(td.cpu, '1024')
  assert.equal(td.memory, '2048')
  assert.deepEqual(td.compatibilities, ['EC2', 'FARGATE'])
  assert.deepEqual(td.requiresCompatibilities, ['FARGATE'])
  assert.deepEqual(td.containerDefinitions[0].portMappings, [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }])
  assert.ok(td.requiresAttributes.some((a: { name: string }) => a.name === 'com.amazonaws.ecs.capability.task-iam-role'))
  assert.ok(td.requiresAttributes.some((a: { name: string }) => a.name === 'ecs.capability.task-eni'))
  assert.deepEqual(out.tags, [{ key: 'team', value: 'core' }])
  // iam:PassRole on both roles, passed to ecs-tasks.amazonaws.com.
  const passes = ecs.checked.filter((r) => r.action === 'iam:PassRole')
  assert.deepEqual(passes.map((r) => r.resource).sort(), [`arn:aws:iam::${ACCOUNT}:role/app-role`, `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`])
  assert.ok(passes.every((r) => r.context?.['iam:PassedToService'] === 'ecs-tasks.amazonaws.com'))
  // Tag-on-create also needs ecs:TagResource with ecs:CreateAction.
  const tagging = ecs.checked.find((r) => r.action === 'ecs:TagResource')
  assert.equal(tagging?.context?.['ecs:CreateAction'], 'RegisterTaskDefinition')
  assert.equal(tagging?.resource, `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/api:1`)
})

test('RegisterTaskDefinition: PassRole denied -> AccessDeniedException and nothing stored', () => {
  const ecs = fakeEcs()
  ecs.allow = (r) => r.action !== 'iam:PassRole'
  const error = ecs.error('RegisterTaskDefinition', { family: 'web', taskRoleArn: 'r', containerDefinitions: [container] })
  assert.equal(error.code, 'AccessDeniedException')
  assert.match(error.message, /is not authorized to perform: iam:PassRole on resource: arn:aws:iam::111122223333:role\/r/)
  ecs.allow = () => true
  assert.deepEqual(ecs.call('ListTaskDefinitions', {}).taskDefinitionArns, [])
  assert.deepEqual(ecs.call('ListTaskDefinitionFamilies', { status: 'ALL' }).families, [])
})

test('DescribeTaskDefinition: family -> latest ACTIVE, family:revision, ARN; unknown -> ClientException', () => {
  const ecs = fakeEcs()
  for (let i = 0; i < 3; i++) ecs.call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container], tags: i === 0 ? [{ key: 'k', value: 'v' }] : undefined })
  ecs.call('DeregisterTaskDefinition', { taskDefinition: 'web:3' })
  assert.equal(ecs.call('DescribeTaskDefinition', { taskDefinition: 'web' }).taskDefinition.revision, 2)
  assert.equal(ecs.call('DescribeTaskDefinition', { taskDefinition: 'web:3' }).taskDefinition.status, 'INACTIVE')
  const byArn = ecs.call('DescribeTaskDefinition', { taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`, include: ['TAGS'] })
  assert.deepEqual(byArn.tags, [{ key: 'k', value: 'v' }])
  assert.equal(ecs.call('DescribeTaskDefinition', { taskDefinition: 'web:1' }).tags, undefined)
  for (const reference of ['nope', 'web:9', `arn:aws:ecs:us-east-1:999999999999:task-definition/web:1`]) {
    const error = ecs.error('DescribeTaskDefinition', { taskDefinition: reference })
    assert.deepEqual([error.code, error.message], ['ClientException', 'Unable to describe task definition.'])
  }
  assert.equal(ecs.error('DescribeTaskDefinition', { taskDefinition: 'web:x' }).message, 'Invalid revision number. Number: x')
})

test('ListTaskDefinitions: exact family, status, sort and paging', () => {
  const ecs = fakeEcs()
  for (const family of ['web', 'web', 'web-2', 'db']) ecs.call('RegisterTaskDefinition', { family, containerDefinitions: [container] })
  ecs.call('DeregisterTaskDefinition', { taskDefinition: 'web:1' })
  const arn = (family: string, revision: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/${family}:${revision}`
  assert.deepEqual(ecs.call('ListTaskDefinitions', {}).taskDefinitionArns, [arn('db', 1), arn('web', 2), arn('web-2', 1)])
  assert.deepEqual(ecs.call('ListTaskDefinitions', { familyPrefix: 'web' }).taskDefinitionArns, [arn('web', 2)])
  assert.deepEqual(ecs.call('ListTaskDefinitions', { status: 'INACTIVE' }).taskDefinitionArns, [arn('web', 1)])
  assert.deepEqual(ecs.call('ListTaskDefinitions', { sort: 'DESC' }).taskDefinitionArns, [arn('web-2', 1), arn('web', 2), arn('db', 1)])
  const first = ecs.call('ListTaskDefinitions', { maxResults: 2 })
  assert.equal(first.taskDefinitionArns.length, 2)
  const second = ecs.call('ListTaskDefinitions', { maxResults: 2, nextToken: first.nextToken })
  assert.deepEqual(second.taskDefinitionArns, [arn('web-2', 1)])
  assert.equal(second.nextToken, undefined)
  assert.equal(ecs.error('ListTaskDefinitions', { maxResults: 101 }).code, 'InvalidParameterException')
  assert.equal(ecs.error('ListTaskDefinitions', { nextToken: 'garbage!' }).code, 'InvalidParameterException')
})

test('ListTaskDefinitionFamilies: prefix, ACTIVE / INACTIVE / ALL', () => {
  const ecs = fakeEcs()
  for (const family of ['web', 'web-2', 'db']) ecs.call('RegisterTaskDefinition', { family, containerDefinitions: [container] })
  ecs.call('DeregisterTaskDefinition', { taskDefinition: 'db:1' })
  assert.deepEqual(ecs.call('ListTaskDefinitionFamilies', {}).families, ['web', 'web-2'])
  assert.deepEqual(ecs.call('ListTaskDefinitionFamilies', { familyPrefix: 'we' }).families, ['web', 'web-2'])
  assert.deepEqual(ecs.call('ListTaskDefinitionFamilies', { status: 'INACTIVE' }).families, ['db'])
  assert.deepEqual(ecs.call('ListTaskDefinitionFamilies', { status: 'ALL' }).families, ['db', 'web', 'web-2'])
})

test('DeregisterTaskDefinition needs a revision; DeleteTaskDefinitions only takes INACTIVE ones', () => {
  const ecs = fakeEcs()
  ecs.call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] })
  ecs.call('RegisterTaskDefinition', { family: 'web', containerDefinitions: [container] })
  assert.deepEqual([ecs.error('DeregisterTaskDefinition', { taskDefinition: 'web' }).code, ecs.error('DeregisterTaskDefinition', { taskDefinition: 'web' }).message], ['ClientException', 'Revision is missing.'])
  assert.equal(ecs.error('DeregisterTaskDefinition', { taskDefinition: 'web:7' }).message, 'The specified task definition does not exist.')
  const deregistered = ecs.call('DeregisterTaskDefinition', { taskDefinition: 'web:1' }).taskDefinition
  assert.equal(deregistered.status, 'INACTIVE')
  assert.equal(deregistered.deregisteredAt, ecs.now.toISOString())
  const out = ecs.call('DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'web:2', 'web:9'] })
  assert.deepEqual(out.taskDefinitions.map((td: { status: string }) => td.status), ['DELETE_IN_PROGRESS'])
  assert.deepEqual(out.failures.map((f: { reason: string }) => f.reason), [
    'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
    'The specified task definition does not exist.',
  ])
  assert.equal(ecs.error('DescribeTaskDefinition', { taskDefinition: 'web:1' }).code, 'ClientException')
  assert.deepEqual(ecs.call('ListTaskDefinitions', { status: 'DELETE_IN_PROGRESS' }).taskDefinitionArns, [`arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/web:1`])
})
