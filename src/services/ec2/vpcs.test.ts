import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEc2, failure, fakeCallContext, network, TEST_ACCOUNT } from './fake-call-context.js'

test('CreateVpc answers a pending VPC; DescribeVpcs shows it available, with its default security group', () => {
  const ctx = fakeCallContext()
  const { Vpc } = callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'tasks' }] }] })
  assert.match(Vpc.VpcId, /^vpc-[0-9a-f]{17}$/)
  assert.equal(Vpc.State, 'pending')
  assert.equal(Vpc.CidrBlock, '10.0.0.0/16')
  assert.equal(Vpc.OwnerId, TEST_ACCOUNT)
  assert.deepEqual(Vpc.Tags, [{ Key: 'Name', Value: 'tasks' }])
  assert.equal(Vpc.CidrBlockAssociationSet[0].CidrBlockState.State, 'associated')
  const [described] = callEc2(ctx, 'DescribeVpcs', { VpcIds: [Vpc.VpcId] }).Vpcs
  assert.equal(described.State, 'available')
  const groups = callEc2(ctx, 'DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [Vpc.VpcId] }] }).SecurityGroups
  assert.deepEqual(groups.map((g: any) => [g.GroupName, g.Description]), [['default', 'default VPC security group']])
  assert.equal(ctx.audit.resources.find((r) => r.name === Vpc.VpcId)?.type, 'AWS::EC2::VPC')
})

test('bad CIDR blocks: malformed, host bits, too large or too small, missing', () => {
  const ctx = fakeCallContext()
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/33' })), {
    code: 'InvalidParameterValue',
    message: 'Value (10.0.0.0/33) for parameter cidrBlock is invalid. This is not a valid CIDR block.',
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.1/16' })).code, 'InvalidParameterValue')
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/8' })), { code: 'InvalidVpc.Range', message: "The CIDR '10.0.0.0/8' is invalid.", status: 400 })
  assert.equal(failure(() => callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/29' })).code, 'InvalidVpc.Range')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpc', {})).code, 'MissingParameter')
  assert.equal(failure(() => callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'subnet', Tags: [] }] })).code, 'InvalidParameterValue')
  // Only the account's default VPC and its group.
  const vpcs = callEc2(ctx, 'DescribeVpcs', {}).Vpcs
  assert.deepEqual(vpcs.map((v: any) => [v.CidrBlock, v.IsDefault]), [['172.31.0.0/16', true]])
  assert.deepEqual(callEc2(ctx, 'DescribeSecurityGroups', {}).SecurityGroups.map((g: any) => g.VpcId), [vpcs[0].VpcId])
})

test('DescribeVpcs: unknown and malformed ids, filters, an unknown filter', () => {
  const ctx = fakeCallContext()
  const { vpcId } = network(ctx)
  const other = callEc2(ctx, 'CreateVpc', { CidrBlock: '172.16.0.0/16' }).Vpc.VpcId
  assert.deepEqual(failure(() => callEc2(ctx, 'DescribeVpcs', { VpcIds: [vpcId, 'vpc-0123456789abcdef0'] })), {
    code: 'InvalidVpcID.NotFound',
    message: "The vpc ID 'vpc-0123456789abcdef0' does not exist",
    status: 400,
  })
  assert.deepEqual(failure(() => callEc2(ctx, 'DescribeVpcs', { VpcIds: ['vpc-0123456789abcdef0', 'nope'] })), {
    code: 'InvalidVpcID.Malformed',
    message: 'Invalid id: "nope" (expecting "vpc-...")',
    status: 400,
  })
  assert.deepEqual(callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'cidr', Values: ['172.16.*'] }] }).Vpcs.map((v: any) => v.VpcId), [other])
  assert.equal(callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'vpc-id', Values: [vpcId, other] }, { Name: 'state', Values: ['available'] }] }).Vpcs.length, 2)
  assert.deepEqual(failure(() => callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'colour', Values: ['red'] }] })), {
    code: 'InvalidParameterValue',
    message: "The filter 'colour' is invalid",
    status: 400,
  })
  // Three VPCs with the default one: pages of two, then one.
  const page = callEc2(ctx, 'DescribeVpcs', { MaxResults: 2 })
  assert.equal(page.Vpcs.length, 2)
  const last = callEc2(ctx, 'DescribeVpcs', { MaxResults: 2, NextToken: page.NextToken })
  assert.equal(last.Vpcs.length, 1)
  assert.equal(last.NextToken, undefined)
  assert.equal(new Set([...page.Vpcs, ...last.Vpcs].map((v: any) => v.VpcId)).size, 3)
})

test('DeleteVpc: DependencyViolation while subnets, endpoints or own security groups remain', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA, subnetB } = network(ctx)
  const vpce = callEc2(ctx, 'CreateVpcEndpoint', { VpcId: vpcId, VpcEndpointType: 'Gateway', ServiceName: 'com.amazonaws.us-east-1.s3' }).VpcEndpoint.VpcEndpointId
  const group = callEc2(ctx, 'CreateSecurityGroup', { VpcId: vpcId, GroupName: 'web', Description: 'web' }).GroupId
  const blocked = { code: 'DependencyViolation', message: `The vpc '${vpcId}' has dependencies and cannot be deleted.`, status: 400 }
  assert.deepEqual(failure(() => callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })), blocked)
  callEc2(ctx, 'DeleteSubnet', { SubnetId: subnetA })
  callEc2(ctx, 'DeleteSubnet', { SubnetId: subnetB })
  assert.deepEqual(failure(() => callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })), blocked)
  callEc2(ctx, 'DeleteVpcEndpoints', { VpcEndpointIds: [vpce] })
  assert.deepEqual(failure(() => callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })), blocked)
  callEc2(ctx, 'DeleteSecurityGroup', { GroupId: group })
  callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })
  // What is left is the default VPC and its default group.
  assert.deepEqual(callEc2(ctx, 'DescribeVpcs', {}).Vpcs.map((v: any) => v.IsDefault), [true])
  assert.deepEqual(callEc2(ctx, 'DescribeSecurityGroups', { Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }).SecurityGroups, [])
  assert.equal(callEc2(ctx, 'DescribeSecurityGroups', {}).SecurityGroups.length, 1)
  assert.equal(failure(() => callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })).code, 'InvalidVpcID.NotFound')
})

test('DryRun answers DryRunOperation (412) and changes nothing', () => {
  const ctx = fakeCallContext()
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateVpc', { CidrBlock: '10.0.0.0/16', DryRun: true })), {
    code: 'DryRunOperation',
    message: 'Request would have succeeded, but DryRun flag is set.',
    status: 412,
  })
  assert.deepEqual(callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['false'] }] }).Vpcs, [])
  assert.equal(callEc2(ctx, 'DescribeVpcs', {}).Vpcs.length, 1)
})
