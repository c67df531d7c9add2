//! IAM roles as a user meets them with the aws CLI, boto3 and the JS SDK v3: create/get/list/update/delete, tags,
//! boundaries, paging, and every bad input answered with AWS's error and nothing changed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListRolesCommand, NoSuchEntityException } from '@aws-sdk/client-iam'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

const TRUST = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

function ok(args: string[], who: ClientIdentity) {
  const result = awsCli(args, who)
  assert.equal(result.code, 0, `aws ${args.join(' ')}: ${result.stderr}`)
  return result.json
}

function fails(args: string[], who: ClientIdentity, code: string): string {
  const result = awsCli(args, who)
  assert.notEqual(result.code, 0, `aws ${args.join(' ')} should fail`)
  assert.match(result.stderr, new RegExp(`\\(${code}\\)`), result.stderr)
  return result.stderr.trim()
}

test('aws CLI: create, get (decoded trust policy), update the trust policy, list and delete a role', () => {
  const root = rootOf(server.endpoint, newAccount())
  const created = ok(
    ['iam', 'create-role', '--role-name', 'ecsTaskRole', '--path', '/ecs/', '--assume-role-policy-document', TRUST, '--description', 'task role', '--tags', 'Key=team,Value=blue'],
    root,
  ).Role
  assert.equal(created.Arn, `arn:aws:iam::${root.accessKeyId}:role/ecs/ecsTaskRole`)
  assert.match(created.RoleId, /^AROA/)
  const got = ok(['iam', 'get-role', '--role-name', 'ecsTaskRole'], root).Role
  assert.deepEqual(got.AssumeRolePolicyDocument, JSON.parse(TRUST))
  assert.equal(got.MaxSessionDuration, 3600)
  assert.equal(got.Description, 'task role')
  assert.deepEqual(got.Tags, [{ Key: 'team', Value: 'blue' }])
  const ecsTrust = TRUST.replace('ecs-tasks', 'ecs')
  ok(['iam', 'update-assume-role-policy', '--role-name', 'ecsTaskRole', '--policy-document', ecsTrust], root)
  const listed = ok(['iam', 'list-roles', '--path-prefix', '/ecs/'], root).Roles
  assert.deepEqual(listed.map((r: { RoleName: string }) => r.RoleName), ['ecsTaskRole'])
  assert.deepEqual(listed[0].AssumeRolePolicyDocument, JSON.parse(ecsTrust))
  ok(['iam', 'delete-role', '--role-name', 'ecsTaskRole'], root)
  assert.match(fails(['iam', 'get-role', '--role-name', 'ecsTaskRole'], root, 'NoSuchEntity'), /The role with name ecsTaskRole cannot be found\./)
})

test('aws CLI: a duplicate name, a broken trust policy and a long name get AWS errors; nothing is stored', () => {
  const root = rootOf(server.endpoint, newAccount())
  ok(['iam', 'create-role', '--role-name', 'keep', '--assume-role-policy-document', TRUST], root)
  assert.match(fails(['iam', 'create-role', '--role-name', 'keep', '--assume-role-policy-document', TRUST], root, 'EntityAlreadyExists'), /Role with name keep already exists\./)
  assert.match(fails(['iam', 'create-role', '--role-name', 'x', '--assume-role-policy-document', TRUST.slice(0, -4)], root, 'MalformedPolicyDocument'), /Syntax errors in policy\./)
  assert.match(fails(['iam', 'create-role', '--role-name', 'r'.repeat(65), '--assume-role-policy-document', TRUST], root, 'ValidationError'), /Member must have length less than or equal to 64/)
  assert.deepEqual(ok(['iam', 'list-roles'], root).Roles.map((r: { RoleName: string }) => r.RoleName), ['keep'])
})

test('boto3: updates, tags, boundaries and every bad role input, with codes, messages and nothing changed', () => {
  const root = rootOf(server.endpoint, newAccount())
  const account = root.accessKeyId
  const py = boto3(
    `
import boto3, json
iam = boto3.client("iam")
trust = ${JSON.stringify(TRUST)}
out = {}
def err(name, fn):
    try:
        fn()
        out[name] = "no error"
    except iam.exceptions.ClientError as e:
        out[name] = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
iam.create_role(RoleName="keep", AssumeRolePolicyDocument=trust, Tags=[{"Key": "team", "Value": "blue"}])
iam.update_role(RoleName="keep", MaxSessionDuration=7200)
iam.update_role_description(RoleName="keep", Description="new")
iam.tag_role(RoleName="keep", Tags=[{"Key": "env", "Value": "dev"}])
iam.untag_role(RoleName="keep", TagKeys=["team"])
out["tags"] = iam.list_role_tags(RoleName="keep")["Tags"]
boundary = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
iam.put_role_permissions_boundary(RoleName="keep", PermissionsBoundary=boundary)
role = iam.get_role(RoleName="keep")["Role"]
out["role"] = [role["MaxSessionDuration"], role["Description"], role["PermissionsBoundary"]["PermissionsBoundaryArn"]]
with_resource = trust.replace('"Action"', '"Resource":"*","Action"')
err("resource", lambda: iam.update_assume_role_policy(RoleName="keep", PolicyDocument=with_resource))
ghost = "arn:aws:iam::${account}:role/ghost"
err("ghost", lambda: iam.create_role(RoleName="x", AssumeRolePolicyDocument=trust.replace('{"Service":"ecs-tasks.amazonaws.com"}', '{"AWS":"%s"}' % ghost)))
err("boundary", lambda: iam.create_role(RoleName="x", AssumeRolePolicyDocument=trust, PermissionsBoundary="arn:aws:iam::${account}:policy/none"))
err("dup-tags", lambda: iam.tag_role(RoleName="keep", Tags=[{"Key": "a", "Value": "1"}, {"Key": "A", "Value": "2"}]))
iam.put_role_policy(RoleName="keep", PolicyName="p", PolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}')
err("delete", lambda: iam.delete_role(RoleName="keep"))
err("missing", lambda: iam.update_role(RoleName="missing", MaxSessionDuration=3600))
out["roles"] = [r["RoleName"] for r in iam.list_roles()["Roles"]]
out["trust"] = iam.get_role(RoleName="keep")["Role"]["AssumeRolePolicyDocument"]
out["tags_after"] = iam.list_role_tags(RoleName="keep")["Tags"]
print(json.dumps(out))
`,
    root,
  )
  assert.equal(py.code, 0, py.stderr)
  const out = py.json
  assert.deepEqual(out.tags, [{ Key: 'env', Value: 'dev' }])
  assert.deepEqual(out.role, [7200, 'new', 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'])
  assert.deepEqual(out.resource, ['MalformedPolicyDocument', 'Has prohibited field Resource', 400])
  assert.deepEqual(out.ghost, ['MalformedPolicyDocument', `Invalid principal in policy: "AWS":"arn:aws:iam::${account}:role/ghost"`, 400])
  assert.deepEqual(out.boundary, ['NoSuchEntity', `Scope ARN: arn:aws:iam::${account}:policy/none does not exist or is not attachable.`, 404])
  assert.deepEqual(out['dup-tags'], ['InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.', 400])
  assert.deepEqual(out.delete, ['DeleteConflict', 'Cannot delete entity, must delete policies first.', 409])
  assert.deepEqual(out.missing, ['NoSuchEntity', 'The role with name missing cannot be found.', 404])
  assert.deepEqual(out.roles, ['keep'])
  assert.deepEqual(out.trust, JSON.parse(TRUST))
  assert.deepEqual(out.tags_after, [{ Key: 'env', Value: 'dev' }])
})

test('boto3: ListRoles pages with MaxItems and Marker; the trust policy comes back as a dict', () => {
  const root = rootOf(server.endpoint, newAccount())
  const py = boto3(
    `
import boto3, json
iam = boto3.client("iam")
trust = ${JSON.stringify(TRUST)}
for name in ["r1", "r2", "r3", "r4", "r5"]:
    iam.create_role(RoleName=name, AssumeRolePolicyDocument=trust)
pages, marker = [], None
while True:
    kwargs = {"MaxItems": 2}
    if marker: kwargs["Marker"] = marker
    page = iam.list_roles(**kwargs)
    pages.append([r["RoleName"] for r in page["Roles"]])
    if not page["IsTruncated"]: break
    marker = page["Marker"]
doc = iam.get_role(RoleName="r1")["Role"]["AssumeRolePolicyDocument"]
print(json.dumps({"pages": pages, "doc": doc}))
`,
    root,
  )
  assert.equal(py.code, 0, py.stderr)
  assert.deepEqual(py.json.pages, [['r1', 'r2'], ['r3', 'r4'], ['r5']])
  assert.deepEqual(py.json.doc, JSON.parse(TRUST))
})

test('SDK v3: CreateRole/GetRole return the trust policy URL-encoded; NoSuchEntity is a typed error', async () => {
  const account = newAccount()
  const iam = new IAMClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } })
  await iam.send(new CreateRoleCommand({ RoleName: 'sdk', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 3600 }))
  const role = (await iam.send(new GetRoleCommand({ RoleName: 'sdk' }))).Role!
  assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument!), TRUST)
  assert.ok(role.CreateDate instanceof Date)
  assert.equal((await iam.send(new ListRolesCommand({}))).Roles!.length, 1)
  await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'nope' })), (error: unknown) => {
    assert.ok(error instanceof NoSuchEntityException)
    assert.equal(error.message, 'The role with name nope cannot be found.')
    assert.equal(error.$metadata.httpStatusCode, 404)
    return true
  })
})
