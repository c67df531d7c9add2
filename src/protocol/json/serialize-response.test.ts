// JSON-protocol outputs: only modelled members, epoch-second timestamps, base64 blobs, the service's JSON version.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type OperationRef } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['ecs', 'kms', 'secretsmanager'] })
const ref = (service: string, operation: string): OperationRef => ({ service, operation, protocol: 'json', signingName: service, eventSource: `${service}.amazonaws.com` })

test('ECS DescribeClusters: nested lists and structures, unmodelled members dropped, application/x-amz-json-1.1', () => {
  const response = catalog.serializeOutput(
    ref('ecs', 'DescribeClusters'),
    { clusters: [{ clusterName: 'c', status: 'ACTIVE', runningTasksCount: 2, tags: [{ key: 'k', value: 'v' }], internalNote: 'x' }], failures: [] },
    'rid',
  )
  assert.equal(response.status, 200)
  assert.deepEqual(response.headers, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'rid' })
  assert.equal(response.body, '{"clusters":[{"clusterName":"c","status":"ACTIVE","runningTasksCount":2,"tags":[{"key":"k","value":"v"}]}],"failures":[]}')
})

test('timestamps are epoch seconds (fraction for milliseconds), blobs base64', () => {
  const secret = catalog.serializeOutput(ref('secretsmanager', 'GetSecretValue'), { Name: 'n', SecretBinary: Buffer.from('hi'), CreatedDate: new Date('2024-01-02T03:04:05.250Z') }, 'r')
  assert.equal(secret.body, '{"Name":"n","SecretBinary":"aGk=","CreatedDate":1704164645.25}')
  const key = catalog.serializeOutput(ref('kms', 'GenerateRandom'), { Plaintext: Buffer.from([0, 255]) }, 'r')
  assert.equal(key.body, '{"Plaintext":"AP8="}')
})

test('an operation without an output shape answers {}', () => {
  assert.equal(catalog.serializeOutput(ref('kms', 'EnableKey'), undefined, 'r').body, '{}')
})
