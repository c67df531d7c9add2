//! IAM users, groups and access keys with the aws CLI, boto3 and the JS SDK v3: a new key signs real calls, its
//! permissions come from the user's and its groups' policies, and deletion rules hold.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { awsCli, boto3, newAccount, rootOf, type ClientIdentity } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

test('aws CLI: a user\'s new access key signs sts get-caller-identity; iam get-user needs a grant, given through a group', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  const cli = (args: string[], who: ClientIdentity = root) => awsCli(args, who)
  assert.equal(cli(['iam', 'create-user', '--user-name', 'dev']).code, 0)
  const created = cli(['iam', 'create-access-key', '--user-name', 'dev'])
  assert.equal(created.code, 0, created.stderr)
  const key = created.json.AccessKey
  assert.match(key.AccessKeyId, /^AKIA/)
  const asDev: ClientIdentity = { endpoint: server.endpoint, accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }
  const identity = cli(['sts', 'get-caller-identity'], asDev)
  assert.equal(identity.code, 0, identity.stderr)
  assert.equal(identity.json.Arn, `arn:aws:iam::${account}:user/dev`)
  const denied = cli(['iam', 'get-user'], asDev)
  assert.notEqual(denied.code, 0)
  assert.match(denied.stderr, /\(AccessDenied\).*User: arn:aws:iam::\d{12}:user\/dev is not authorized to perform: iam:GetUser on resource: arn:aws:iam::\d{12}:user\/dev/)
  const grant = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}]}'
  assert.equal(cli(['iam', 'create-group', '--group-name', 'self-readers']).code, 0)
  assert.equal(cli(['iam', 'put-group-policy', '--group-name', 'self-readers', '--policy-name', 'self', '--policy-document', grant]).code, 0)
  assert.equal(cli(['iam', 'add-user-to-group', '--group-name', 'self-readers', '--user-name', 'dev']).code, 0)
  const self = cli(['iam', 'get-user'], asDev)
  assert.equal(self.code, 0, self.stderr)
  assert.equal(self.json.User.UserName, 'dev')
})

test('boto3: users, groups and keys — rename, membership, key quota, status, last used, deletion rules', () => {
  const root = rootOf(server.endpoint, newAccount())
  const py = boto3(
    `
import boto3, json
iam = boto3.client("iam")
out = {}
def err(name, fn):
    try:
        fn()
        out[name] = "no error"
    except iam.exceptions.ClientError as e:
        out[name] = [e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
iam.create_user(UserName="ann", Path="/people/", Tags=[{"Key": "team", "Value": "a"}])
err("dup", lambda: iam.create_user(UserName="ANN"))
iam.create_group(GroupName="devs")
iam.add_user_to_group(GroupName="devs", UserName="ann")
k1 = iam.create_access_key(UserName="ann")["AccessKey"]
k2 = iam.create_access_key(UserName="ann")["AccessKey"]
err("third-key", lambda: iam.create_access_key(UserName="ann"))
iam.update_access_key(UserName="ann", AccessKeyId=k1["AccessKeyId"], Status="Inactive")
out["statuses"] = sorted(k["Status"] for k in iam.list_access_keys(UserName="ann")["AccessKeyMetadata"])
out["last_used"] = iam.get_access_key_last_used(AccessKeyId=k2["AccessKeyId"])["AccessKeyLastUsed"]
err("delete-user", lambda: iam.delete_user(UserName="ann"))
err("delete-group", lambda: iam.delete_group(GroupName="devs"))
err("wrong-key", lambda: iam.delete_access_key(UserName="ann", AccessKeyId="AKIAAAAAAAAAAAAAAAAA"))
iam.update_user(UserName="ann", NewUserName="anna")
out["group_users"] = [u["UserName"] for u in iam.get_group(GroupName="devs")["Users"]]
out["groups_for_user"] = [g["GroupName"] for g in iam.list_groups_for_user(UserName="anna")["Groups"]]
out["arn"] = iam.get_user(UserName="anna")["User"]["Arn"]
for k in (k1, k2):
    iam.delete_access_key(UserName="anna", AccessKeyId=k["AccessKeyId"])
err("still-in-group", lambda: iam.delete_user(UserName="anna"))
iam.remove_user_from_group(GroupName="devs", UserName="anna")
iam.delete_user(UserName="anna")
iam.delete_group(GroupName="devs")
err("gone", lambda: iam.get_user(UserName="anna"))
out["users"] = iam.list_users()["Users"]
out["groups"] = iam.list_groups()["Groups"]
print(json.dumps(out, default=str))
`,
    root,
  )
  assert.equal(py.code, 0, py.stderr)
  const out = py.json
  assert.deepEqual(out.dup, ['EntityAlreadyExists', 'User with name ANN already exists.', 409])
  assert.deepEqual(out['third-key'], ['LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2', 409])
  assert.deepEqual(out.statuses, ['Active', 'Inactive'])
  assert.deepEqual(out.last_used, { ServiceName: 'N/A', Region: 'N/A' })
  assert.deepEqual(out['delete-user'], ['DeleteConflict', 'Cannot delete entity, must delete access keys first.', 409])
  assert.deepEqual(out['delete-group'], ['DeleteConflict', 'Cannot delete entity, must remove users from group first.', 409])
  assert.deepEqual(out['wrong-key'], ['NoSuchEntity', 'The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found.', 404])
  assert.deepEqual(out.group_users, ['anna'])
  assert.deepEqual(out.groups_for_user, ['devs'])
  assert.equal(out.arn, `arn:aws:iam::${root.accessKeyId}:user/people/anna`)
  assert.deepEqual(out['still-in-group'], ['DeleteConflict', 'Cannot delete entity, must remove user from all groups first.', 409])
  assert.deepEqual(out.gone, ['NoSuchEntity', 'The user with name anna cannot be found.', 404])
  assert.deepEqual([out.users, out.groups], [[], []])
})

test('SDK v3: CreateAccessKey, then the key signs an STS call; an inactive key is refused', async () => {
  const account = newAccount()
  const iam = new IAMClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: account, secretAccessKey: 'test' } })
  await iam.send(new CreateUserCommand({ UserName: 'sdk' }))
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'sdk' }))).AccessKey!
  const sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } })
  const identity = await sts.send(new GetCallerIdentityCommand({}))
  assert.equal(identity.Arn, `arn:aws:iam::${account}:user/sdk`)
  const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'sdk' }))
  assert.deepEqual(listed.AccessKeyMetadata!.map((k) => k.AccessKeyId), [key.AccessKeyId])
  const py = boto3(
    `
import boto3, json
boto3.client("iam").update_access_key(UserName="sdk", AccessKeyId="${key.AccessKeyId}", Status="Inactive")
print(json.dumps("ok"))
`,
    rootOf(server.endpoint, account),
  )
  assert.equal(py.code, 0, py.stderr)
  await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (error: Error) => {
    assert.equal(error.name, 'InvalidClientTokenId')
    return true
  })
})
