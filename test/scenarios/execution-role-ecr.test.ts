//! Image pulls from private ECR with the execution role (MISSION §2): the VPC-endpoint trap AWS's documentation warns
//! about (aws:SourceVpce on ecr:GetAuthorizationToken fails every Fargate pull, since that call leaves through
//! Fargate's own interface), its documented fix, and a cross-account pull with and without a repository policy.
import assert from 'node:assert/strict'
import { ECRClient, CreateRepositoryCommand, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr'
import { after, before, test } from 'node:test'
import { newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { logLines, taskWorld, unique } from './agent-kit.js'
import { ok, pushImageQuickly } from './ecr-scenario-kit.js'
import { LOGS_STATEMENT, executionRole, expectExitedCleanly, expectFailedToStart, policy, putPolicy, runWith } from './execution-role-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

const PULL_ACTIONS = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage']

function ecrClient(account: string): ECRClient {
  return new ECRClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' }, maxAttempts: 1 })
}

test('VPC endpoint trap: aws:SourceVpce on GetAuthorizationToken fails the pull; the documented policy runs', async () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const world = await taskWorld(server.endpoint, account)
  const repo = unique('private/web')
  await ecrClient(account).send(new CreateRepositoryCommand({ repositoryName: repo }))
  pushImageQuickly(repo, 'v1', root)
  // The private task network, built as a user would with `aws ec2`.
  const vpc = ok(['ec2', 'create-vpc', '--cidr-block', '10.0.0.0/16'], root).Vpc.VpcId
  const subnet = ok(['ec2', 'create-subnet', '--vpc-id', vpc, '--cidr-block', '10.0.1.0/24'], root).Subnet.SubnetId
  const endpoint = (service: string) =>
    ok(['ec2', 'create-vpc-endpoint', '--vpc-id', vpc, '--vpc-endpoint-type', 'Interface', '--service-name', `com.amazonaws.us-east-1.${service}`, '--subnet-ids', subnet], root)
      .VpcEndpoint.VpcEndpointId
  const apiEndpoint = endpoint('ecr.api')
  const dkrEndpoint = endpoint('ecr.dkr')
  const onlyThroughEndpoints = { StringEquals: { 'aws:SourceVpce': [apiEndpoint, dkrEndpoint] } }
  // "Interface VPC endpoints (AWS PrivateLink)" example shape, with the condition on ALL ECR actions.
  const role = await executionRole(world, {
    logs: policy(LOGS_STATEMENT),
    ecr: policy({ Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', ...PULL_ACTIONS], Resource: '*', Condition: onlyThroughEndpoints }),
  })
  const image = `${account}.dkr.ecr.us-east-1.amazonaws.com/${repo}:v1`
  const container = { image, command: ['echo pulled through the endpoint'] }

  const why = await expectFailedToStart(world, await runWith(world, role.arn, container, subnet))
  assert.match(why, /^TaskFailedToStart \| ResourceInitializationError: unable to pull secrets or registry auth: .*unable to retrieve ecr registry auth/, why)
  assert.match(why, /not authorized to perform: ecr:GetAuthorizationToken on resource: \*/, why)

  // The fix AWS documents: GetAuthorizationToken without the condition; the registry calls keep it.
  await putPolicy(
    world,
    role.name,
    'ecr',
    policy(
      { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      { Effect: 'Allow', Action: PULL_ACTIONS, Resource: '*', Condition: onlyThroughEndpoints },
    ),
  )
  const running = await runWith(world, role.arn, container, subnet)
  const task = await expectExitedCleanly(world, running)
  assert.equal(task.containers?.[0]?.image, image)
  assert.deepEqual(await logLines(world, running, 'app'), ['pulled through the endpoint'])

  // The same role from a subnet without endpoints: the registry calls carry no aws:SourceVpce, so BatchGetImage is refused.
  const outside = await expectFailedToStart(world, await runWith(world, role.arn, container))
  assert.match(outside, /CannotPullContainerError: .*403 Forbidden.*ecr:BatchGetImage/, outside)
})

test('cross-account pull: refused without a repository policy, runs once the registry account allows the role', async () => {
  const consumer = newAccount()
  const producer = newAccount()
  const world = await taskWorld(server.endpoint, consumer)
  const repo = unique('shared/base')
  const producerEcr = ecrClient(producer)
  await producerEcr.send(new CreateRepositoryCommand({ repositoryName: repo }))
  pushImageQuickly(repo, 'stable', rootOf(server.endpoint, producer))
  const image = `${producer}.dkr.ecr.us-east-1.amazonaws.com/${repo}:stable`
  const container = { image, command: ['echo pulled from the producer account'] }
  // world.executionRoleArn: AmazonECSTaskExecutionRolePolicy (ECR actions on `*`) in the consumer account.
  const why = await expectFailedToStart(world, await runWith(world, world.executionRoleArn, container))
  assert.match(why, /CannotPullContainerError: pull image manifest has been retried 5 time\(s\): failed to resolve ref .*403 Forbidden/, why)
  assert.match(why, /not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:\d{12}:repository\//, why)

  await producerEcr.send(
    new SetRepositoryPolicyCommand({
      repositoryName: repo,
      policyText: policy({ Sid: 'AllowConsumerPull', Effect: 'Allow', Principal: { AWS: world.executionRoleArn }, Action: PULL_ACTIONS }),
    }),
  )
  const running = await runWith(world, world.executionRoleArn, container)
  await expectExitedCleanly(world, running)
  assert.deepEqual(await logLines(world, running, 'app'), ['pulled from the producer account'])
})
