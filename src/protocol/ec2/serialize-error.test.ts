// EC2-protocol errors as botocore's EC2QueryParser reads them (RequestID, not RequestId).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { AwsError } from '../../aws/index.js'
import { ServiceCatalog, type OperationRef } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['ec2'] })
const ref = (operation: string): OperationRef => ({ service: 'ec2', operation, protocol: 'ec2', signingName: 'ec2', eventSource: 'ec2.amazonaws.com' })
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

test('errors: <Response><Errors><Error>…</Error></Errors><RequestID>…</RequestID></Response>', () => {
  const response = catalog.serializeError('ec2', new AwsError('InvalidSubnetID.NotFound', "The subnet ID 's-1' does not exist"), 'rid', ref('DescribeSubnets'))
  assert.equal(response.status, 400)
  assert.equal(
    response.body,
    `${HEAD}<Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>The subnet ID 's-1' does not exist</Message></Error></Errors>` +
      '<RequestID>rid</RequestID></Response>',
  )
})
