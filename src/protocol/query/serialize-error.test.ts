// Query-protocol errors as IAM sends them (shape quoted in NixOS/nixops#328 from a real IAM response).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError, internalFailure } from '../../aws/index.js'
import { ServiceCatalog, type OperationRef } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['iam', 'sts'] })
const getRole: OperationRef = { service: 'iam', operation: 'GetRole', protocol: 'query', signingName: 'iam', eventSource: 'iam.amazonaws.com' }

test('sender fault: <ErrorResponse xmlns> with Type, Code, Message and RequestId; status from the error', () => {
  const response = catalog.serializeError('query', new AwsError('NoSuchEntity', 'The role with name x cannot be found.', { status: 404 }), 'rid-9', getRole)
  assert.equal(response.status, 404)
  assert.deepEqual(response.headers, { 'content-type': 'text/xml', 'x-amzn-RequestId': 'rid-9' })
  assert.equal(
    response.body,
    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>' +
      '<Message>The role with name x cannot be found.</Message></Error><RequestId>rid-9</RequestId></ErrorResponse>',
  )
})

test('server fault is Receiver; without an identified operation there is no namespace', () => {
  assert.equal(
    catalog.serializeError('query', internalFailure(), 'r').body,
    '<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code>' +
      '<Message>The request processing has failed because of an unknown error, exception or failure.</Message></Error><RequestId>r</RequestId></ErrorResponse>',
  )
  assert.equal(catalog.serializeError('query', internalFailure(), 'r').status, 500)
})

test('extra error fields go inside <Error>, escaped', () => {
  const error = new AwsError('Throttling', 'Rate exceeded', { fields: { RetryAfter: '1 & 2' } })
  assert.equal(
    catalog.serializeError('query', error, 'r', { ...getRole, service: 'sts' }).body,
    '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>Throttling</Code>' +
      '<Message>Rate exceeded</Message><RetryAfter>1 &amp; 2</RetryAfter></Error><RequestId>r</RequestId></ErrorResponse>',
  )
})
