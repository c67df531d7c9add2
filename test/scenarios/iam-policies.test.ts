//! Managed policies with versions, inline policies, attachments and their quotas, with boto3, the aws CLI and the
//! JS SDK v3; each bad input answers AWS's error and changes nothing.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { GetPolicyVersionCommand, IAMClient, ListEntitiesForPolicyCommand, ListPoliciesCommand } from '@aws-sdk/client-iam'
import { awsCli, boto3, newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
const EXECUTION_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'
let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

/** Python prelude: an IAM client, `out` for results, and err() recording [code, message, status]. */
const PRELUDE = `
import boto3, json
iam = boto3.client("iam")
out = {}
def err(name, fn):
    try:
        fn()
        out[name] = "no error"
    except iam.exceptions.ClientError as e:
        out[name] = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
def allow(action, resource="*"):
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": resource}]}, separators=(",", ":"))
`

test('boto3: a managed policy through five versions, the version quota, default and deletion rules', () => {
  const root = rootOf(server.endpoint, newAccount())
  const py = boto3(
    `${PRELUDE}
arn = iam.create_policy(PolicyName="app", Path="/team/", PolicyDocument=allow("s3:GetObject"), Description="d")["Policy"]["Arn"]
out["arn"] = arn
for i in range(2, 6):
    out["v%d" % i] = iam.create_policy_version(PolicyArn=arn, PolicyDocument=allow("s3:Action%d" % i), SetAsDefault=(i == 4))["PolicyVersion"]["VersionId"]
err("sixth", lambda: iam.create_policy_version(PolicyArn=arn, PolicyDocument=allow("s3:Six")))
err("delete-default", lambda: iam.delete_policy_version(PolicyArn=arn, VersionId="v4"))
err("delete-with-versions", lambda: iam.delete_policy(PolicyArn=arn))
err("missing-version", lambda: iam.get_policy_version(PolicyArn=arn, VersionId="v9"))
out["default"] = iam.get_policy(PolicyArn=arn)["Policy"]["DefaultVersionId"]
out["doc"] = iam.get_policy_version(PolicyArn=arn, VersionId="v4")["PolicyVersion"]["Document"]
out["versions"] = [v["VersionId"] for v in iam.list_policy_versions(PolicyArn=arn)["Versions"]]
iam.set_default_policy_version(PolicyArn=arn, VersionId="v1")
for v in ["v2", "v3", "v4", "v5"]:
    iam.delete_policy_version(PolicyArn=arn, VersionId=v)
iam.delete_policy(PolicyArn=arn)
err("gone", lambda: iam.get_policy(PolicyArn=arn))
err("duplicate", lambda: (iam.create_policy(PolicyName="dup", PolicyDocument=allow("s3:*")), iam.create_policy(PolicyName="DUP", PolicyDocument=allow("s3:*"))))
err("legacy", lambda: iam.create_policy(PolicyName="legacy", PolicyDocument='{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'))
err("too-big", lambda: iam.create_policy(PolicyName="big", PolicyDocument=allow(["s3:GetObjectNumber%d" % i for i in range(400)])))
err("principal", lambda: iam.create_policy(PolicyName="p2", PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}'))
out["local"] = [p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]]
print(json.dumps(out))
`,
    root,
  )
  assert.equal(py.code, 0, py.stderr)
  const out = py.json
  assert.equal(out.arn, `arn:aws:iam::${root.accessKeyId}:policy/team/app`)
  assert.deepEqual([out.v2, out.v3, out.v4, out.v5], ['v2', 'v3', 'v4', 'v5'])
  assert.deepEqual(out.sixth, ['LimitExceeded', 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.', 409])
  assert.deepEqual(out['delete-default'], ['DeleteConflict', 'Cannot delete the default version of a policy.', 409])
  assert.equal(out['delete-with-versions'][0], 'DeleteConflict')
  assert.deepEqual(out['missing-version'], ['NoSuchEntity', `Policy ${out.arn} version v9 does not exist or is not attachable.`, 404])
  assert.equal(out.default, 'v4')
  assert.deepEqual(out.doc, { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Action4', Resource: '*' }] })
  assert.deepEqual(out.versions, ['v5', 'v4', 'v3', 'v2', 'v1'])
  assert.deepEqual(out.gone, ['NoSuchEntity', `Policy ${out.arn} was not found.`, 404])
  assert.deepEqual(out.duplicate, ['EntityAlreadyExists', 'A policy called DUP already exists. Duplicate names are not allowed.', 409])
  assert.deepEqual(out.legacy, ['MalformedPolicyDocument', 'Policy document must be version 2012-10-17 or greater.', 400])
  assert.deepEqual(out['too-big'], ['LimitExceeded', 'Cannot exceed quota for PolicySize: 6144', 409])
  assert.deepEqual(out.principal, ['MalformedPolicyDocument', 'Policy document should not specify a principal.', 400])
  assert.deepEqual(out.local, ['dup'])
})

test('boto3: attach and detach on roles, users and groups, the 10-policy quota, entities for a policy', () => {
  const root = rootOf(server.endpoint, newAccount())
  const py = boto3(
    `${PRELUDE}
trust = ${JSON.stringify(TRUST)}
iam.create_role(RoleName="r", AssumeRolePolicyDocument=trust)
iam.create_user(UserName="u")
iam.create_group(GroupName="g")
iam.attach_role_policy(RoleName="r", PolicyArn="${EXECUTION_POLICY}")
iam.attach_user_policy(UserName="u", PolicyArn="${EXECUTION_POLICY}")
iam.attach_group_policy(GroupName="g", PolicyArn="${EXECUTION_POLICY}")
e = iam.list_entities_for_policy(PolicyArn="${EXECUTION_POLICY}")
out["entities"] = [[x["RoleName"] for x in e["PolicyRoles"]], [x["UserName"] for x in e["PolicyUsers"]], [x["GroupName"] for x in e["PolicyGroups"]]]
out["count"] = iam.get_policy(PolicyArn="${EXECUTION_POLICY}")["Policy"]["AttachmentCount"]
out["attached"] = iam.list_attached_group_policies(GroupName="g")["AttachedPolicies"]
arns = [iam.create_policy(PolicyName="p%d" % i, PolicyDocument=allow("s3:GetObject"))["Policy"]["Arn"] for i in range(10)]
for arn in arns[:9]:
    iam.attach_role_policy(RoleName="r", PolicyArn=arn)
err("eleventh", lambda: iam.attach_role_policy(RoleName="r", PolicyArn=arns[9]))
out["role_count"] = len(iam.list_attached_role_policies(RoleName="r")["AttachedPolicies"])
err("missing-policy", lambda: iam.attach_role_policy(RoleName="r", PolicyArn="arn:aws:iam::aws:policy/AmazonEC2RoleforAWSCodeDeployRole"))
err("bad-arn", lambda: iam.attach_role_policy(RoleName="r", PolicyArn="not-an-arn-of-a-policy"))
err("not-attached", lambda: iam.detach_user_policy(UserName="u", PolicyArn=arns[0]))
err("delete-attached", lambda: iam.delete_policy(PolicyArn=arns[0]))
err("delete-role", lambda: iam.delete_role(RoleName="r"))
page = iam.list_attached_role_policies(RoleName="r", MaxItems=4)
out["first_page"] = [len(page["AttachedPolicies"]), page["IsTruncated"]]
out["second_page"] = len(iam.list_attached_role_policies(RoleName="r", MaxItems=100, Marker=page["Marker"])["AttachedPolicies"])
iam.detach_role_policy(RoleName="r", PolicyArn="${EXECUTION_POLICY}")
out["after_detach"] = iam.get_policy(PolicyArn="${EXECUTION_POLICY}")["Policy"]["AttachmentCount"]
print(json.dumps(out))
`,
    root,
  )
  assert.equal(py.code, 0, py.stderr)
  const out = py.json
  assert.deepEqual(out.entities, [['r'], ['u'], ['g']])
  assert.equal(out.count, 3)
  assert.deepEqual(out.attached, [{ PolicyName: 'AmazonECSTaskExecutionRolePolicy', PolicyArn: EXECUTION_POLICY }])
  assert.deepEqual(out.eleventh, ['LimitExceeded', 'Cannot exceed quota for PoliciesPerRole: 10', 409])
  assert.equal(out.role_count, 10)
  assert.deepEqual(out['missing-policy'], ['NoSuchEntity', 'Policy arn:aws:iam::aws:policy/AmazonEC2RoleforAWSCodeDeployRole does not exist or is not attachable.', 404])
  assert.deepEqual(out['bad-arn'], ['InvalidInput', 'ARN not-an-arn-of-a-policy is not valid.', 400])
  assert.deepEqual(out['not-attached'], ['NoSuchEntity', `Policy arn:aws:iam::${root.accessKeyId}:policy/p0 was not found.`, 404])
  assert.deepEqual(out['delete-attached'], ['DeleteConflict', 'Cannot delete a policy attached to entities.', 409])
  assert.deepEqual(out['delete-role'], ['DeleteConflict', 'Cannot delete entity, must detach all policies first.', 409])
  assert.deepEqual(out.first_page, [4, true])
  assert.equal(out.second_page, 6)
  assert.equal(out.after_detach, 2)
})

test('boto3: inline policies of roles, users and groups and their aggregate size quotas', () => {
  const root = rootOf(server.endpoint, newAccount())
  const py = boto3(
    `${PRELUDE}
trust = ${JSON.stringify(TRUST)}
def sized(n):
    base = allow("s3:GetObject", "arn:aws:s3:::b/")
    return allow("s3:GetObject", "arn:aws:s3:::b/" + "x" * (n - len(base)))
iam.create_role(RoleName="r", AssumeRolePolicyDocument=trust)
iam.create_user(UserName="u")
iam.create_group(GroupName="g")
iam.put_role_policy(RoleName="r", PolicyName="a", PolicyDocument=sized(6000))
err("role", lambda: iam.put_role_policy(RoleName="r", PolicyName="b", PolicyDocument=sized(5000)))
iam.put_user_policy(UserName="u", PolicyName="a", PolicyDocument=sized(2000))
err("user", lambda: iam.put_user_policy(UserName="u", PolicyName="b", PolicyDocument=sized(200)))
err("group", lambda: iam.put_group_policy(GroupName="g", PolicyName="a", PolicyDocument=sized(5121)))
err("principal", lambda: iam.put_role_policy(RoleName="r", PolicyName="c", PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"elasticloadbalancing:DescribeListeners","Resource":"*"}]}'))
err("no-such", lambda: iam.get_role_policy(RoleName="r", PolicyName="zzz"))
out["role"+"_names"] = iam.list_role_policies(RoleName="r")["PolicyNames"]
out["user_names"] = iam.list_user_policies(UserName="u")["PolicyNames"]
out["group_names"] = iam.list_group_policies(GroupName="g")["PolicyNames"]
out["doc"] = iam.get_user_policy(UserName="u", PolicyName="a")["PolicyDocument"]["Statement"][0]["Action"]
print(json.dumps(out))
`,
    root,
  )
  assert.equal(py.code, 0, py.stderr)
  const out = py.json
  assert.deepEqual(out.role, ['LimitExceeded', 'Maximum policy size of 10240 bytes exceeded for role r', 409])
  assert.deepEqual(out.user, ['LimitExceeded', 'Maximum policy size of 2048 bytes exceeded for user u', 409])
  assert.deepEqual(out.group, ['LimitExceeded', 'Maximum policy size of 5120 bytes exceeded for group g', 409])
  assert.deepEqual(out.principal, ['MalformedPolicyDocument', 'Policy document should not specify a principal.', 400])
  assert.deepEqual(out['no-such'], ['NoSuchEntity', 'The role policy with name zzz cannot be found.', 404])
  assert.deepEqual([out.role_names, out.user_names, out.group_names], [['a'], ['a'], []])
  assert.equal(out.doc, 's3:GetObject')
})

test('aws CLI: attach the AWS managed execution policy and read its document decoded', () => {
  const root = rootOf(server.endpoint, newAccount())
  const created = awsCli(['iam', 'create-role', '--role-name', 'ecsTaskExecutionRole', '--assume-role-policy-document', TRUST], root)
  assert.equal(created.code, 0, created.stderr)
  const attached = awsCli(['iam', 'attach-role-policy', '--role-name', 'ecsTaskExecutionRole', '--policy-arn', EXECUTION_POLICY], root)
  assert.equal(attached.code, 0, attached.stderr)
  const listed = awsCli(['iam', 'list-attached-role-policies', '--role-name', 'ecsTaskExecutionRole'], root)
  assert.deepEqual(listed.json.AttachedPolicies, [{ PolicyName: 'AmazonECSTaskExecutionRolePolicy', PolicyArn: EXECUTION_POLICY }])
  const version = awsCli(['iam', 'get-policy-version', '--policy-arn', EXECUTION_POLICY, '--version-id', 'v1'], root)
  assert.equal(version.code, 0, version.stderr)
  assert.ok(version.json.PolicyVersion.Document.Statement[0].Action.includes('ecr:GetAuthorizationToken'))
})

test('SDK v3: ListPolicies pages across AWS and local scopes; documents arrive URL-encoded', async () => {
  const account = newAccount()
  const iam = new IAMClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } })
  const names: string[] = []
  let marker: string | undefined
  do {
    const page = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 3, Marker: marker }))
    names.push(...page.Policies!.map((p) => p.PolicyName!))
    marker = page.IsTruncated ? page.Marker : undefined
  } while (marker)
  assert.ok(names.includes('AmazonECSTaskExecutionRolePolicy'))
  assert.equal(new Set(names).size, names.length)
  const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: EXECUTION_POLICY, VersionId: 'v1' }))
  assert.ok(version.PolicyVersion!.Document!.startsWith('%7B'))
  assert.ok(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)).Statement)
  const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: EXECUTION_POLICY }))
  assert.deepEqual([entities.PolicyRoles, entities.PolicyUsers, entities.PolicyGroups], [[], [], []])
})
