import assert from 'node:assert/strict'
import { test } from 'node:test'
import { openStore } from '../index.js'
import { EC2_COLLECTIONS, ec2Scope, endpointForService, networkOfSubnet, type SubnetRecord, type VpcEndpointRecord } from './ec2-network.js'

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
