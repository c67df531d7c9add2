import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openStore } from '../index.js'
import {
  defaultVpcId,
  EC2_COLLECTIONS,
  ec2Scope,
  endpointForService,
  ensureDefaultVpc,
  networkOfSubnet,
  type SecurityGroupRecord,
  type SubnetRecord,
  type VpcEndpointRecord,
  type VpcRecord,
} from './ec2-network.js'

const ACCOUNT = '111122223333'
const REGION = 'us-east-1'

function endpoint(id: string, vpcId: string, service: string, type: 'Interface' | 'Gateway', privateDnsEnabled: boolean): VpcEndpointRecord {
  return {
    vpcEndpointId: id,
    vpcId,
    ownerId: ACCOUNT,
    region: REGION,
    serviceName: `com.amazonaws.${REGION}.${service}`,
    vpcEndpointType: type,
    state: 'available',
    policyDocument: '{}',
    routeTableIds: [],
    subnetIds: [],
    securityGroupIds: [],
    networkInterfaceIds: {},
    privateDnsEnabled,
    dnsNames: [],
    tags: [],
    createdAt: '2025-01-01T00:00:00.000Z',
  }
}

test("a subnet's VPC and that VPC's endpoints (and no other VPC's)", () => {
  const store = openStore(':memory:')
  const scope = ec2Scope(ACCOUNT, REGION)
  const subnet: SubnetRecord = {
    subnetId: 'subnet-0000000000000000a',
    vpcId: 'vpc-0000000000000000a',
    ownerId: ACCOUNT,
    region: REGION,
    cidrBlock: '10.0.1.0/24',
    availabilityZone: 'us-east-1a',
    availabilityZoneId: 'use1-az1',
    tags: [],
    createdAt: '2025-01-01T00:00:00.000Z',
  }
  store.documents.collection<SubnetRecord>(EC2_COLLECTIONS.subnets).put(scope, subnet.subnetId, subnet)
  const endpoints = store.documents.collection<VpcEndpointRecord>(EC2_COLLECTIONS.vpcEndpoints)
  endpoints.put(scope, 'vpce-0000000000000000a', endpoint('vpce-0000000000000000a', subnet.vpcId, 'ecr.dkr', 'Interface', true))
  endpoints.put(scope, 'vpce-0000000000000000b', endpoint('vpce-0000000000000000b', subnet.vpcId, 'ecr.api', 'Interface', false))
  endpoints.put(scope, 'vpce-0000000000000000c', endpoint('vpce-0000000000000000c', subnet.vpcId, 's3', 'Gateway', false))
  endpoints.put(scope, 'vpce-0000000000000000d', endpoint('vpce-0000000000000000d', 'vpc-0000000000000000b', 'logs', 'Interface', true))

  const network = networkOfSubnet(store, ACCOUNT, REGION, subnet.subnetId)!
  assert.equal(network.vpcId, subnet.vpcId)
  assert.deepEqual(network.interfaceEndpoints.map((e) => e.vpcEndpointId), ['vpce-0000000000000000a', 'vpce-0000000000000000b'])
  assert.deepEqual(network.gatewayEndpoints.map((e) => e.vpcEndpointId), ['vpce-0000000000000000c'])
  assert.equal(endpointForService(network, REGION, 'ecr.dkr')?.vpcEndpointId, 'vpce-0000000000000000a')
  // Without private DNS the SDK's default host does not resolve to the endpoint.
  assert.equal(endpointForService(network, REGION, 'ecr.api'), undefined)
  assert.equal(endpointForService(network, REGION, 's3')?.vpcEndpointId, 'vpce-0000000000000000c')
  assert.equal(endpointForService(network, REGION, 'logs'), undefined)
  assert.equal(networkOfSubnet(store, ACCOUNT, REGION, 'subnet-0123456789abcdef0'), undefined)
  assert.equal(networkOfSubnet(store, ACCOUNT, 'eu-west-1', subnet.subnetId), undefined)
})

test('the default VPC: created once per account+Region, outside any transaction too, with a group and a /20 per zone', () => {
  const store = openStore(':memory:')
  const scope = ec2Scope(ACCOUNT, REGION)
  const vpcs = store.documents.collection<VpcRecord>(EC2_COLLECTIONS.vpcs)
  const subnets = store.documents.collection<SubnetRecord>(EC2_COLLECTIONS.subnets)
  const groups = store.documents.collection<SecurityGroupRecord>(EC2_COLLECTIONS.securityGroups)
  assert.equal(defaultVpcId(store, ACCOUNT, REGION), undefined)
  ensureDefaultVpc(store, ACCOUNT, REGION, new Date('2025-01-01T00:00:00.000Z'))
  const vpcId = defaultVpcId(store, ACCOUNT, REGION)!
  const vpc = vpcs.get(scope, vpcId)!
  assert.equal(vpc.cidrBlock, '172.31.0.0/16')
  assert.equal(vpc.isDefault, true)
  assert.equal(vpc.createdAt, '2025-01-01T00:00:00.000Z')
  assert.deepEqual(groups.list(scope).map((g) => [g.groupId, g.groupName, g.vpcId, g.isDefault]), [[vpc.defaultSecurityGroupId, 'default', vpcId, true]])
  assert.deepEqual(
    subnets.list(scope).map((s) => [s.availabilityZone, s.cidrBlock, s.defaultForAz, s.mapPublicIpOnLaunch]).sort(),
    ['a', 'b', 'c', 'd', 'e', 'f'].map((zone, i) => [`us-east-1${zone}`, `172.31.${16 * i}.0/20`, true, true]),
  )
  // Once only: a second call changes nothing, and neither does one after the user deleted it.
  ensureDefaultVpc(store, ACCOUNT, REGION)
  assert.equal(vpcs.count(scope), 1)
  for (const subnet of subnets.list(scope)) subnets.delete(scope, subnet.subnetId)
  groups.delete(scope, vpc.defaultSecurityGroupId)
  vpcs.delete(scope, vpcId)
  assert.equal(defaultVpcId(store, ACCOUNT, REGION), undefined)
  ensureDefaultVpc(store, ACCOUNT, REGION)
  assert.equal(vpcs.count(scope), 0)
  assert.equal(subnets.count(scope), 0)
})

test('networkOfSubnet gives the account its default VPC first (the agent may be the first to ask)', () => {
  const store = openStore(':memory:')
  assert.equal(networkOfSubnet(store, ACCOUNT, 'eu-west-1', 'subnet-0123456789abcdef0'), undefined)
  const scope = ec2Scope(ACCOUNT, 'eu-west-1')
  const defaults = store.documents.collection<SubnetRecord>(EC2_COLLECTIONS.subnets).list(scope)
  assert.deepEqual(defaults.map((s) => s.availabilityZoneId).sort(), ['euw1-az1', 'euw1-az2', 'euw1-az3'])
  const network = networkOfSubnet(store, ACCOUNT, 'eu-west-1', defaults[0]!.subnetId)!
  assert.equal(network.vpcId, defaultVpcId(store, ACCOUNT, 'eu-west-1'))
  assert.deepEqual(network.interfaceEndpoints, [])
  // Other accounts and Regions are untouched.
  assert.equal(store.documents.collection(EC2_COLLECTIONS.vpcs).count(ec2Scope(ACCOUNT, REGION)), 0)
})
