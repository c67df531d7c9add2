import { test } from 'node:test'
import assert from 'node:assert/strict'
import { jsonKeyValue, parameterFor, secretSource } from './secret-references.js'

const SECRET = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app-AbCdEf'

test('a whole secret ARN is the SecretId, in the ARN\'s Region', () => {
  assert.deepEqual(secretSource(SECRET, 'us-east-1'), { provider: 'asm', valueFrom: SECRET, region: 'eu-west-1', secretId: SECRET })
})

test('json-key, version-stage and version-id fields; empty ones are not given', () => {
  assert.deepEqual(secretSource(`${SECRET}:password::`, 'us-east-1'), {
    provider: 'asm', valueFrom: `${SECRET}:password::`, region: 'eu-west-1', secretId: SECRET, jsonKey: 'password',
  })
  const staged = secretSource(`${SECRET}::AWSPREVIOUS:`, 'us-east-1')
  assert.equal(staged.provider === 'asm' && staged.versionStage, 'AWSPREVIOUS')
  assert.equal(staged.provider === 'asm' && staged.jsonKey, undefined)
  const versioned = secretSource(`${SECRET}:::871d9eca-18aa-46a9-8785-981dd39ab30c`, 'us-east-1')
  assert.equal(versioned.provider === 'asm' && versioned.versionId, '871d9eca-18aa-46a9-8785-981dd39ab30c')
})

test('a Secrets Manager ARN with 3 or 4 fields is invalid', () => {
  assert.equal(secretSource(`${SECRET}:password`, 'us-east-1').provider, 'invalid')
  assert.equal(secretSource(`${SECRET}:password:AWSCURRENT`, 'us-east-1').provider, 'invalid')
})

test('names and SSM ARNs are Parameter Store parameters', () => {
  assert.deepEqual(secretSource('/app/db', 'us-east-1'), { provider: 'ssm', valueFrom: '/app/db', region: 'us-east-1' })
  const arn = 'arn:aws:ssm:us-west-2:111122223333:parameter/aws/reference/secretsmanager/app'
  assert.deepEqual(secretSource(arn, 'us-east-1'), { provider: 'ssm', valueFrom: arn, region: 'us-west-2' })
})

test('GetParameters answers an ARN with the plain name: matched through ARN', () => {
  const arn = 'arn:aws:ssm:us-east-1:111122223333:parameter/app/db'
  const parameters = [{ Name: '/app/db', ARN: arn, Value: 'x' }, { Name: 'plain', ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/plain', Value: 'y' }]
  assert.equal(parameterFor(parameters, arn)?.Value, 'x')
  assert.equal(parameterFor(parameters, 'plain')?.Value, 'y')
  assert.equal(parameterFor(parameters, '/other'), undefined)
})

test('JSON keys render like the agent\'s %v; a missing key or non-object is undefined', () => {
  assert.equal(jsonKeyValue('{"password":"p","port":5432,"on":true}', 'password'), 'p')
  assert.equal(jsonKeyValue('{"password":"p","port":5432,"on":true}', 'port'), '5432')
  assert.equal(jsonKeyValue('{"password":"p"}', 'user'), undefined)
  assert.equal(jsonKeyValue('not json', 'user'), undefined)
})
