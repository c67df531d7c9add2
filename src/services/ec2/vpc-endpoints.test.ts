import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEc2, failure, fakeCallContext, network, TEST_ACCOUNT } from './fake-call-context.js'
import { FULL_ACCESS_POLICY } from './create-vpc-endpoint.js'

const ECR_DKR = 'com.amazonaws.us-east-1.ecr.dkr'

test('an interface endpoint: one network interface per subnet, the default security group, private DNS', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA, subnetB } = network(ctx)
  const { VpcEndpoint } = callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, SubnetIds: [subnetA, subnetB] })
  assert.match(VpcEndpoint.VpcEndpointId, /^vpce-[0-9a-f]{17}$/)
  assert.equal(VpcEndpoint.State, 'pending')
  assert.equal(VpcEndpoint.PrivateDnsEnabled, true)
  assert.equal(VpcEndpoint.PolicyDocument, FULL_ACCESS_POLICY)
  assert.deepEqual(VpcEndpoint.SubnetIds, [subnetA, subnetB])
  assert.equal(VpcEndpoint.NetworkInterfaceIds.length, 2)
  assert.equal(VpcEndpoint.Groups[0].GroupName, 'default')
  assert.equal(VpcEndpoint.OwnerId, TEST_ACCOUNT)
  assert.ok(VpcEndpoint.DnsEntries.some((entry: any) => entry.DnsName === '*.dkr.ecr.us-east-1.amazonaws.com'))
  assert.match(VpcEndpoint.DnsEntries[0].DnsName, /^vpce-[0-9a-f]{17}-[0-9a-f]{8}\.dkr\.ecr\.us-east-1\.vpce\.amazonaws\.com$/)
  const [described] = callEc2(ctx, 'DescribeVpcEndpoints', { VpcEndpointIds: [VpcEndpoint.VpcEndpointId] }).VpcEndpoints
  assert.equal(described.State, 'available')
})

test('a gateway endpoint (the default type) for S3', () => {
  const ctx = fakeCallContext()
  const { vpcId } = network(ctx)
  const { VpcEndpoint } = callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3', RouteTableIds: ['rtb-0123456789abcdef0'] })
  assert.equal(VpcEndpoint.VpcEndpointType, 'Gateway')
  assert.equal(VpcEndpoint.State, 'available')
  assert.deepEqual(VpcEndpoint.RouteTableIds, ['rtb-0123456789abcdef0'])
  assert.equal(VpcEndpoint.PrivateDnsEnabled, false)
})

test('services, types, subnets, groups and private DNS are checked', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA } = network(ctx)
  const other = network(ctx)
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.nope' })), {
    code: 'InvalidServiceName',
    message: "The Vpc Endpoint Service 'com.amazonaws.us-east-1.nope' does not exist",
    status: 400,
  })
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.ec2' })), {
    code: 'InvalidServiceName',
    message: "The Vpc Endpoint Service 'com.amazonaws.us-east-1.ec2' does not support the endpoint type 'Gateway'.",
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.eu-west-1.ecr.dkr' })).code, 'InvalidServiceName')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, SubnetIds: [other.subnetA] })).code, 'InvalidParameter')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, SubnetIds: ['subnet-0123456789abcdef0'] })).code, 'InvalidSubnetID.NotFound')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, SecurityGroupIds: ['sg-0123456789abcdef0'] })).code, 'InvalidGroup.NotFound')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: 'vpc-0123456789abcdef0', ServiceName: ECR_DKR })).code, 'InvalidVpcID.NotFound')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, PolicyDocument: '{"Statement":' })).code, 'InvalidPolicyDocument')
  const sameZone = callEc2(ctx, 'CreateSubnet', { VpcId: vpcId, CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1a' }).Subnet.SubnetId
  assert.equal(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, SubnetIds: [subnetA, sameZone] })).code, 'DuplicateSubnetsInSameZone')
  assert.deepEqual(callEc2(ctx, 'DescribeVpcEndpoints', {}).VpcEndpoints, [])
  callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, SubnetIds: [subnetA] })
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR })), {
    code: 'InvalidParameter',
    message: `private-dns-enabled cannot be set because there is already a conflicting DNS domain for *.dkr.ecr.us-east-1.amazonaws.com in the VPC ${vpcId}`,
    status: 400,
  })
  // Without private DNS a second endpoint is allowed.
  callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: ECR_DKR, PrivateDnsEnabled: false })
  assert.equal(callEc2(ctx, 'DescribeVpcEndpoints', {}).VpcEndpoints.length, 2)
})

test('DescribeVpcEndpoints filters; DeleteVpcEndpoints reports what it could not delete', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA } = network(ctx)
  const api = callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: 'com.amazonaws.us-east-1.ecr.api', SubnetIds: [subnetA] }).VpcEndpoint.VpcEndpointId
  const s3 = callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3' }).VpcEndpoint.VpcEndpointId
  const byService = callEc2(ctx, 'DescribeVpcEndpoints', { Filters: [{ Name: 'service-name', Values: ['com.amazonaws.us-east-1.ecr.*'] }] }).VpcEndpoints
  assert.deepEqual(byService.map((e: any) => e.VpcEndpointId), [api])
  const byType = callEc2(ctx, 'DescribeVpcEndpoints', { Filters: [{ Name: 'vpc-endpoint-type', Values: ['Gateway'] }, { Name: 'vpc-id', Values: [vpcId] }] }).VpcEndpoints
  assert.deepEqual(byType.map((e: any) => e.VpcEndpointId), [s3])
  assert.equal(failure(() => callEc2(ctx, 'DescribeVpcEndpoints', { Filters: [{ Name: 'nope', Values: ['x'] }] })).code, 'InvalidFilter')
  assert.deepEqual(failure(() => callEc2(ctx, 'DescribeVpcEndpoints', { VpcEndpointIds: ['vpce-0123456789abcdef0'] })), {
    code: 'InvalidVpcEndpointId.NotFound',
    message: "The Vpc Endpoint Id 'vpce-0123456789abcdef0' does not exist",
    status: 400,
  })
  const out = callEc2(ctx, 'DeleteVpcEndpoints', { VpcEndpointIds: [api, 'vpce-0123456789abcdef0', 'bogus'] })
  assert.deepEqual(out.Unsuccessful, [
    { Error: { Code: 'InvalidVpcEndpoint.NotFound', Message: "The VPC endpoint 'vpce-0123456789abcdef0' does not exist" }, ResourceId: 'vpce-0123456789abcdef0' },
    { Error: { Code: 'InvalidVpcEndpointId.Malformed', Message: "The Vpc Endpoint Id 'bogus' is malformed" }, ResourceId: 'bogus' },
  ])
  assert.deepEqual(callEc2(ctx, 'DescribeVpcEndpoints', {}).VpcEndpoints.map((e: any) => e.VpcEndpointId), [s3])
})

test('the same ClientToken answers the endpoint it created', () => {
  const ctx = fakeCallContext()
  const { vpcId } = network(ctx)
  const input = { VpcId: vpcId, ServiceName: 'com.amazonaws.us-east-1.s3', ClientToken: 'token-1' }
  const first = callEc2(ctx, 'CreateVpcEndpoint', input).VpcEndpoint.VpcEndpointId
  assert.equal(callEc2(ctx, 'CreateVpcEndpoint', input).VpcEndpoint.VpcEndpointId, first)
  assert.equal(callEc2(ctx, 'DescribeVpcEndpoints', {}).VpcEndpoints.length, 1)
})
