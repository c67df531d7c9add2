//! Roles named for tasks, as conformance scenarios 02 and 03 replay them with the real aws CLI: iam:PassRole
//! with iam:PassedToService = ecs-tasks.amazonaws.com at RegisterTaskDefinition and RunTask (overrides too), and
//! ECS's synchronous "unable to assume the role" ClientException when the trust policy does not allow
//! ecs-tasks.amazonaws.com — with no task created by a refused call.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { ECSClient, RunTaskCommand, ClientException } from '@aws-sdk/client-ecs'
import { newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { AWSVPC_NETWORK, EC2_TRUST, ECS_TASKS_TRUST, createRole, fails, fargateDefinition, file, ok } from './ecs-cli-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

const unableToAssume = (arn: string) =>
  `ECS was unable to assume the role '${arn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`

function taskCount(cluster: string, who: ClientIdentity): { running: number; stopped: number } {
  return {
    running: ok(['ecs', 'list-tasks', '--cluster', cluster], who).taskArns.length,
    stopped: ok(['ecs', 'list-tasks', '--cluster', cluster, '--desired-status', 'STOPPED'], who).taskArns.length,
  }
}

test('scenario 02: a task role trusting only ec2.amazonaws.com -> ClientException, no task; fixed trust -> the task is created', () => {
  const root = rootOf(server.endpoint, newAccount())
  const taskRole = createRole('copied-trust-role', EC2_TRUST, root)
  const execRole = createRole('ecsTaskExecutionRole', ECS_TASKS_TRUST, root)
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(fargateDefinition('trust-check', { taskRoleArn: taskRole, executionRoleArn: execRole }))], root)
  const run = ['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'trust-check', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK]
  assert.equal(fails(run, root, 'ClientException'), unableToAssume(taskRole))
  assert.deepEqual(taskCount('c', root), { running: 0, stopped: 0 })

  ok(['iam', 'update-assume-role-policy', '--role-name', 'copied-trust-role', '--policy-document', file(ECS_TASKS_TRUST)], root)
  const out = ok(run, root)
  assert.deepEqual(out.failures, [])
  assert.match(out.tasks[0].taskArn, new RegExp(`^arn:aws:ecs:us-east-1:${root.accessKeyId}:task/c/[0-9a-f]{32}$`))
  assert.equal(taskCount('c', root).running + taskCount('c', root).stopped, 1)
})

test('scenario 02: an execution role that does not trust ECS, or that does not exist, is refused the same way (SDK v3)', async () => {
  const root = rootOf(server.endpoint, newAccount())
  const taskRole = createRole('task', ECS_TASKS_TRUST, root)
  const badExec = createRole('exec', EC2_TRUST, root)
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(fargateDefinition('exec-check', { taskRoleArn: taskRole, executionRoleArn: badExec }))], root)
  const ecs = new ECSClient({ endpoint: server.endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: root.accessKeyId, secretAccessKey: root.secretAccessKey } })
  const network = { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'], securityGroups: ['sg-0123456789abcdef0'] } }
  await assert.rejects(
    ecs.send(new RunTaskCommand({ cluster: 'c', taskDefinition: 'exec-check', launchType: 'FARGATE', networkConfiguration: network })),
    (error: unknown) => error instanceof ClientException && error.message === unableToAssume(badExec),
  )
  const ghost = `arn:aws:iam::${root.accessKeyId}:role/never-created`
  await assert.rejects(
    ecs.send(new RunTaskCommand({ cluster: 'c', taskDefinition: 'exec-check', launchType: 'FARGATE', networkConfiguration: network, overrides: { executionRoleArn: taskRole, taskRoleArn: ghost } })),
    (error: unknown) => error instanceof ClientException && error.message === unableToAssume(ghost),
  )
  assert.deepEqual(taskCount('c', root), { running: 0, stopped: 0 })
})

test('scenario 03: iam:PassRole is required, and only iam:PassedToService = ecs-tasks.amazonaws.com grants it', () => {
  const root = rootOf(server.endpoint, newAccount())
  const account = root.accessKeyId
  const taskRole = createRole('app-task-role', ECS_TASKS_TRUST, root)
  const otherRole = createRole('admin-task-role', ECS_TASKS_TRUST, root)
  ok(['ecs', 'create-cluster', '--cluster-name', 'c'], root)
  ok(['iam', 'create-user', '--user-name', 'ci-deployer'], root)
  const ecsAndLogs = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecs:*', 'logs:*'], Resource: '*' }] }
  ok(['iam', 'put-user-policy', '--user-name', 'ci-deployer', '--policy-name', 'ecs-and-logs', '--policy-document', file(ecsAndLogs)], root)
  const key = ok(['iam', 'create-access-key', '--user-name', 'ci-deployer'], root).AccessKey
  const user: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }
  const definition = file(fargateDefinition('passrole', { taskRoleArn: taskRole }))
  const denial = `User: arn:aws:iam::${account}:user/ci-deployer is not authorized to perform: iam:PassRole on resource: ${taskRole}`

  assert.ok(fails(['ecs', 'register-task-definition', '--cli-input-json', definition], user, 'AccessDeniedException').startsWith(denial))
  const passTo = (service: string) => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: [taskRole], Condition: { StringEquals: { 'iam:PassedToService': service } } }],
  })
  ok(['iam', 'put-user-policy', '--user-name', 'ci-deployer', '--policy-name', 'pass-task-role', '--policy-document', file(passTo('ecs.amazonaws.com'))], root)
  assert.ok(fails(['ecs', 'register-task-definition', '--cli-input-json', definition], user, 'AccessDeniedException').startsWith(denial))
  assert.deepEqual(ok(['ecs', 'list-task-definitions', '--family-prefix', 'passrole'], user).taskDefinitionArns, [])

  ok(['iam', 'put-user-policy', '--user-name', 'ci-deployer', '--policy-name', 'pass-task-role', '--policy-document', file(passTo('ecs-tasks.amazonaws.com'))], root)
  assert.equal(ok(['ecs', 'register-task-definition', '--cli-input-json', definition], user).taskDefinition.taskRoleArn, taskRole)
  const run = ['ecs', 'run-task', '--cluster', 'c', '--task-definition', 'passrole', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK]
  assert.equal(ok(run, user).tasks.length, 1)

  const overridden = fails([...run, '--overrides', JSON.stringify({ taskRoleArn: otherRole })], user, 'AccessDeniedException')
  assert.ok(overridden.startsWith(`User: arn:aws:iam::${account}:user/ci-deployer is not authorized to perform: iam:PassRole on resource: ${otherRole}`), overridden)
  const counts = taskCount('c', user)
  assert.equal(counts.running + counts.stopped, 1)
})

test('RunTask is authorized on the task definition revision with ecs:cluster; a user limited to one cluster is refused elsewhere', () => {
  const root = rootOf(server.endpoint, newAccount())
  const account = root.accessKeyId
  ok(['ecs', 'create-cluster', '--cluster-name', 'dev'], root)
  ok(['ecs', 'create-cluster', '--cluster-name', 'prod'], root)
  ok(['ecs', 'register-task-definition', '--cli-input-json', file(fargateDefinition('plain'))], root)
  ok(['iam', 'create-user', '--user-name', 'dev'], root)
  const policy = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'ecs:RunTask', Resource: `arn:aws:ecs:us-east-1:${account}:task-definition/plain:*`, Condition: { ArnEquals: { 'ecs:cluster': `arn:aws:ecs:us-east-1:${account}:cluster/dev` } } },
      { Effect: 'Allow', Action: 'ecs:ListTasks', Resource: '*' },
    ],
  }
  ok(['iam', 'put-user-policy', '--user-name', 'dev', '--policy-name', 'dev-only', '--policy-document', file(policy)], root)
  const key = ok(['iam', 'create-access-key', '--user-name', 'dev'], root).AccessKey
  const user: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }
  const run = (cluster: string) => ['ecs', 'run-task', '--cluster', cluster, '--task-definition', 'plain', '--launch-type', 'FARGATE', '--network-configuration', AWSVPC_NETWORK]
  assert.equal(ok(run('dev'), user).tasks.length, 1)
  const denied = fails(run('prod'), user, 'AccessDeniedException')
  assert.ok(denied.startsWith(`User: arn:aws:iam::${account}:user/dev is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:us-east-1:${account}:task-definition/plain:1`), denied)
  assert.equal(taskCount('prod', user).running, 0)
})
