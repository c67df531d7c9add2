import assert from 'node:assert/strict'
import { test } from 'node:test'
import { callEc2, failure, fakeCallContext, network } from './fake-call-context.js'

test('CreateSecurityGroup in a VPC; names are unique per VPC; default is reserved', () => {
  const ctx = fakeCallContext()
  const { vpcId } = network(ctx)
  const created = callEc2(ctx, 'CreateSecurityGroup', { VpcId: vpcId, GroupName: 'web', Description: 'web tier' })
  assert.match(created.GroupId, /^sg-[0-9a-f]{17}$/)
  assert.match(created.SecurityGroupArn, /^arn:aws:ec2:us-east-1:111122223333:security-group\/sg-/)
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateSecurityGroup', { VpcId: vpcId, GroupName: 'web', Description: 'again' })), {
    code: 'InvalidGroup.Duplicate',
    message: `The security group 'web' already exists for VPC '${vpcId}'`,
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'CreateSecurityGroup', { VpcId: vpcId, GroupName: 'default', Description: 'x' })).code, 'InvalidGroup.Reserved')
  assert.equal(failure(() => callEc2(ctx, 'CreateSecurityGroup', { VpcId: vpcId, GroupName: 'sg-web', Description: 'x' })).code, 'InvalidParameterValue')
  // Without VpcId the group goes to the default VPC, where the name is still free.
  const inDefault = callEc2(ctx, 'CreateSecurityGroup', { GroupName: 'web', Description: 'x' }).GroupId
  assert.notEqual(callEc2(ctx, 'DescribeSecurityGroups', { GroupIds: [inDefault] }).SecurityGroups[0].VpcId, vpcId)
  const [group] = callEc2(ctx, 'DescribeSecurityGroups', { GroupIds: [created.GroupId] }).SecurityGroups
  assert.equal(group.Description, 'web tier')
  assert.deepEqual(group.IpPermissions, [])
  assert.equal(group.IpPermissionsEgress[0].IpRanges[0].CidrIp, '0.0.0.0/0')
})

test('the default group cannot be deleted; a group an endpoint uses is a dependency', () => {
  const ctx = fakeCallContext()
  const { vpcId, subnetA } = network(ctx)
  const defaultGroup = callEc2(ctx, 'DescribeSecurityGroups', { Filters: [{ Name: 'group-name', Values: ['default'] }, { Name: 'vpc-id', Values: [vpcId] }] })
    .SecurityGroups[0].GroupId
  assert.deepEqual(failure(() => callEc2(ctx, 'DeleteSecurityGroup', { GroupId: defaultGroup })), {
    code: 'CannotDelete',
    message: `the specified group: "${defaultGroup}" name: "default" cannot be deleted by a user`,
    status: 400,
  })
  const group = callEc2(ctx, 'CreateSecurityGroup', { VpcId: vpcId, GroupName: 'endpoints', Description: 'x' }).GroupId
  const endpoint = callEc2(ctx, 'CreateVpcEndpoint', {
    VpcId: vpcId,
    VpcEndpointType: 'Interface',
    ServiceName: 'com.amazonaws.us-east-1.logs',
    SubnetIds: [subnetA],
    SecurityGroupIds: [group],
  }).VpcEndpoint
  assert.equal(endpoint.Groups[0].GroupName, 'endpoints')
  assert.equal(failure(() => callEc2(ctx, 'DeleteSecurityGroup', { GroupId: group })).code, 'DependencyViolation')
  callEc2(ctx, 'DeleteVpcEndpoints', { VpcEndpointIds: [endpoint.VpcEndpointId] })
  assert.deepEqual(callEc2(ctx, 'DeleteSecurityGroup', { GroupId: group }), { Return: true, GroupId: group })
  assert.equal(failure(() => callEc2(ctx, 'DeleteSecurityGroup', { GroupId: group })).code, 'InvalidGroup.NotFound')
  // GroupNames look in the default VPC, where there is no `endpoints` group.
  assert.equal(failure(() => callEc2(ctx, 'DescribeSecurityGroups', { GroupNames: ['endpoints'] })).code, 'InvalidGroup.NotFound')
  assert.equal(failure(() => callEc2(ctx, 'DescribeSecurityGroups', { GroupIds: ['group-1'] })).code, 'InvalidGroupId.Malformed')
})
