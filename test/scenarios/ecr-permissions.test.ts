//! ECR authorization with real clients: a role without ECR permissions is refused with ECR's AccessDeniedException
//! and can pull once AmazonECSTaskExecutionRolePolicy is attached; a cross-account pull (account B's role reading
//! account A's repository, `registryId` = A) needs both A's repository policy and B's identity policy; a repository
//! policy alone lets a user of the same account pull.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { allow, EXECUTION_POLICY_ARN, fails, file, ok, pushImageQuickly, roleSession, userWith } from './ecr-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

const PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']

/** boto3 pulls the image the way the agent does: token, manifest by tag, a download URL per blob. */
function pull(who: ClientIdentity, registryId: string, repositoryName: string, tag: string) {
  return boto3(
    `
import boto3, botocore, json
ecr = boto3.client("ecr")
try:
    ecr.get_authorization_token()
    got = ecr.batch_get_image(registryId="${registryId}", repositoryName="${repositoryName}", imageIds=[{"imageTag": "${tag}"}])
    manifest = json.loads(got["images"][0]["imageManifest"])
    for layer in manifest["layers"]:
        ecr.get_download_url_for_layer(registryId="${registryId}", repositoryName="${repositoryName}", layerDigest=layer["digest"])
    print(json.dumps({"ok": got["images"][0]["imageId"]["imageDigest"]}))
except botocore.exceptions.ClientError as e:
    print(json.dumps({"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                      "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}))
`,
    who,
  ).json
}

test('a role without ECR permissions is refused; with AmazonECSTaskExecutionRolePolicy it pulls', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(['ecr', 'create-repository', '--repository-name', 'team/web'], root)
  const { digest } = pushImageQuickly('team/web', 'v1', root)
  const role = roleSession(root, account, 'logs-only-execution-role', { logs: allow(['logs:CreateLogStream', 'logs:PutLogEvents']) })

  assert.equal(
    fails(['ecr', 'get-authorization-token'], role.identity, 'AccessDeniedException'),
    `User: ${role.arn} is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action`,
  )
  assert.equal(
    fails(['ecr', 'batch-get-image', '--repository-name', 'team/web', '--image-ids', 'imageTag=v1'], role.identity, 'AccessDeniedException'),
    `User: ${role.arn} is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:${account}:repository/team/web because no identity-based policy allows the ecr:BatchGetImage action`,
  )
  const denied = pull(role.identity, account, 'team/web', 'v1')
  assert.deepEqual([denied.code, denied.status], ['AccessDeniedException', 400])

  ok(['iam', 'attach-role-policy', '--role-name', 'logs-only-execution-role', '--policy-arn', EXECUTION_POLICY_ARN], root)
  assert.deepEqual(pull(role.identity, account, 'team/web', 'v1'), { ok: digest })
  // The managed policy grants pulls, not pushes.
  fails(['ecr', 'initiate-layer-upload', '--repository-name', 'team/web'], role.identity, 'AccessDeniedException')
  // The denied calls are in the trail with their error code.
  const events = ok(['cloudtrail', 'lookup-events', '--lookup-attributes', 'AttributeKey=EventName,AttributeValue=GetAuthorizationToken'], root).Events
  const records = events.map((event: { CloudTrailEvent: string }) => JSON.parse(event.CloudTrailEvent))
  assert.ok(records.some((record: any) => record.errorCode === 'AccessDeniedException' && record.eventSource === 'ecr.amazonaws.com'))
})

test('cross-account pull: A’s repository policy and B’s identity policy must both allow', () => {
  const accountA = newAccount()
  const accountB = newAccount()
  const rootA = rootOf(server.endpoint, accountA)
  const rootB = rootOf(server.endpoint, accountB)
  ok(['ecr', 'create-repository', '--repository-name', 'shared'], rootA)
  const { digest } = pushImageQuickly('shared', 'v1', rootA)
  const repositoryArn = `arn:aws:ecr:us-east-1:${accountA}:repository/shared`
  const puller = roleSession(rootB, accountB, 'puller', {
    token: allow('ecr:GetAuthorizationToken'),
    pull: allow(PULL_ACTIONS, repositoryArn),
  })
  const bystander = roleSession(rootB, accountB, 'bystander', { token: allow('ecr:GetAuthorizationToken') })

  // No repository policy: B's identity policy alone is not enough across accounts.
  const noPolicy = pull(puller.identity, accountA, 'shared', 'v1')
  assert.equal(noPolicy.code, 'AccessDeniedException')
  assert.equal(
    noPolicy.message,
    `User: ${puller.arn} is not authorized to perform: ecr:BatchGetImage on resource: ${repositoryArn} because no resource-based policy allows the ecr:BatchGetImage action`,
  )

  const policy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllowPullFromB', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountB}:root` }, Action: PULL_ACTIONS }],
  }
  ok(['ecr', 'set-repository-policy', '--repository-name', 'shared', '--policy-text', file(policy)], rootA)
  assert.deepEqual(pull(puller.identity, accountA, 'shared', 'v1'), { ok: digest })
  // The aws CLI names the registry with --registry-id.
  const described = ok(['ecr', 'batch-get-image', '--registry-id', accountA, '--repository-name', 'shared', '--image-ids', `imageDigest=${digest}`], puller.identity)
  assert.equal(described.images[0].imageId.imageDigest, digest)

  // A's policy does not stand in for B's identity policy.
  const withoutIdentity = pull(bystander.identity, accountA, 'shared', 'v1')
  assert.equal(withoutIdentity.code, 'AccessDeniedException')
  assert.match(withoutIdentity.message, /because no identity-based policy allows the ecr:BatchGetImage action$/)
  // Nor does it grant pushes or anything else it does not name.
  fails(['ecr', 'initiate-layer-upload', '--registry-id', accountA, '--repository-name', 'shared'], puller.identity, 'AccessDeniedException')

  // Removing the policy removes the access.
  ok(['ecr', 'delete-repository-policy', '--repository-name', 'shared'], rootA)
  assert.equal(pull(puller.identity, accountA, 'shared', 'v1').code, 'AccessDeniedException')
})

test('a repository policy naming a role of another account pins that role', () => {
  const accountA = newAccount()
  const accountB = newAccount()
  const rootA = rootOf(server.endpoint, accountA)
  const rootB = rootOf(server.endpoint, accountB)
  ok(['ecr', 'create-repository', '--repository-name', 'shared'], rootA)
  const { digest } = pushImageQuickly('shared', 'v1', rootA)
  const repositoryArn = `arn:aws:ecr:us-east-1:${accountA}:repository/shared`
  const grants = { token: allow('ecr:GetAuthorizationToken'), pull: allow(PULL_ACTIONS, repositoryArn) }
  const named = roleSession(rootB, accountB, 'named', grants)
  const other = roleSession(rootB, accountB, 'other', grants)
  // A role that does not exist cannot be named.
  const ghost = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountB}:role/ghost` }, Action: PULL_ACTIONS }] }
  fails(['ecr', 'set-repository-policy', '--repository-name', 'shared', '--policy-text', file(ghost)], rootA, 'InvalidParameterException')
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: named.roleArn }, Action: PULL_ACTIONS }] }
  ok(['ecr', 'set-repository-policy', '--repository-name', 'shared', '--policy-text', file(policy)], rootA)
  assert.deepEqual(pull(named.identity, accountA, 'shared', 'v1'), { ok: digest })
  assert.equal(pull(other.identity, accountA, 'shared', 'v1').code, 'AccessDeniedException')
})

test('in the same account a repository policy naming a user grants on its own', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(['ecr', 'create-repository', '--repository-name', 'app'], root)
  const { digest } = pushImageQuickly('app', 'v1', root)
  const reader = userWith(root, 'reader')
  fails(['ecr', 'batch-get-image', '--repository-name', 'app', '--image-ids', 'imageTag=v1'], reader.identity, 'AccessDeniedException')
  const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: reader.arn }, Action: 'ecr:BatchGetImage' }] }
  ok(['ecr', 'set-repository-policy', '--repository-name', 'app', '--policy-text', file(policy)], root)
  const got = ok(['ecr', 'batch-get-image', '--repository-name', 'app', '--image-ids', 'imageTag=v1'], reader.identity)
  assert.equal(got.images[0].imageId.imageDigest, digest)
})
