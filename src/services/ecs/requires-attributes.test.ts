//! requiresAttributes as real DescribeTaskDefinition outputs show them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isEcrImage, requiredAttributes } from './requires-attributes.js'

const names = (definition: Parameters<typeof requiredAttributes>[0]) => requiredAttributes(definition).map((a) => a.name)
const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/x', 'awslogs-region': 'us-east-1' } }

test('requiresAttributes: a task role alone needs only the task-iam-role capability (real bridge definition)', () => {
  assert.deepEqual(names({ taskRoleArn: 'arn:aws:iam::1:role/r', containerDefinitions: [{ name: 'a', image: 'nginx' }] }), ['com.amazonaws.ecs.capability.task-iam-role'])
})

test('requiresAttributes: the Fargate definition of a real DescribeTaskDefinition (awslogs, ECR image, both roles, awsvpc)', () => {
  const got = names({
    taskRoleArn: 'arn:aws:iam::1:role/t',
    executionRoleArn: 'arn:aws:iam::1:role/e',
    networkMode: 'awsvpc',
    containerDefinitions: [{ name: 'a', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1', logConfiguration: awslogs }],
  })
  assert.deepEqual(got.sort(), [
    'com.amazonaws.ecs.capability.docker-remote-api.1.18',
    'com.amazonaws.ecs.capability.docker-remote-api.1.19',
    'com.amazonaws.ecs.capability.ecr-auth',
    'com.amazonaws.ecs.capability.logging-driver.awslogs',
    'com.amazonaws.ecs.capability.task-iam-role',
    'ecs.capability.execution-role-awslogs',
    'ecs.capability.execution-role-ecr-pull',
    'ecs.capability.task-eni',
  ])
})

test('requiresAttributes: secrets from SSM and Secrets Manager, host network task role', () => {
  const got = names({
    taskRoleArn: 'arn:aws:iam::1:role/t',
    executionRoleArn: 'arn:aws:iam::1:role/e',
    networkMode: 'host',
    containerDefinitions: [
      { name: 'a', image: 'nginx', secrets: [{ name: 'A', valueFrom: '/param' }, { name: 'B', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf' }] },
    ],
  })
  assert.ok(got.includes('ecs.capability.secrets.ssm.environment-variables'))
  assert.ok(got.includes('ecs.capability.secrets.asm.environment-variables'))
  assert.ok(got.includes('com.amazonaws.ecs.capability.task-iam-role-network-host'))
  assert.ok(!got.includes('ecs.capability.task-eni'))
})

test('requiresAttributes: nothing for a plain bridge container', () => {
  assert.deepEqual(names({ containerDefinitions: [{ name: 'a', image: 'busybox' }] }), [])
})

test('isEcrImage: private ECR URIs only', () => {
  assert.equal(isEcrImage('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest'), true)
  assert.equal(isEcrImage('public.ecr.aws/aws-cli/aws-cli:latest'), false)
  assert.equal(isEcrImage('nginx'), false)
})
