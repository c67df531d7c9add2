//! The IAM policy simulator with the aws CLI, boto3 and the JS SDK v3: simulate-principal-policy on a user (with
//! its groups) and a role, simulate-custom-policy with context entries, in AWS's output shape.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { IAMClient, SimulateCustomPolicyCommand } from '@aws-sdk/client-iam'
import { awsCli, boto3, newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

test('aws CLI: may this user pass the task role to ECS tasks? implicitDeny, then allowed with the matched statement', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const roleArn = `arn:aws:iam::${account}:role/app-task-role`
  const setup = boto3(
    `
import boto3, json
iam = boto3.client("iam")
iam.create_user(UserName="ci")
iam.create_role(RoleName="app-task-role", AssumeRolePolicyDocument=${JSON.stringify(TRUST)})
print(json.dumps("ok"))
`,
    root,
  )
  assert.equal(setup.code, 0, setup.stderr)
  const simulate = () =>
    awsCli(
      [
        'iam', 'simulate-principal-policy',
        '--policy-source-arn', `arn:aws:iam::${account}:user/ci`,
        '--action-names', 'iam:PassRole',
        '--resource-arns', roleArn,
        '--context-entries', 'ContextKeyName=iam:PassedToService,ContextKeyValues=ecs-tasks.amazonaws.com,ContextKeyType=string',
      ],
      root,
    )
  const before = simulate()
  assert.equal(before.code, 0, before.stderr)
  assert.equal(before.json.EvaluationResults[0].EvalDecision, 'implicitDeny')
  assert.equal(before.json.EvaluationResults[0].EvalResourceName, roleArn)
  const grant = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"${roleArn}","Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}}]}`
  assert.equal(awsCli(['iam', 'put-user-policy', '--user-name', 'ci', '--policy-name', 'pass-task-role', '--policy-document', grant], root).code, 0)
  const afterGrant = simulate()
  const result = afterGrant.json.EvaluationResults[0]
  assert.equal(result.EvalDecision, 'allowed')
  assert.equal(result.MatchedStatements[0].SourcePolicyId, 'pass-task-role')
  assert.equal(result.MatchedStatements[0].SourcePolicyType, 'user')
  assert.deepEqual(Object.keys(result.MatchedStatements[0].StartPosition).sort(), ['Column', 'Line'])
  assert.deepEqual(result.ResourceSpecificResults[0].EvalResourceDecision, 'allowed')
})

test('aws CLI: simulate-custom-policy with aws:CurrentTime (the AWS CLI reference example)', () => {
  const root = rootOf(server.endpoint, newAccount())
  const policy = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:CreateBackup","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}}'
  const run = (time: string) =>
    awsCli(
      [
        'iam', 'simulate-custom-policy',
        '--action-names', 'dynamodb:CreateBackup',
        '--policy-input-list', policy,
        '--context-entries', `ContextKeyName='aws:CurrentTime',ContextKeyValues='${time}',ContextKeyType=date`,
      ],
      root,
    )
  const allowed = run('2019-04-25T11:00:00Z')
  assert.equal(allowed.code, 0, allowed.stderr)
  assert.deepEqual(
    [allowed.json.EvaluationResults[0].EvalDecision, allowed.json.EvaluationResults[0].EvalResourceName, allowed.json.EvaluationResults[0].MatchedStatements[0].SourcePolicyId],
    ['allowed', '*', 'PolicyInputList.1'],
  )
  assert.equal(run('2021-01-01T00:00:00Z').json.EvaluationResults[0].EvalDecision, 'implicitDeny')
})

test('boto3: a role with a boundary and an explicit deny; group policies count for a user; paging', () => {
  const account = newAccount()
  const py = boto3(
    `
import boto3, json
iam = boto3.client("iam")
allow = lambda a: json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": a, "Resource": "*"}]})
iam.create_role(RoleName="r", AssumeRolePolicyDocument=${JSON.stringify(TRUST)})
iam.put_role_policy(RoleName="r", PolicyName="wide", PolicyDocument=allow(["s3:*", "logs:*", "ecs:*"]))
iam.put_role_policy(RoleName="r", PolicyName="deny", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}))
b = iam.create_policy(PolicyName="boundary", PolicyDocument=allow(["s3:*", "ecs:*"]))["Policy"]["Arn"]
iam.put_role_permissions_boundary(RoleName="r", PermissionsBoundary=b)
res = iam.simulate_principal_policy(PolicySourceArn="arn:aws:iam::${account}:role/r", ActionNames=["s3:GetObject", "s3:DeleteBucket", "logs:PutLogEvents"])
out = {"role": [[r["EvalDecision"], r.get("PermissionsBoundaryDecisionDetail", {}).get("AllowedByPermissionsBoundary")] for r in res["EvaluationResults"]]}
out["deny_source"] = res["EvaluationResults"][1]["MatchedStatements"][0]["SourcePolicyId"]
iam.create_user(UserName="u")
iam.create_group(GroupName="g")
iam.add_user_to_group(GroupName="g", UserName="u")
iam.attach_group_policy(GroupName="g", PolicyArn="arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy")
res = iam.simulate_principal_policy(PolicySourceArn="arn:aws:iam::${account}:user/u", ActionNames=["ecr:BatchGetImage", "ecr:PutImage"])
out["user"] = [r["EvalDecision"] for r in res["EvaluationResults"]]
out["user_source"] = [res["EvaluationResults"][0]["MatchedStatements"][0]["SourcePolicyId"], res["EvaluationResults"][0]["MatchedStatements"][0]["SourcePolicyType"]]
pages, marker = [], None
while True:
    kwargs = {"PolicyInputList": [allow("s3:*")], "ActionNames": ["s3:A", "s3:B", "s3:C"], "MaxItems": 2}
    if marker: kwargs["Marker"] = marker
    page = iam.simulate_custom_policy(**kwargs)
    pages.append([r["EvalActionName"] for r in page["EvaluationResults"]])
    if not page["IsTruncated"]: break
    marker = page["Marker"]
out["pages"] = pages
try:
    iam.simulate_principal_policy(PolicySourceArn="arn:aws:iam::${account}:user/ghost", ActionNames=["s3:GetObject"])
except iam.exceptions.NoSuchEntityException as e:
    out["ghost"] = e.response["Error"]["Message"]
print(json.dumps(out))
`,
    rootOf(server.endpoint, account),
  )
  assert.equal(py.code, 0, py.stderr)
  const out = py.json
  assert.deepEqual(out.role, [
    ['allowed', true],
    ['explicitDeny', true],
    ['implicitDeny', false],
  ])
  assert.equal(out.deny_source, 'deny')
  assert.deepEqual(out.user, ['allowed', 'implicitDeny'])
  assert.deepEqual(out.user_source, ['AmazonECSTaskExecutionRolePolicy', 'aws-managed'])
  assert.deepEqual(out.pages, [['s3:A', 's3:B'], ['s3:C']])
  assert.equal(out.ghost, 'The user with name ghost cannot be found.')
})

test('SDK v3: SimulateCustomPolicy with a resource ARN returns ResourceSpecificResults', async () => {
  const account = newAccount()
  const iam = new IAMClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } })
  const out = await iam.send(
    new SimulateCustomPolicyCommand({
      PolicyInputList: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/only-here/*"}]}'],
      ActionNames: ['s3:GetObject', 's3:PutObject'],
      ResourceArns: ['arn:aws:s3:::bucket/only-here/some-obj'],
    }),
  )
  assert.deepEqual(
    out.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision, r.ResourceSpecificResults?.[0]?.EvalResourceDecision]),
    [
      ['s3:GetObject', 'allowed', 'allowed'],
      ['s3:PutObject', 'implicitDeny', 'implicitDeny'],
    ],
  )
  assert.equal(out.IsTruncated, false)
})
