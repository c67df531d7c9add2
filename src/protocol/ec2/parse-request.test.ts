// EC2-protocol input as botocore 1.43.11's EC2Serializer writes it: flattened lists, capitalised locationNames,
// queryName overrides.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ServiceCatalog, type RawHttpRequest } from '../index.js'

const catalog = new ServiceCatalog({ modelsDir: new URL('../../../models/', import.meta.url).pathname, services: ['iam', 'ec2'] })

function form(params: Record<string, string | number>): RawHttpRequest {
  const body = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
  return { method: 'POST', path: '/', query: '', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: Buffer.from(body) }
}

function parse(params: Record<string, string | number>) {
  const request = form(params)
  const ref = catalog.identify(request, 'ec2')
  assert.equal(ref.protocol, 'ec2')
  return catalog.parseInput(ref, request)
}

test('flattened lists SubnetId.N and Filter.N.Value.N; DryRun (locationName dryRun) as a boolean', () => {
  assert.deepEqual(
    parse({ Action: 'DescribeSubnets', Version: '2016-11-15', 'SubnetId.1': 'subnet-1', 'SubnetId.2': 'subnet-2', 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': 'vpc-1', 'Filter.1.Value.2': 'vpc-2', DryRun: 'true' }),
    {
      SubnetIds: ['subnet-1', 'subnet-2'],
      Filters: [{ Name: 'vpc-id', Values: ['vpc-1', 'vpc-2'] }],
      DryRun: true,
    },
  )
})

test('queryName wins over locationName (NetworkInterface.1.Ipv6Addresses.1.Ipv6Address)', () => {
  const input = parse({
    Action: 'RunInstances',
    Version: '2016-11-15',
    ImageId: 'ami-1',
    MinCount: 1,
    MaxCount: 1,
    'NetworkInterface.1.DeviceIndex': 0,
    'NetworkInterface.1.Ipv6Addresses.1.Ipv6Address': '::1',
    'NetworkInterface.1.PrivateIpAddresses.1.PrivateIpAddress': '10.0.0.1',
    'NetworkInterface.1.PrivateIpAddresses.1.Primary': 'true',
  })
  assert.deepEqual(input.NetworkInterfaces, [
    { DeviceIndex: 0, Ipv6Addresses: [{ Ipv6Address: '::1' }], PrivateIpAddresses: [{ PrivateIpAddress: '10.0.0.1', Primary: true }] },
  ])
  assert.equal(input.MinCount, 1)
})

test('EC2 names a missing required parameter by its wire name', () => {
  assert.throws(
    () => parse({ Action: 'DeleteSubnet', Version: '2016-11-15' }),
    (error: Error & { code?: string }) => {
      assert.equal(error.code, 'MissingParameter')
      assert.equal(error.message, 'The request must contain the parameter SubnetId')
      return true
    },
  )
})
