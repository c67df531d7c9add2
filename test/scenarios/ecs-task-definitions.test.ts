//! Task definitions as users meet them with the aws CLI, boto3 and the JS SDK v3: register (revisions, roles,
//! requiresAttributes), describe, list (family, status, sort, paging), families, deregister, delete, and every
//! validation error with ECS's exact message — after which nothing is stored.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { ClientException, DescribeTaskDefinitionCommand, ECSClient, paginateListTaskDefinitions, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { fails, fargateDefinition, file, ok } from './ecs-cli-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function sdk(who: ClientIdentity): ECSClient {
  return new ECSClient({ endpoint: server.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: who.accessKeyId, secretAccessKey: who.secretAccessKey } })
}

const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } }

test('aws CLI: register with --cli-input-json, revisions, describe by family / revision / ARN, roles and requiresAttributes', () => {
  const root = rootOf(server.endpoint, newAccount())
  const account = root.accessKeyId
  const exec = `arn:aws:iam::${account}:role/ecsTaskExecutionRole`
  const definition = { ...fargateDefinition('whoami', { taskRoleArn: `arn:aws:iam::${account}:role/app`, executionRoleArn: exec }) }
  ;(definition.containerDefinitions as Array<Record<string, unknown>>)[0]!.logConfiguration = awslogs
  const first = ok(['ecs', 'register-task-definition', '--cli-input-json', file(definition)], root).taskDefinition
  assert.equal(first.taskDefinitionArn, `arn:aws:ecs:us-east-1:${account}:task-definition/whoami:1`)
  assert.deepEqual(first.compatibilities, ['EC2', 'FARGATE'])
  const attributes = first.requiresAttributes.map((a: { name: string }) => a.name)
  for (const name of ['com.amazonaws.ecs.capability.task-iam-role', 'ecs.capability.execution-role-awslogs', 'com.amazonaws.ecs.capability.logging-driver.awslogs', 'ecs.capability.task-eni']) {
    assert.ok(attributes.includes(name), `${name} in ${attributes}`)
  }
  const second = ok(['ecs', 'register-task-definition', '--cli-input-json', file(definition)], root).taskDefinition
  assert.equal(second.revision, 2)
  assert.equal(ok(['ecs', 'describe-task-definition', '--task-definition', 'whoami'], root).taskDefinition.revision, 2)
  assert.equal(ok(['ecs', 'describe-task-definition', '--task-definition', 'whoami:1'], root).taskDefinition.taskRoleArn, `arn:aws:iam::${account}:role/app`)
  assert.equal(ok(['ecs', 'describe-task-definition', '--task-definition', first.taskDefinitionArn], root).taskDefinition.executionRoleArn, exec)
  // A short role name is expanded to the account's role ARN.
  const short = ok(['ecs', 'register-task-definition', '--family', 'short', '--task-role-arn', 'ECS-task-full-access', '--container-definitions', '[{"name":"a","image":"nginx","memory":128}]'], root)
  assert.equal(short.taskDefinition.taskRoleArn, `arn:aws:iam::${account}:role/ECS-task-full-access`)
})

test('aws CLI: list-task-definitions (family, status, sort, paging) and list-task-definition-families', () => {
  const root = rootOf(server.endpoint, newAccount())
  const container = '[{"name":"a","image":"nginx","memory":128}]'
  for (const family of ['web', 'web', 'web', 'db']) ok(['ecs', 'register-task-definition', '--family', family, '--container-definitions', container], root)
  ok(['ecs', 'deregister-task-definition', '--task-definition', 'web:1'], root)
  const arn = (family: string, revision: number) => `arn:aws:ecs:us-east-1:${root.accessKeyId}:task-definition/${family}:${revision}`
  assert.deepEqual(ok(['ecs', 'list-task-definitions', '--family-prefix', 'web'], root).taskDefinitionArns, [arn('web', 2), arn('web', 3)])
  assert.deepEqual(ok(['ecs', 'list-task-definitions', '--status', 'INACTIVE'], root).taskDefinitionArns, [arn('web', 1)])
  assert.deepEqual(ok(['ecs', 'list-task-definitions', '--sort', 'DESC'], root).taskDefinitionArns, [arn('web', 3), arn('web', 2), arn('db', 1)])
  // The CLI pages through everything with --page-size.
  assert.deepEqual(ok(['ecs', 'list-task-definitions', '--page-size', '1'], root).taskDefinitionArns, [arn('db', 1), arn('web', 2), arn('web', 3)])
  const page = ok(['ecs', 'list-task-definitions', '--max-items', '2'], root)
  assert.equal(page.taskDefinitionArns.length, 2)
  assert.ok(page.NextToken)
  assert.deepEqual(ok(['ecs', 'list-task-definition-families'], root).families, ['db', 'web'])
  ok(['ecs', 'deregister-task-definition', '--task-definition', 'db:1'], root)
  assert.deepEqual(ok(['ecs', 'list-task-definition-families', '--status', 'INACTIVE'], root).families, ['db'])
  assert.deepEqual(ok(['ecs', 'list-task-definition-families', '--family-prefix', 'w'], root).families, ['web'])
})

test('aws CLI: deregister needs a revision; delete-task-definitions takes only INACTIVE ones', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['ecs', 'register-task-definition', '--family', 'job', '--container-definitions', '[{"name":"a","image":"nginx","memory":128}]'], root)
  assert.equal(fails(['ecs', 'deregister-task-definition', '--task-definition', 'job'], root, 'ClientException'), 'Revision is missing.')
  assert.equal(fails(['ecs', 'deregister-task-definition', '--task-definition', 'job:5'], root, 'ClientException'), 'The specified task definition does not exist.')
  const active = ok(['ecs', 'delete-task-definitions', '--task-definitions', 'job:1'], root)
  assert.deepEqual(active.taskDefinitions, [])
  assert.match(active.failures[0].reason, /still in ACTIVE status/)
  assert.equal(ok(['ecs', 'deregister-task-definition', '--task-definition', 'job:1'], root).taskDefinition.status, 'INACTIVE')
  const deleted = ok(['ecs', 'delete-task-definitions', '--task-definitions', 'job:1'], root)
  assert.equal(deleted.taskDefinitions[0].status, 'DELETE_IN_PROGRESS')
  assert.equal(fails(['ecs', 'describe-task-definition', '--task-definition', 'job:1'], root, 'ClientException'), 'Unable to describe task definition.')
})

const INVALID: Array<[string, Record<string, unknown>, string]> = [
  ['a Fargate definition with awslogs but no executionRoleArn (scenario 10)', { containerDefinitions: [{ name: 'app', image: 'busybox', logConfiguration: awslogs }] }, 'Fargate requires task definition to have execution role ARN to support log driver awslogs.'],
  ['a Fargate definition with a private ECR image but no executionRoleArn', { containerDefinitions: [{ name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1' }] }, 'Fargate requires task definition to have execution role ARN to support ECR images.'],
  ['secrets without executionRoleArn', { containerDefinitions: [{ name: 'app', image: 'busybox', secrets: [{ name: 'DB', valueFrom: '/db/password' }] }] }, "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."],
  ['private registry credentials without executionRoleArn', { containerDefinitions: [{ name: 'app', image: 'busybox', repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:reg' } }] }, 'Private repository authentication requires that the task definition specify a value for executionRoleArn.'],
  ['Fargate with bridge networking', { networkMode: 'bridge' }, 'Fargate only supports network mode \u2018awsvpc\u2019.'],
  ['Fargate without task-level cpu', { cpu: undefined }, "Fargate requires that 'cpu' be defined at the task level."],
  ['a cpu/memory pair Fargate does not offer', { cpu: '512', memory: '512' }, 'No Fargate configuration exists for given values: 512 CPU, 512 memory. See the Amazon ECS documentation for the valid values.'],
  ['awsvpc with a different host port', { containerDefinitions: [{ name: 'app', image: 'busybox', portMappings: [{ containerPort: 80, hostPort: 8080 }] }] }, 'When networkMode=awsvpc, the host ports and container ports in port mappings must match.'],
  ['no essential container', { containerDefinitions: [{ name: 'app', image: 'busybox', essential: false }] }, "Task definition doesn't have any essential container."],
  ['a family with a dot', { family: 'my.app' }, 'Family contains invalid characters.'],
  ['a task role that is a cluster ARN', { taskRoleArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default' }, 'Role is not valid'],
]

for (const [name, change, message] of INVALID) {
  test(`aws CLI: register-task-definition refuses ${name} with ECS's ClientException; nothing stored`, () => {
    const root = rootOf(server.endpoint, newAccount())
    const definition = { ...fargateDefinition('bad'), ...change }
    assert.equal(fails(['ecs', 'register-task-definition', '--cli-input-json', file(definition)], root, 'ClientException'), message)
    assert.deepEqual(ok(['ecs', 'list-task-definitions'], root).taskDefinitionArns, [])
    assert.deepEqual(ok(['ecs', 'list-task-definition-families', '--status', 'ALL'], root).families, [])
  })
}

test('aws CLI: an EC2 container without memory, and describe of what was never registered', () => {
  const root = rootOf(server.endpoint, newAccount())
  const message = fails(['ecs', 'register-task-definition', '--family', 'x', '--container-definitions', '[{"name":"web","image":"nginx"}]'], root, 'ClientException')
  assert.equal(message, "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.")
  assert.equal(fails(['ecs', 'describe-task-definition', '--task-definition', 'never-registered'], root, 'ClientException'), 'Unable to describe task definition.')
})

test('boto3: register, describe with tags, tag and untag the definition', () => {
  const root = rootOf(server.endpoint, newAccount())
  const result = boto3(
    `
import boto3, json
ecs = boto3.client("ecs")
td = ecs.register_task_definition(family="py", containerDefinitions=[{"name": "a", "image": "nginx", "memory": 64}], tags=[{"key": "team", "value": "core"}])
arn = td["taskDefinition"]["taskDefinitionArn"]
ecs.tag_resource(resourceArn=arn, tags=[{"key": "env", "value": "dev"}])
ecs.untag_resource(resourceArn=arn, tagKeys=["team"])
described = ecs.describe_task_definition(taskDefinition="py", include=["TAGS"])
try:
    ecs.describe_task_definition(taskDefinition="py:9")
    missing = None
except ecs.exceptions.ClientException as e:
    missing = e.response["Error"]["Message"]
print(json.dumps({"tags": td["tags"], "after": described["tags"], "missing": missing, "revision": described["taskDefinition"]["revision"]}))
`,
    root,
  )
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(result.json, { tags: [{ key: 'team', value: 'core' }], after: [{ key: 'env', value: 'dev' }], missing: 'Unable to describe task definition.', revision: 1 })
})

test('SDK v3: register and describe; a validation error is a ClientException instance; the paginator lists all', async () => {
  const root = rootOf(server.endpoint, newAccount())
  const ecs = sdk(root)
  for (let i = 0; i < 3; i++) {
    await ecs.send(new RegisterTaskDefinitionCommand({ family: 'js', containerDefinitions: [{ name: 'a', image: 'nginx', memoryReservation: 64 }] }))
  }
  const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'js' }))
  assert.equal(described.taskDefinition?.revision, 3)
  assert.ok(described.taskDefinition?.registeredAt instanceof Date)
  await assert.rejects(
    ecs.send(new RegisterTaskDefinitionCommand({ family: 'js', containerDefinitions: [] })),
    (error: unknown) => error instanceof ClientException && error.message === 'Container list cannot be empty.',
  )
  const arns: string[] = []
  for await (const page of paginateListTaskDefinitions({ client: ecs, pageSize: 2 }, {})) arns.push(...(page.taskDefinitionArns ?? []))
  assert.equal(arns.length, 3)
})
