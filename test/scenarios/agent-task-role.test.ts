//! A Fargate task's containers get the task role through their SDKs' default credential chains, with nothing but
//! the environment the agent gives them: the aws CLI, SDK v3 for JavaScript and boto3 all see
//! assumed-role/<role>/<task-id> (MISSION §1). Cross-account through ~/.aws/config credential_source = EcsContainer
//! (MISSION §4, conformance 08).
import assert from 'node:assert/strict'
import { PutRolePolicyCommand } from '@aws-sdk/client-iam'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { newAccount } from '../support/aws-cli.js'
import { REPO_ROOT, startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { createRole, lineAfter, logLines, runFargateTask, taskId, taskWorld, unique, waitForTask } from './agent-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

const NODE_SCRIPT = `
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts')
new STSClient({}).send(new GetCallerIdentityCommand({})).then(
  (out) => console.log('NODE ' + JSON.stringify(out)),
  (error) => console.log('NODE-ERROR ' + error.name + ': ' + error.message),
)`

const PYTHON_SCRIPT = `
import json, boto3
session = boto3.session.Session()
print("BOTO3 " + json.dumps(session.client("sts").get_caller_identity()))
print("METHOD " + session.get_credentials().method)`

test('the aws CLI, SDK v3 for JavaScript and boto3 in a task all get the task role session', async () => {
  const world = await taskWorld(server.endpoint, newAccount())
  const taskArn = await runFargateTask(world, [
    { name: 'cli', essential: false, entryPoint: ['aws'], command: ['sts', 'get-caller-identity', '--output', 'json'] },
    {
      name: 'node',
      essential: false,
      entryPoint: [process.execPath, '-e'],
      command: [NODE_SCRIPT],
      environment: [{ name: 'NODE_PATH', value: join(REPO_ROOT, 'node_modules') }],
    },
    { name: 'python', essential: false, entryPoint: ['python3', '-c'], command: [PYTHON_SCRIPT] },
    // The essential container waits for the three clients (dependsOn COMPLETE), then ends the task.
    {
      name: 'done',
      essential: true,
      entryPoint: ['true'],
      dependsOn: ['cli', 'node', 'python'].map((containerName) => ({ containerName, condition: 'COMPLETE' })),
    },
  ])
  const task = await waitForTask(world, taskArn, 'STOPPED', 180)
  assert.equal(task.stopCode, 'EssentialContainerExited')
  assert.equal(task.stoppedReason, 'Essential container in task exited')
  for (const container of task.containers!) assert.equal(container.exitCode, 0, `${container.name}: ${container.reason ?? ''}`)

  const id = taskId(taskArn)
  const expected = {
    UserId: `${world.taskRole.roleId}:${id}`,
    Account: world.clients.account,
    Arn: `arn:aws:sts::${world.clients.account}:assumed-role/${world.taskRole.name}/${id}`,
  }
  const cli = JSON.parse((await logLines(world, taskArn, 'cli')).join('\n'))
  assert.deepEqual(cli, expected)
  const node = JSON.parse(lineAfter(await logLines(world, taskArn, 'node'), 'NODE'))
  assert.equal(node.Arn, expected.Arn)
  assert.equal(node.UserId, expected.UserId)
  const python = await logLines(world, taskArn, 'python')
  assert.deepEqual(JSON.parse(lineAfter(python, 'BOTO3')).Arn, expected.Arn)
  // botocore found the credentials through its container provider, not anything of the host.
  assert.equal(lineAfter(python, 'METHOD'), 'container-role')
})

test('cross-account: ~/.aws/config with credential_source = EcsContainer assumes the destination role from the task', async () => {
  const world = await taskWorld(server.endpoint, newAccount())
  const destination = await taskWorld(server.endpoint, newAccount())
  const destinationRoleName = unique('destination-account-role')
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: world.taskRole.arn }, Action: 'sts:AssumeRole' }] })
  const destinationRole = await createRole(destination.clients, destinationRoleName, trust)
  await world.clients.iam.send(
    new PutRolePolicyCommand({
      RoleName: world.taskRole.name,
      PolicyName: 'assume-destination-role',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: destinationRole.arn }] }),
    }),
  )
  const script = [
    'mkdir -p "$HOME/.aws"',
    'printf "[profile cross-account]\\nrole_arn = %s\\ncredential_source = EcsContainer\\n" "$DESTINATION_ROLE_ARN" > "$HOME/.aws/config"',
    'echo "TASK $(aws sts get-caller-identity --query Arn --output text 2>&1)"',
    'echo "CROSS $(aws sts get-caller-identity --profile cross-account --query Arn --output text 2>&1)"',
  ].join('\n')
  const taskArn = await runFargateTask(world, [
    { name: 'test', entryPoint: ['sh', '-c'], command: [script], environment: [{ name: 'DESTINATION_ROLE_ARN', value: destinationRole.arn }] },
  ])
  await waitForTask(world, taskArn, 'STOPPED', 180)
  const lines = await logLines(world, taskArn, 'test')
  assert.equal(lineAfter(lines, 'TASK'), `arn:aws:sts::${world.clients.account}:assumed-role/${world.taskRole.name}/${taskId(taskArn)}`)
  assert.match(lineAfter(lines, 'CROSS'), new RegExp(`^arn:aws:sts::${destination.clients.account}:assumed-role/${destinationRoleName}/botocore-session-\\d+$`))
})
