// JSON-protocol bodies as botocore 1.43.11 writes them, and AWS's answers to bodies that are not what the model says.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type RawHttpRequest } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['cloudtrail', 'kms', 'ecs'] })

function call(target: string, body: string): Record<string, unknown> {
  const request: RawHttpRequest = { method: 'POST', path: '/', query: '', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from(body) }
  return catalog.parseInput(catalog.identify(request), request)
}

function rejects(target: string, body: string, code: string, message: string) {
  assert.throws(
    () => call(target, body),
    (error: Error & { code?: string; status?: number }) => {
      assert.equal(error.code, code)
      assert.equal(error.message, message)
      assert.equal(error.status, 400)
      return true
    },
  )
}

test('timestamps (epoch seconds) become Date, lists of structures keep their members', () => {
  const input = call(
    'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
    '{"StartTime": 1704164645, "LookupAttributes": [{"AttributeKey": "EventName", "AttributeValue": "GetRole"}], "MaxResults": 5}',
  )
  assert.ok(input.StartTime instanceof Date)
  assert.equal((input.StartTime as Date).toISOString(), '2024-01-02T03:04:05.000Z')
  assert.deepEqual(input.LookupAttributes, [{ AttributeKey: 'EventName', AttributeValue: 'GetRole' }])
  assert.equal(input.MaxResults, 5)
})

test('blobs (base64) become Buffer; members the model does not know are dropped', () => {
  const input = call('TrentService.Encrypt', '{"KeyId": "k", "Plaintext": "aGVsbG8=", "Extra": true}')
  assert.deepEqual(Object.keys(input), ['KeyId', 'Plaintext'])
  assert.ok(Buffer.isBuffer(input.Plaintext))
  assert.equal((input.Plaintext as Buffer).toString(), 'hello')
})

test('an empty body is an empty input; maps and nested structures are read', () => {
  assert.deepEqual(call('AmazonEC2ContainerServiceV20141113.ListClusters', ''), {})
  const input = call('AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition', '{"family":"f","containerDefinitions":[{"name":"c","image":"i","dockerLabels":{"a":"b"},"essential":true,"memory":512}]}')
  assert.deepEqual(input.containerDefinitions, [{ name: 'c', image: 'i', memory: 512, essential: true, dockerLabels: { a: 'b' } }])
})

test('malformed JSON and wrong JSON types are SerializationException', () => {
  rejects('TrentService.Encrypt', '{"KeyId": ', 'SerializationException', 'Could not parse request body into json: the body is not valid JSON')
  rejects('TrentService.Encrypt', '{"KeyId": 5, "Plaintext": "aGk="}', 'SerializationException', 'NUMBER_VALUE can not be converted to String')
  rejects('TrentService.GenerateRandom', '{"NumberOfBytes": "12"}', 'SerializationException', 'STRING_VALUE can not be converted to an Integer')
  rejects('TrentService.Encrypt', '{"KeyId": {"a": 1}}', 'SerializationException', 'Start of structure or map found where not expected.')
  rejects('AmazonEC2ContainerServiceV20141113.DescribeClusters', '{"clusters": "default"}', 'SerializationException', 'STRING_VALUE can not be converted to a List')
})

test('a map key named __proto__ is an ordinary entry, not a prototype swap', () => {
  const input = call('AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition', '{"family":"f","containerDefinitions":[{"name":"c","dockerLabels":{"__proto__":"x","a":"b"}}]}')
  const labels = (input.containerDefinitions as Record<string, unknown>[])[0]!.dockerLabels as Record<string, unknown>
  assert.equal(Object.getPrototypeOf(labels), Object.prototype)
  assert.deepEqual(Object.keys(labels), ['__proto__', 'a'])
  assert.equal(Object.getOwnPropertyDescriptor(labels, '__proto__')?.value, 'x')
})
