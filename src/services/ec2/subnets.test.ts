import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEc2, failure, fakeCallContext, network, TEST_ACCOUNT } from './fake-call-context.js'

test('CreateSubnet: inside the VPC block, zone a by default, AWS-shaped answer', () => {
  const ctx = fakeCallContext()
  const vpcId = callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc.VpcId
  const { Subnet } = callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.3.0/24' })
  assert.match(Subnet.SubnetId, /^subnet-[0-9a-f]{17}$/)
  assert.equal(Subnet.AvailabilityZone, 'us-east-1a')
  assert.equal(Subnet.AvailabilityZoneId, 'use1-az1')
  assert.equal(Subnet.AvailableIpAddressCount, 251)
  assert.equal(Subnet.VpcId, vpcId)
  assert.equal(Subnet.SubnetArn, `arn:aws:ec2:us-east-1:${TEST_ACCOUNT}:subnet/${Subnet.SubnetId}`)
  assert.equal(Subnet.State, 'available')
})

test('CreateSubnet refuses blocks outside the VPC, overlapping blocks, bad zones and unknown VPCs', () => {
  const ctx = fakeCallContext()
  const { vpcId } = network(ctx)
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.1.0.0/24' })), {
    code: 'InvalidSubnet.Range',
    message: "The CIDR '10.1.0.0/24' is invalid.",
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.0.0/29' })).code, 'InvalidSubnet.Range')
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.1.128/25' })), {
    code: 'InvalidSubnet.Conflict',
    message: "The CIDR '10.0.1.128/25' conflicts with another subnet",
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: 'ten/24' })).code, 'InvalidParameterValue')
  assert.match(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.9.0/24', AvailabilityZone: 'us-east-1z' })).message, /us-east-1a, us-east-1b/)
  assert.equal(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: 'vpc-0123456789abcdef0', CidrBlock: '10.0.9.0/24' })).code, 'InvalidVpcID.NotFound')
  assert.equal(failure(() => callEc2(ctx, 'CreateSubnet', { VpcId: vpcId })).code, 'MissingParameter')
  assert.equal(callEc2(ctx, 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }).Subnets.length, 2)
  // An AvailabilityZoneId picks its zone.
  assert.equal(callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.9.0/24', AvailabilityZoneId: 'use1-az3' }).Subnet.AvailabilityZone, 'us-east-1c')
})

test('DescribeSubnets by id and by filters', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA, subnetB } = network(ctx)
  assert.deepEqual(callEc2(ctx, 'DescribeSubnets', { SubnetIds: [subnetB] }).Subnets.map((s: any) => s.SubnetId), [subnetB])
  assert.deepEqual(
    callEc2(ctx, 'DescribeSubnets', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'availability-zone', Values: ['us-east-1a'] }] }).Subnets.map((s: any) => s.SubnetId),
    [subnetA],
  )
  assert.deepEqual(failure(() => callEc2(ctx, 'DescribeSubnets', { SubnetIds: ['subnet-0123456789abcdef0'] })), {
    code: 'InvalidSubnetID.NotFound',
    message: "The subnet ID 'subnet-0123456789abcdef0' does not exist",
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'DescribeSubnets', { SubnetIds: ['vpc-0123456789abcdef0'] })).code, 'InvalidSubnetID.Malformed')
})

test('DeleteSubnet: an interface endpoint in the subnet is a dependency; addresses it uses are counted', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA } = network(ctx)
  const endpoint = callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.dkr', SubnetIds: [subnetA] }).VpcEndpoint
  assert.equal(callEc2(ctx, 'DescribeSubnets', { SubnetIds: [subnetA] }).Subnets[0].AvailableIpAddressCount, 250)
  assert.deepEqual(failure(() => callEc2(ctx, 'DeleteSubnet', { SubnetId: subnetA })), {
    code: 'DependencyViolation',
    message: `The subnet '${subnetA}' has dependencies and cannot be deleted.`,
    status: 400,
  })
  callEc2(ctx, 'DeleteVpcEndpoints', { VpcEndpointIds: [endpoint.VpcEndpointId] })
  callEc2(ctx, 'DeleteSubnet', { SubnetId: subnetA })
  assert.equal(failure(() => callEc2(ctx, 'DeleteSubnet', { SubnetId: subnetA })).code, 'InvalidSubnetID.NotFound')
})
