import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openStore } from '../../store/index.js'
import { EC2_AUTHORIZATION } from './authorization.js'
import { callEc2, failure, fakeCallContext, network, TEST_ACCOUNT } from './fake-call-context.js'

const byVpc = (vpcId: string) => ({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] })

/** The default VPC, its subnets and its groups as a fresh account sees them. */
function defaults(ctx: ReturnType<typeof fakeCallContext>) {
  const vpcs = callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs
  const subnets = callEc2(ctx, 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['true'] }] }).Subnets
  const groups = callEc2(ctx, 'DescribeSecurityGroups', { Filters: [{ Name: 'group-name', Values: ['default'] }] }).SecurityGroups
  return { vpcs, subnets, groups }
}

test('a fresh account has one default VPC, 172.31.0.0/16, and nothing else', () => {
  const ctx = fakeCallContext()
  const vpcs = callEc2(ctx, 'DescribeVpcs', {}).Vpcs
  assert.equal(vpcs.length, 1)
  const [vpc] = vpcs
  assert.match(vpc.VpcId, /^vpc-[0-9a-f]{17}$/)
  assert.equal(vpc.CidrBlock, '172.31.0.0/16')
  assert.equal(vpc.IsDefault, true)
  assert.equal(vpc.State, 'available')
  assert.equal(vpc.OwnerId, TEST_ACCOUNT)
  assert.equal(vpc.InstanceTenancy, 'default')
  assert.deepEqual(callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['false'] }] }).Vpcs, [])
  // Other VPCs are not default.
  const { vpcId } = network(ctx)
  assert.deepEqual(callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['false'] }] }).Vpcs.map((v: any) => v.VpcId), [vpcId])
  assert.deepEqual(callEc2(ctx, 'DescribeVpcs', { Filters: [{ Name: 'is-default', Values: ['true'] }] }).Vpcs.map((v: any) => v.VpcId), [vpc.VpcId])
  assert.deepEqual(callEc2(ctx, 'DescribeVpcEndpoints', {}).VpcEndpoints, [])
})

test('one default subnet per zone: a /20 each from 172.31.0.0, DefaultForAz, public IPs on launch', () => {
  const ctx = fakeCallContext()
  const { vpcs, subnets } = defaults(ctx)
  const rows = subnets.map((s: any) => [s.AvailabilityZone, s.AvailabilityZoneId, s.CidrBlock]).sort()
  assert.deepEqual(rows, [
    ['us-east-1a', 'use1-az1', '172.31.0.0/20'],
    ['us-east-1b', 'use1-az2', '172.31.16.0/20'],
    ['us-east-1c', 'use1-az3', '172.31.32.0/20'],
    ['us-east-1d', 'use1-az4', '172.31.48.0/20'],
    ['us-east-1e', 'use1-az5', '172.31.64.0/20'],
    ['us-east-1f', 'use1-az6', '172.31.80.0/20'],
  ])
  for (const subnet of subnets) {
    assert.equal(subnet.VpcId, vpcs[0].VpcId)
    assert.equal(subnet.DefaultForAz, true)
    assert.equal(subnet.MapPublicIpOnLaunch, true)
    assert.equal(subnet.AvailableIpAddressCount, 4096 - 5)
    assert.equal(subnet.State, 'available')
  }
  // A subnet the user creates is neither.
  const { subnetA } = network(ctx)
  const [mine] = callEc2(ctx, 'DescribeSubnets', { SubnetIds: [subnetA] }).Subnets
  assert.equal(mine.DefaultForAz, false)
  assert.equal(mine.MapPublicIpOnLaunch, false)
  assert.deepEqual(callEc2(ctx, 'DescribeSubnets', { Filters: [{ Name: 'default-for-az', Values: ['false'] }] }).Subnets.length, 2)
  assert.equal(callEc2(ctx, 'DescribeSubnets', { Filters: [{ Name: 'map-public-ip-on-launch', Values: ['true'] }] }).Subnets.length, 6)
  // Another Region has three zones, so three default subnets.
  const west = fakeCallContext({ store: ctx.store, region: 'eu-west-1' })
  assert.deepEqual(defaults(west).subnets.map((s: any) => [s.AvailabilityZoneId, s.CidrBlock]).sort(), [
    ['euw1-az1', '172.31.0.0/20'],
    ['euw1-az2', '172.31.16.0/20'],
    ['euw1-az3', '172.31.32.0/20'],
  ])
})

test("the default VPC's `default` group: found by name filter and by GroupNames, not deletable", () => {
  const ctx = fakeCallContext()
  const { vpcs, groups } = defaults(ctx)
  assert.equal(groups.length, 1)
  const [group] = groups
  assert.equal(group.VpcId, vpcs[0].VpcId)
  assert.equal(group.Description, 'default VPC security group')
  assert.deepEqual(group.IpPermissions[0].UserIdGroupPairs, [{ GroupId: group.GroupId, UserId: TEST_ACCOUNT }])
  assert.deepEqual(callEc2(ctx, 'DescribeSecurityGroups', { GroupNames: ['default'] }).SecurityGroups.map((g: any) => g.GroupId), [group.GroupId])
  assert.deepEqual(
    callEc2(ctx, 'DescribeSecurityGroups', { GroupNames: ['default'], GroupIds: [group.GroupId] }).SecurityGroups.map((g: any) => g.GroupId),
    [group.GroupId],
  )
  assert.deepEqual(failure(() => callEc2(ctx, 'DescribeSecurityGroups', { GroupNames: ['web'] })), {
    code: 'InvalidGroup.NotFound',
    message: `The security group 'web' does not exist in default VPC '${vpcs[0].VpcId}'`,
    status: 400,
  })
  assert.equal(failure(() => callEc2(ctx, 'DeleteSecurityGroup', { GroupName: 'default' })).code, 'CannotDelete')
  assert.equal(failure(() => callEc2(ctx, 'DeleteSecurityGroup', { GroupId: group.GroupId })).code, 'CannotDelete')
})

test('CreateSecurityGroup without VpcId lands in the default VPC; GroupName then finds and deletes it', () => {
  const ctx = fakeCallContext()
  const defaultVpc = defaults(ctx).vpcs[0].VpcId
  network(ctx)
  const created = callEc2(ctx, 'CreateSecurityGroup', { GroupName: 'web', Description: 'web tier' })
  const [group] = callEc2(ctx, 'DescribeSecurityGroups', { GroupNames: ['web'] }).SecurityGroups
  assert.equal(group.GroupId, created.GroupId)
  assert.equal(group.VpcId, defaultVpc)
  assert.deepEqual(failure(() => callEc2(ctx, 'CreateSecurityGroup', { GroupName: 'web', Description: 'again' })), {
    code: 'InvalidGroup.Duplicate',
    message: `The security group 'web' already exists for VPC '${defaultVpc}'`,
    status: 400,
  })
  // Authorization names the default VPC as the VPC used, with ec2:Vpc.
  const [create, vpc] = EC2_AUTHORIZATION.CreateSecurityGroup!({ GroupName: 'api', Description: 'x' }, ctx) as any[]
  assert.equal(create.context['ec2:Vpc'], `arn:aws:ec2:us-east-1:${TEST_ACCOUNT}:vpc/${defaultVpc}`)
  assert.equal(vpc.resource, `arn:aws:ec2:us-east-1:${TEST_ACCOUNT}:vpc/${defaultVpc}`)
  const [remove] = EC2_AUTHORIZATION.DeleteSecurityGroup!({ GroupName: 'web' }, ctx) as any[]
  assert.equal(remove.resource, `arn:aws:ec2:us-east-1:${TEST_ACCOUNT}:security-group/${created.GroupId}`)
  assert.deepEqual(callEc2(ctx, 'DeleteSecurityGroup', { GroupName: 'web' }), { Return: true, GroupId: created.GroupId })
  assert.equal(failure(() => callEc2(ctx, 'DeleteSecurityGroup', { GroupName: 'web' })).code, 'InvalidGroup.NotFound')
})

test('deleting the default VPC (subnets first) leaves none, and it does not come back', () => {
  const store = openStore(':memory:')
  const ctx = fakeCallContext({ store })
  const { vpcs, subnets } = defaults(ctx)
  const vpcId = vpcs[0].VpcId
  assert.deepEqual(failure(() => callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })), {
    code: 'DependencyViolation',
    message: `The vpc '${vpcId}' has dependencies and cannot be deleted.`,
    status: 400,
  })
  for (const subnet of subnets) callEc2(ctx, 'DeleteSubnet', { SubnetId: subnet.SubnetId })
  callEc2(ctx, 'DeleteVpc', { VpcId: vpcId })
  // A later call, even a new one on the same store, finds no VPC, subnet or group.
  const later = fakeCallContext({ store })
  assert.deepEqual(callEc2(later, 'DescribeVpcs', {}).Vpcs, [])
  assert.deepEqual(callEc2(later, 'DescribeSubnets', {}).Subnets, [])
  assert.deepEqual(callEc2(later, 'DescribeSecurityGroups', {}).SecurityGroups, [])
  // Calls that fall back to the default VPC now have none.
  assert.deepEqual(failure(() => callEc2(later, 'CreateSecurityGroup', { GroupName: 'web', Description: 'x' })), {
    code: 'VPCIdNotSpecified',
    message: 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.',
    status: 400,
  })
  assert.equal(failure(() => callEc2(later, 'DescribeSecurityGroups', { GroupNames: ['default'] })).message, "The security group 'default' does not exist in default VPC 'none'")
  assert.equal((EC2_AUTHORIZATION.CreateSecurityGroup!({ GroupName: 'web', Description: 'x' }, later) as any[]).length, 1)
  // A store reset (POST /_taskrole/reset) wipes the marker with everything else: the next use gets a fresh one.
  store.reset()
  const fresh = callEc2(fakeCallContext({ store }), 'DescribeVpcs', {}).Vpcs
  assert.equal(fresh.length, 1)
  assert.equal(fresh[0].IsDefault, true)
  assert.notEqual(fresh[0].VpcId, vpcId)
})

test('each account and Region has its own default VPC, created once, and creating it is not part of the audit record', () => {
  const store = openStore(':memory:')
  const east = fakeCallContext({ store })
  const west = fakeCallContext({ store, region: 'eu-west-1' })
  const other = fakeCallContext({ store, account: '444455556666' })
  const ids = [east, west, other].map((ctx) => {
    const { vpcs, subnets, groups } = defaults(ctx)
    assert.equal(vpcs.length, 1)
    assert.equal(groups.length, 1)
    assert.equal(vpcs[0].OwnerId, ctx.accountId)
    assert.ok(subnets.every((s: any) => s.VpcId === vpcs[0].VpcId))
    return vpcs[0].VpcId as string
  })
  assert.equal(new Set(ids).size, 3)
  assert.equal(callEc2(east, 'DescribeVpcs', {}).Vpcs[0].VpcId, ids[0])
  assert.equal(callEc2(fakeCallContext({ store }), 'DescribeVpcs', {}).Vpcs[0].VpcId, ids[0])
  assert.equal(failure(() => callEc2(other, 'DescribeVpcs', { VpcIds: [ids[0]!] })).code, 'InvalidVpcID.NotFound')
  // The user's call named none of the default resources.
  const first = fakeCallContext({ store, account: '777788889999' })
  callEc2(first, 'DescribeVpcs', {})
  assert.deepEqual(first.audit.resources, [])
})

test('a call that fails takes the default VPC back with it; the next call creates it', () => {
  const store = openStore(':memory:')
  assert.equal(failure(() => callEc2(fakeCallContext({ store }), 'CreateVpc', { CidrBlock: '10.0.0.0/8' })).code, 'InvalidVpc.Range')
  assert.equal(store.documents.collection('ec2.vpc').count(`${TEST_ACCOUNT}/us-east-1`), 0)
  assert.equal(callEc2(fakeCallContext({ store }), 'DescribeVpcs', {}).Vpcs.length, 1)
})

test('a default subnet takes interface endpoints like any other', () => {
  const ctx = fakeCallContext()
  const { vpcs, subnets } = defaults(ctx)
  const subnet = subnets.find((s: any) => s.AvailabilityZone === 'us-east-1a')
  const { VpcEndpoint } = callEc2(ctx, 'CreateVpcEndpoint', {
    VpcId: vpcs[0].VpcId,
    VpcEndpointType: 'Interface',
    ServiceName: 'com.amazonaws.us-east-1.ecr.dkr',
    SubnetIds: [subnet.SubnetId],
  })
  assert.deepEqual(VpcEndpoint.Groups.map((g: any) => g.GroupName), ['default'])
  assert.equal(callEc2(ctx, 'DescribeSubnets', { SubnetIds: [subnet.SubnetId] }).Subnets[0].AvailableIpAddressCount, 4096 - 5 - 1)
  assert.equal(callEc2(ctx, 'DescribeSubnets', byVpc(vpcs[0].VpcId)).Subnets.length, 6)
})
