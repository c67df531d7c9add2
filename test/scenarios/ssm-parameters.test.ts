//! SSM Parameter Store with the aws CLI and boto3: String, StringList and SecureString parameters, versions,
//! names and ARNs, GetParameters' InvalidParameters, paths, history, deletion; every bad input answered with
//! AWS's error while nothing changes; no parameter value in any CloudTrail event.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { boto3, newAccount, rootOf } from '../support/aws-cli.js'
import { startTaskrole, type TaskroleProcess } from '../support/start-taskrole.js'
import { cloudTrailText, fails, ok } from './kms-scenario-kit.js'

let server: TaskroleProcess

before(async () => {
  server = await startTaskrole()
})
after(async () => {
  await server.stop()
})

test('aws CLI: put, overwrite, get by name and ARN, get-parameters, by path, history, describe, delete', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  assert.deepEqual(ok(['ssm', 'put-parameter', '--name', '/app/db/host', '--value', 'db.internal', '--type', 'String'], root), { Version: 1, Tier: 'Standard' })
  ok(['ssm', 'put-parameter', '--name', '/app/db/password', '--value', 'first-pw-q1', '--type', 'SecureString'], root)
  assert.equal(ok(['ssm', 'put-parameter', '--name', '/app/db/password', '--value', 'second-pw-q2', '--overwrite'], root).Version, 2)
  ok(['ssm', 'put-parameter', '--name', '/app/hosts', '--value', 'a,b', '--type', 'StringList'], root)
  const arn = `arn:aws:ssm:us-east-1:${account}:parameter/app/db/host`
  const byArn = ok(['ssm', 'get-parameter', '--name', arn], root).Parameter
  assert.deepEqual([byArn.Name, byArn.Value, byArn.ARN, byArn.Version], ['/app/db/host', 'db.internal', arn, 1])
  const hidden = ok(['ssm', 'get-parameter', '--name', '/app/db/password'], root).Parameter
  assert.notEqual(hidden.Value, 'second-pw-q2')
  assert.equal(ok(['ssm', 'get-parameter', '--name', '/app/db/password', '--with-decryption'], root).Parameter.Value, 'second-pw-q2')
  assert.equal(ok(['ssm', 'get-parameter', '--name', '/app/db/password:1', '--with-decryption'], root).Parameter.Value, 'first-pw-q1')
  const many = ok(['ssm', 'get-parameters', '--names', '/app/db/host', '/app/missing', '--with-decryption'], root)
  assert.deepEqual(many.Parameters.map((p: any) => p.Name), ['/app/db/host'])
  assert.deepEqual(many.InvalidParameters, ['/app/missing'])
  assert.deepEqual(ok(['ssm', 'get-parameters-by-path', '--path', '/app'], root).Parameters.map((p: any) => p.Name), ['/app/hosts'])
  const recursive = ok(['ssm', 'get-parameters-by-path', '--path', '/app', '--recursive', '--with-decryption'], root).Parameters
  assert.deepEqual(recursive.map((p: any) => [p.Name, p.Value]), [['/app/db/host', 'db.internal'], ['/app/db/password', 'second-pw-q2'], ['/app/hosts', 'a,b']])
  const history = ok(['ssm', 'get-parameter-history', '--name', '/app/db/password'], root).Parameters
  assert.deepEqual(history.map((h: any) => [h.Version, h.KeyId]), [[1, 'alias/aws/ssm'], [2, 'alias/aws/ssm']])
  const described = ok(['ssm', 'describe-parameters', '--parameter-filters', 'Key=Type,Values=SecureString'], root).Parameters
  assert.deepEqual(described.map((p: any) => [p.Name, p.Version, p.KeyId]), [['/app/db/password', 2, 'alias/aws/ssm']])
  ok(['ssm', 'delete-parameter', '--name', '/app/hosts'], root)
  assert.deepEqual(ok(['ssm', 'delete-parameters', '--names', '/app/db/host', '/app/gone'], root), { DeletedParameters: ['/app/db/host'], InvalidParameters: ['/app/gone'] })
  assert.deepEqual(ok(['ssm', 'describe-parameters'], root).Parameters.map((p: any) => p.Name), ['/app/db/password'])
  const trail = cloudTrailText(root)
  assert.ok(trail.includes('"eventName":"PutParameter"'))
  assert.equal(/(first|second)-pw-q\d/.test(trail), false)
  assert.equal(trail.includes('db.internal'), false)
})

test('boto3: paging by path, labels, tags and the ParameterNotFound shape', () => {
  const result = boto3(
    `
import boto3, json
ssm = boto3.client("ssm")
for i in range(12):
    ssm.put_parameter(Name=f"/many/p{i:02d}", Value=str(i), Type="String")
names, pages = [], 0
for page in ssm.get_paginator("get_parameters_by_path").paginate(Path="/many"):
    pages += 1
    names += [p["Name"] for p in page["Parameters"]]
ssm.put_parameter(Name="/many/p00", Value="new", Overwrite=True)
label = ssm.label_parameter_version(Name="/many/p00", ParameterVersion=1, Labels=["stable"])
stable = ssm.get_parameter(Name="/many/p00:stable")["Parameter"]
ssm.add_tags_to_resource(ResourceType="Parameter", ResourceId="/many/p01", Tags=[{"Key": "team", "Value": "web"}])
tags = ssm.list_tags_for_resource(ResourceType="Parameter", ResourceId="/many/p01")["TagList"]
try:
    ssm.get_parameter(Name="/nothing")
    missing = None
except ssm.exceptions.ParameterNotFound as e:
    missing = [e.response["Error"]["Code"], e.response["Error"].get("Message", "")]
print(json.dumps({"count": len(names), "pages": pages, "label": label["ParameterVersion"], "stable": [stable["Value"], stable["Selector"]], "tags": tags, "missing": missing}))
`,
    rootOf(server.endpoint, newAccount()),
  )
  assert.equal(result.code, 0, result.stderr)
  assert.deepEqual(result.json, {
    count: 12,
    pages: 2,
    label: 1,
    stable: ['0', ':stable'],
    tags: [{ Key: 'team', Value: 'web' }],
    missing: ['ParameterNotFound', ''],
  })
})

test('bad requests get Parameter Store’s errors and change nothing', () => {
  const account = newAccount()
  const root = rootOf(server.endpoint, account)
  ok(['ssm', 'put-parameter', '--name', 'taken', '--value', 'v', '--type', 'String'], root)
  const nameFormat =
    'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_'
  assert.equal(
    fails(['ssm', 'put-parameter', '--name', 'taken', '--value', 'w', '--type', 'String'], root, 'ParameterAlreadyExists'),
    'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
  )
  assert.equal(fails(['ssm', 'put-parameter', '--name', 'new', '--value', 'w'], root, 'ValidationException'), 'A parameter type is required when you create a parameter.')
  assert.equal(fails(['ssm', 'put-parameter', '--name', 'a/b', '--value', 'w', '--type', 'String'], root, 'ValidationException'), nameFormat)
  assert.equal(
    fails(['ssm', 'put-parameter', '--name', 'ssm-thing', '--value', 'w', '--type', 'String'], root, 'ValidationException'),
    'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).',
  )
  assert.equal(
    fails(['ssm', 'put-parameter', '--name', '/aws/reference/secretsmanager/x', '--value', 'w', '--type', 'String'], root, 'AccessDeniedException'),
    'No access to reserved parameter name: /aws/reference/secretsmanager/x.',
  )
  assert.equal(
    fails(['ssm', 'put-parameter', '--name', 'k', '--value', 'w', '--type', 'String', '--key-id', 'alias/aws/ssm'], root, 'ValidationException'),
    'KeyId is required for SecureString type parameter only.',
  )
  assert.match(
    fails(['ssm', 'put-parameter', '--name', 's', '--value', 'w', '--type', 'SecureString', '--key-id', 'alias/nope'], root, 'InvalidKeyId'),
    new RegExp(`^Alias arn:aws:kms:us-east-1:${account}:alias/nope is not found\\. \\(Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: [0-9a-f-]+; Proxy: null\\)$`),
  )
  fails(['ssm', 'put-parameter', '--name', 'p', '--value', 'abc', '--type', 'String', '--allowed-pattern', '^\\d+$'], root, 'ParameterPatternMismatchException')
  assert.equal(fails(['ssm', 'get-parameter', '--name', '/nope'], root, 'ParameterNotFound'), '')
  assert.equal(
    fails(['ssm', 'get-parameter', '--name', 'taken:5'], root, 'ParameterVersionNotFound'),
    'Systems Manager could not find version 5 of taken. Verify the version and try again.',
  )
  fails(['ssm', 'delete-parameter', '--name', '/nope'], root, 'ParameterNotFound')
  fails(['ssm', 'get-parameters-by-path', '--path', 'relative'], root, 'ValidationException')
  fails(['ssm', 'describe-parameters', '--parameter-filters', 'Key=Path,Option=Sideways,Values=/'], root, 'InvalidFilterOption')
  const all = ok(['ssm', 'describe-parameters'], root).Parameters
  assert.deepEqual(all.map((p: any) => [p.Name, p.Version]), [['taken', 1]])
  assert.equal(ok(['ssm', 'get-parameter', '--name', 'taken'], root).Parameter.Value, 'v')
})
