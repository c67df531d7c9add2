//! RegisterTaskDefinition validation, one case per ECS ClientException message.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { resolveRoleArn, validateTaskDefinition, type TaskDefinitionInput } from './validate-task-definition.js'

const ACCOUNT = '111122223333'
const EXEC = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`
const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/x', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } }

function fargate(extra: Partial<TaskDefinitionInput> = {}, container: Record<string, unknown> = {}): TaskDefinitionInput {
  return {
    family: 'app',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/docker/library/busybox:latest', essential: true, ...container }],
    ...extra,
  }
}

function ec2(container: Record<string, unknown> = {}, extra: Partial<TaskDefinitionInput> = {}): TaskDefinitionInput {
  return { family: 'app', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, ...container }], ...extra }
}

const rejected: Array<[string, TaskDefinitionInput, string]> = [
  ['blank family', { ...ec2(), family: '' }, 'Family can not be blank.'],
  ['family with a dot', { ...ec2(), family: 'my.app' }, 'Family contains invalid characters.'],
  ['no containers', { ...ec2(), containerDefinitions: [] }, 'Container list cannot be empty.'],
  ['container without a name', ec2({ name: '' }), 'Container.name should not be null or empty.'],
  ['container name with a space', ec2({ name: 'my app' }), 'Container.name contains invalid characters.'],
  ['container without an image', ec2({ image: '' }), 'Container.image should not be null or empty.'],
  ['no essential container', ec2({ essential: false }), "Task definition doesn't have any essential container."],
  ['Fargate with bridge networking', fargate({ networkMode: 'bridge' }), 'Fargate only supports network mode \u2018awsvpc\u2019.'],
  ['Fargate without task cpu', fargate({ cpu: undefined }), "Fargate requires that 'cpu' be defined at the task level."],
  ['Fargate without task memory', fargate({ memory: undefined }), "Fargate requires that 'memory' be defined at the task level."],
  ['Fargate 256 CPU with 4096 memory', fargate({ memory: '4096' }), 'No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.'],
  ['Fargate 1 vCPU with 1 GB', fargate({ cpu: '1 vCPU', memory: '1 GB' }), 'No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon ECS documentation for the valid values.'],
  ['EC2 container without memory', ec2({ memory: undefined }), "Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified."],
  ['container memory 0', ec2({ memory: 0 }), "Invalid 'memory' setting for container 'app'."],
  ['container memory above the task', ec2({ memory: 1024 }, { memory: '512' }), "The 'memory' setting for container 'app' is greater than for the task."],
  ['container cpu above the task', fargate({}, { cpu: 512 }), "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."],
  ['awsvpc host port differs', fargate({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] }), 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.'],
  ['port mapping without containerPort', ec2({ portMappings: [{ hostPort: 8080 }] }), "Invalid 'containerPort' setting for container 'app'."],
  ['awslogs without a group', ec2({ logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-region': 'us-east-1' } } }), 'Log driver awslogs requires options: awslogs-region, awslogs-group'],
  ['hostname with awsvpc', fargate({ executionRoleArn: EXEC }, { hostname: 'box' }), 'hostname is not supported on container when networkMode=awsvpc.'],
  ['secrets without an execution role', ec2({ secrets: [{ name: 'A', valueFrom: '/p' }] }), "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."],
  ['log secretOptions without an execution role', ec2({ logConfiguration: { ...awslogs, secretOptions: [{ name: 'a', valueFrom: '/p' }] } }), "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."],
  ['repositoryCredentials without an execution role', ec2({ repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:x' } }), 'Private repository authentication requires that the task definition specify a value for executionRoleArn.'],
  ['Fargate ECR image without an execution role', fargate({}, { image: '111122223333.dkr.ecr.us-east-1.amazonaws.com/app:1' }), 'Fargate requires task definition to have execution role ARN to support ECR images.'],
  ['Fargate awslogs without an execution role', fargate({}, { logConfiguration: awslogs }), 'Fargate requires task definition to have execution role ARN to support log driver awslogs.'],
  ['a dependency with SUCCESS that is essential', { ...ec2(), containerDefinitions: [{ name: 'a', image: 'x', memory: 64, dependsOn: [{ containerName: 'b', condition: 'SUCCESS' }] }, { name: 'b', image: 'y', memory: 64 }] }, 'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container'],
  ['a task role that is not a role ARN', ec2({}, { taskRoleArn: 'arn:aws:ecs:us-east-1:111122223333:cluster/default' }), 'Role is not valid'],
  ['Fargate with ipcMode', fargate({ ipcMode: 'host' }), 'Tasks using the Fargate launch type do not support ipcMode.'],
]

for (const [name, input, message] of rejected) {
  test(`RegisterTaskDefinition validation: ${name}`, () => {
    assert.throws(
      () => validateTaskDefinition(input, ACCOUNT),
      (error: unknown) => error instanceof AwsError && error.code === 'ClientException' && error.status === 400 && error.message === message,
    )
  })
}

test('RegisterTaskDefinition validation: valid Fargate and EC2 definitions pass, sizes in units', () => {
  assert.deepEqual(validateTaskDefinition(fargate({ cpu: '0.5 vCPU', memory: '1GB', executionRoleArn: EXEC }, { logConfiguration: awslogs }), ACCOUNT), {
    cpu: 512,
    memory: 1024,
    taskRoleArn: undefined,
    executionRoleArn: EXEC,
  })
  assert.equal(validateTaskDefinition(ec2({ memory: undefined, memoryReservation: 64 }), ACCOUNT).memory, undefined)
  assert.doesNotThrow(() => validateTaskDefinition(fargate({}, { portMappings: [{ containerPort: 80 }] }), ACCOUNT))
})

test('roles: a short name is expanded to a role ARN of the account; an ARN that is not a role is refused', () => {
  assert.equal(resolveRoleArn('ECS-task-full-access', ACCOUNT), `arn:aws:iam::${ACCOUNT}:role/ECS-task-full-access`)
  assert.equal(resolveRoleArn(EXEC, ACCOUNT), EXEC)
  assert.equal(resolveRoleArn(`arn:aws:iam::${ACCOUNT}:role/service-role/x`, ACCOUNT), `arn:aws:iam::${ACCOUNT}:role/service-role/x`)
  // A malformed ARN is not an ARN: ECS expands it (aws/containers-roadmap#1390).
  assert.equal(resolveRoleArn('arn:aws:iam::0123456789/role/admin', ACCOUNT), `arn:aws:iam::${ACCOUNT}:role/arn:aws:iam::0123456789/role/admin`)
  assert.throws(() => resolveRoleArn(`arn:aws:iam::${ACCOUNT}:user/bob`, ACCOUNT), /Role is not valid/)
})
