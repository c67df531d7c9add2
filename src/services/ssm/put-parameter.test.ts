import assert from 'node:assert/strict'
import { test } from 'node:test'
import { kmsService } from '../kms/index.js'
import { kmsTestWorld } from '../kms/kms-test-world.js'
import { secretsManagerService } from '../secretsmanager/index.js'
import { ssmService } from './index.js'

const A = '111122223333'

function setup() {
  const world = kmsTestWorld({ services: [kmsService, secretsManagerService, ssmService] })
  const root = world.root(A)
  const ssm = (operation: string, input: unknown) => world.call('ssm', operation, input, root)
  const fails = (operation: string, input: unknown) => world.failure('ssm', operation, input, root)
  return { world, root, ssm, fails }
}

test('PutParameter creates version 1, Overwrite adds versions, and every type is stored', () => {
  const { ssm } = setup()
  assert.deepEqual(ssm('PutParameter', { Name: '/app/url', Value: 'https://a', Type: 'String' }), { Version: 1, Tier: 'Standard' })
  assert.deepEqual(ssm('PutParameter', { Name: '/app/url', Value: 'https://b', Overwrite: true }), { Version: 2, Tier: 'Standard' })
  ssm('PutParameter', { Name: '/app/hosts', Value: 'a,b', Type: 'StringList' })
  ssm('PutParameter', { Name: '/app/password', Value: 'pw', Type: 'SecureString' })
  const url = ssm('GetParameter', { Name: '/app/url' }).Parameter
  assert.equal(url.Value, 'https://b')
  assert.equal(url.Version, 2)
  assert.equal(url.ARN, `arn:aws:ssm:us-east-1:${A}:parameter/app/url`)
  assert.equal(url.DataType, 'text')
  assert.equal(ssm('GetParameter', { Name: '/app/url:1' }).Parameter.Value, 'https://a')
  const described = ssm('DescribeParameters', {}).Parameters
  assert.deepEqual(described.map((p: any) => [p.Name, p.Type, p.KeyId]), [
    ['/app/hosts', 'StringList', undefined],
    ['/app/password', 'SecureString', 'alias/aws/ssm'],
    ['/app/url', 'String', undefined],
  ])
  assert.equal(described[2].LastModifiedUser, `arn:aws:iam::${A}:root`)
})

test('bad PutParameter requests answer AWS’s errors and change nothing', () => {
  const { ssm, fails } = setup()
  ssm('PutParameter', { Name: 'taken', Value: 'v', Type: 'String' })
  const cases: Array<[unknown, string, string]> = [
    [{ Name: 'taken', Value: 'w', Type: 'String' }, 'ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.'],
    [{ Name: 'new', Value: 'w' }, 'ValidationException', 'A parameter type is required when you create a parameter.'],
    [{ Name: 'awsThing', Value: 'w', Type: 'String' }, 'ValidationException', 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).'],
    [{ Name: '/aws/reference/secretsmanager/x', Value: 'w', Type: 'String' }, 'AccessDeniedException', 'No access to reserved parameter name: /aws/reference/secretsmanager/x.'],
    [{ Name: 'a/b', Value: 'w', Type: 'String' }, 'ValidationException', 'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_'],
    [{ Name: 'bad name', Value: 'w', Type: 'String' }, 'ValidationException', 'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_'],
    [{ Name: `/${'l/'.repeat(15)}x`, Value: 'w', Type: 'String' }, 'HierarchyLevelLimitExceededException', 'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.'],
    [{ Name: 'k', Value: 'w', Type: 'String', KeyId: 'alias/aws/ssm' }, 'ValidationException', 'KeyId is required for SecureString type parameter only.'],
    [{ Name: 'p', Value: 'abc', Type: 'String', AllowedPattern: '^\\d+$' }, 'ParameterPatternMismatchException', 'Parameter value, cannot be validated against allowedPattern: ^\\d+$'],
    [{ Name: 't', Value: 'v', Type: 'String', Overwrite: true, Tags: [{ Key: 'a', Value: 'b' }] }, 'ValidationException', "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource."],
    [{ Name: 'big', Value: 'x'.repeat(4097), Type: 'String' }, 'ValidationException', 'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html'],
    [{ Name: 'd', Value: 'v', Type: 'String', DataType: 'TEXT' }, 'ValidationException', 'The following data type is not supported: TEXT (Data type names are all lowercase.)'],
  ]
  for (const [input, code, message] of cases) {
    const error = fails('PutParameter', input)
    assert.equal(error.code, code, JSON.stringify(input))
    assert.equal(error.message, message)
  }
  assert.deepEqual(ssm('DescribeParameters', {}).Parameters.map((p: any) => p.Name), ['taken'])
  assert.equal(ssm('GetParameter', { Name: 'taken' }).Parameter.Version, 1)
})

test('Intelligent-Tiering chooses Advanced only for values over 4 KB', () => {
  const { ssm } = setup()
  assert.equal(ssm('PutParameter', { Name: 'small', Value: 'v', Type: 'String', Tier: 'Intelligent-Tiering' }).Tier, 'Standard')
  assert.equal(ssm('PutParameter', { Name: 'large', Value: 'x'.repeat(5000), Type: 'String', Tier: 'Intelligent-Tiering' }).Tier, 'Advanced')
})

test('no parameter value reaches the audit trail', () => {
  const { world, ssm } = setup()
  ssm('PutParameter', { Name: '/app/token', Value: 'plain-hunter2', Type: 'String' })
  ssm('PutParameter', { Name: '/app/secret', Value: 'secure-hunter2', Type: 'SecureString' })
  ssm('GetParameter', { Name: '/app/secret', WithDecryption: true })
  ssm('GetParameters', { Names: ['/app/token', '/app/secret'], WithDecryption: true })
  ssm('GetParametersByPath', { Path: '/app', WithDecryption: true })
  ssm('GetParameterHistory', { Name: '/app/secret', WithDecryption: true })
  const trail = world.auditText(A)
  assert.ok(trail.includes('PutParameter'))
  assert.equal(/hunter2/.test(trail), false)
})
