// JSON-protocol errors: bare __type, the message key each service's model uses, modelled extra members.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { ServiceCatalog, type OperationRef } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['ecs', 'secretsmanager', 'logs'] })
const ref = (service: string, operation: string): OperationRef => ({ service, operation, protocol: 'json', signingName: service, eventSource: `${service}.amazonaws.com` })

test('ECS ClientException: {"__type":"ClientException","message":…}, 400', () => {
  const response = catalog.serializeError('json', new AwsError('ClientException', 'Role is not valid'), 'rid', ref('ecs', 'RegisterTaskDefinition'))
  assert.equal(response.status, 400)
  assert.deepEqual(response.headers, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'rid' })
  assert.equal(response.body, '{"__type":"ClientException","message":"Role is not valid"}')
})

test('Secrets Manager models "Message" with a capital M', () => {
  const response = catalog.serializeError('json', new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."), 'r', ref('secretsmanager', 'GetSecretValue'))
  assert.equal(response.body, '{"__type":"ResourceNotFoundException","Message":"Secrets Manager can\'t find the specified secret."}')
})

test('unknown operation is a bare __type; modelled extra members are written by the error shape', () => {
  assert.equal(catalog.serializeError('json', new AwsError('UnknownOperationException', ''), 'r').body, '{"__type":"UnknownOperationException"}')
  const token = new AwsError('InvalidSequenceTokenException', 'The given sequenceToken is invalid.', { fields: { expectedSequenceToken: '4963', ignored: 1 } })
  assert.equal(
    catalog.serializeError('json', token, 'r', ref('logs', 'PutLogEvents')).body,
    '{"__type":"InvalidSequenceTokenException","message":"The given sequenceToken is invalid.","expectedSequenceToken":"4963"}',
  )
  assert.equal(catalog.serializeError('json', new AwsError('ServerException', 'boom', { status: 500 }), 'r', ref('ecs', 'RunTask')).status, 500)
})
