// Validation messages, exactly as AWS prints them (strings recorded from AWS responses where cited).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type RawHttpRequest } from './index.js'

const catalog = new ServiceCatalog({
  modelsDir: new URL('../../models/', import.meta.url).pathname,
  services: ['iam', 'sts', 'kms', 'ecs', 'logs', 'secretsmanager', 'ec2'],
})

function form(params: Record<string, string | number>): RawHttpRequest {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
  return { method: 'POST', path: '/', query: '', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: Buffer.from(body) }
}

function json(target: string, body: unknown): RawHttpRequest {
  return { method: 'POST', path: '/', query: '', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from(JSON.stringify(body)) }
}

function rejection(request: RawHttpRequest): { code: string; message: string; status: number } {
  try {
    catalog.parseInput(catalog.identify(request), request)
  } catch (error) {
    const { code, message, status } = error as { code: string; message: string; status: number }
    return { code, message, status }
  }
  assert.fail('expected a validation error')
}

const iam = (params: Record<string, string | number>) => rejection(form({ Version: '2010-05-08', ...params }))

test('IAM: one error, value left out as IAM now prints it (boto/botocore#3337)', () => {
  assert.deepEqual(iam({ Action: 'CreateRole', RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: '{}' }), {
    code: 'ValidationError',
    status: 400,
    message: "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
  })
  assert.equal(
    iam({ Action: 'CreateRole', RoleName: 'r', AssumeRolePolicyDocument: '{}', MaxSessionDuration: 50000 }).message,
    "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
  )
  assert.equal(
    iam({ Action: 'UpdateAccessKey', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA', Status: 'Paused' }).message,
    "1 validation error detected: Value at 'status' failed to satisfy constraint: Member must satisfy enum value set",
  )
})

test('IAM: several errors in model order, nulls, nested list paths (tags.N.member.key)', () => {
  assert.equal(
    iam({ Action: 'CreateRole' }).message,
    "2 validation errors detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null; " +
      "Value null at 'assumeRolePolicyDocument' failed to satisfy constraint: Member must not be null",
  )
  assert.equal(
    iam({ Action: 'TagRole', RoleName: 'r', 'Tags.member.1.Key': 'ok', 'Tags.member.1.Value': 'v', 'Tags.member.2.Key': 'k'.repeat(129) }).message,
    "2 validation errors detected: Value at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128; " +
      "Value null at 'tags.2.member.value' failed to satisfy constraint: Member must not be null",
  )
})

test('STS echoes the value: durationSeconds and the roleSessionName pattern (AWS responses, 2025)', () => {
  const sts = (params: Record<string, string | number>) => rejection(form({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: 'arn:aws:iam::111122223333:role/r12345678901234567890', ...params }))
  assert.deepEqual(sts({ RoleSessionName: 'ok', DurationSeconds: 600 }), {
    code: 'ValidationError',
    status: 400,
    message: "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
  })
  assert.equal(
    sts({ RoleSessionName: 'Session1:2' }).message,
    "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
  )
})

test('KMS: ValidationException, camel-cased paths, sensitive values never echoed', () => {
  assert.deepEqual(rejection(json('TrentService.GenerateRandom', { NumberOfBytes: 1025 })), {
    code: 'ValidationException',
    status: 400,
    message: "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
  })
  assert.equal(
    rejection(json('TrentService.TagResource', { KeyId: 'k', Tags: [{ TagKey: 'a'.repeat(129), TagValue: 'v' }] })).message,
    `1 validation error detected: Value '${'a'.repeat(129)}' at 'tags.1.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
  )
  assert.equal(
    rejection(json('TrentService.Encrypt', { KeyId: 'k', Plaintext: Buffer.alloc(4097).toString('base64') })).message,
    "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length less than or equal to 4096",
  )
})

test('ECS answers ClientException; list elements are described with every element constraint', () => {
  assert.deepEqual(rejection(json('AmazonEC2ContainerServiceV20141113.RunTask', {})), {
    code: 'ClientException',
    status: 400,
    message: "1 validation error detected: Value null at 'taskDefinition' failed to satisfy constraint: Member must not be null",
  })
  assert.equal(
    rejection(json('AmazonEC2ContainerServiceV20141113.DescribeClusters', { include: ['TAGS', 'BAD'] })).message,
    "1 validation error detected: Value '[TAGS, BAD]' at 'include' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ATTACHMENTS, CONFIGURATIONS, SETTINGS, STATISTICS, TAGS]]",
  )
})

test('maps: "Map value must satisfy constraint" lists the value shape constraints; map size has its own message', () => {
  assert.equal(
    rejection(json('Logs_20140328.TagResource', { resourceArn: 'arn:aws:logs:us-east-1:111122223333:log-group:g', tags: { team: 'v'.repeat(257) } })).message,
    `1 validation error detected: Value '{team=${'v'.repeat(257)}}' at 'tags' failed to satisfy constraint: Map value must satisfy constraint: ` +
      '[Member must have length less than or equal to 256, Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$]',
  )
  assert.equal(
    rejection(json('Logs_20140328.TagResource', { resourceArn: 'arn:aws:logs:us-east-1:111122223333:log-group:g', tags: {} })).message,
    "1 validation error detected: Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1",
  )
})

test('lengths count Unicode code points, not UTF-16 units', () => {
  const emoji = '\u{1F600}'
  const create = (description: string) => json('secretsmanager.CreateSecret', { Name: 'n', Description: description })
  const request = create(emoji.repeat(2048))
  assert.equal((catalog.parseInput(catalog.identify(request), request).Description as string).length, 4096)
  assert.match(rejection(create(emoji.repeat(2049))).message, /at 'description' failed to satisfy constraint: Member must have length less than or equal to 2048$/)
})

test('EC2 answers InvalidParameterValue naming the wire parameter', () => {
  assert.deepEqual(rejection(form({ Action: 'DescribeSubnets', Version: '2016-11-15', MaxResults: 2000 })), {
    code: 'InvalidParameterValue',
    status: 400,
    message: 'Value (2000) for parameter MaxResults is invalid. Member must have value less than or equal to 1000',
  })
})
