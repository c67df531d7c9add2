// EC2-protocol outputs as botocore's EC2QueryParser reads them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type OperationRef } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['ec2'] })
const ref = (operation: string): OperationRef => ({ service: 'ec2', operation, protocol: 'ec2', signingName: 'ec2', eventSource: 'ec2.amazonaws.com' })
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

test('DescribeSubnets: requestId first, locationName members, <item> lists, no result wrapper', () => {
  const response = catalog.serializeOutput(ref('DescribeSubnets'), { Subnets: [{ SubnetId: 's-1', MapPublicIpOnLaunch: true, Tags: [{ Key: 'Name', Value: 'a' }] }] }, 'rid')
  assert.equal(response.status, 200)
  assert.equal(response.headers['content-type'], 'text/xml;charset=UTF-8')
  assert.equal(
    response.body,
    `${HEAD}<DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>rid</requestId><subnetSet><item>` +
      '<tagSet><item><key>Name</key><value>a</value></item></tagSet><subnetId>s-1</subnetId><mapPublicIpOnLaunch>true</mapPublicIpOnLaunch>' +
      '</item></subnetSet></DescribeSubnetsResponse>',
  )
})

test('an operation without output answers <return>true</return>', () => {
  assert.equal(
    catalog.serializeOutput(ref('DeleteSubnet'), undefined, 'r').body,
    `${HEAD}<DeleteSubnetResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><return>true</return></DeleteSubnetResponse>`,
  )
})
