//! The EC2 networking subset as stored (VPCs, subnets, VPC endpoints, security groups; scope `<account>/<region>`,
//! key = the resource id), and the one question the agent asks of it: which VPC is a task's subnet in, and which
//! VPC endpoints would its AWS calls go through (the aws:SourceVpc / aws:SourceVpce of those calls).
import type { Store } from '../index.js'

export const EC2_COLLECTIONS = {
  vpcs: 'ec2.vpc',
  subnets: 'ec2.subnet',
  vpcEndpoints: 'ec2.vpc-endpoint',
  securityGroups: 'ec2.security-group',
} as const

export interface Ec2Tag {
  Key: string
  Value: string
}

export interface VpcRecord {
  vpcId: string
  ownerId: string
  region: string
  cidrBlock: string
  cidrBlockAssociationId: string
  instanceTenancy: string
  dhcpOptionsId: string
  /** The `default` security group EC2 creates with every VPC. */
  defaultSecurityGroupId: string
  tags: Ec2Tag[]
  createdAt: string
}

export interface SubnetRecord {
  subnetId: string
  vpcId: string
  ownerId: string
  region: string
  cidrBlock: string
  availabilityZone: string
  availabilityZoneId: string
  tags: Ec2Tag[]
  createdAt: string
}

export interface VpcEndpointRecord {
  vpcEndpointId: string
  vpcId: string
  ownerId: string
  region: string
  /** `com.amazonaws.<region>.<service>`, e.g. com.amazonaws.us-east-1.ecr.dkr */
  serviceName: string
  vpcEndpointType: 'Interface' | 'Gateway'
  state: 'available'
  policyDocument: string
  routeTableIds: string[]
  subnetIds: string[]
  securityGroupIds: string[]
  /** One network interface per subnet (interface endpoints), by subnet id. */
  networkInterfaceIds: Record<string, string>
  privateDnsEnabled: boolean
  dnsNames: string[]
  /** CreateVpcEndpoint's idempotency token. */
  clientToken?: string
  tags: Ec2Tag[]
  createdAt: string
}

export interface SecurityGroupRecord {
  groupId: string
  groupName: string
  description: string
  vpcId: string
  ownerId: string
  region: string
  isDefault: boolean
  tags: Ec2Tag[]
}

export function ec2Scope(account: string, region: string): string {
  return `${account}/${region}`
}

export interface EndpointSummary {
  vpcEndpointId: string
  serviceName: string
  /** Interface endpoints with private DNS take the service's default DNS name inside the VPC, so SDK calls go through them. */
  privateDnsEnabled: boolean
}

export interface SubnetNetwork {
  subnetId: string
  vpcId: string
  availabilityZone: string
  cidrBlock: string
  interfaceEndpoints: EndpointSummary[]
  gatewayEndpoints: EndpointSummary[]
}

/** The VPC of a subnet and every endpoint of that VPC (an endpoint serves the whole VPC), or undefined if unknown. */
export function networkOfSubnet(store: Store, account: string, region: string, subnetId: string): SubnetNetwork | undefined {
  const scope = ec2Scope(account, region)
  const subnet = store.documents.collection<SubnetRecord>(EC2_COLLECTIONS.subnets).get(scope, subnetId)
  if (!subnet) return undefined
  const network: SubnetNetwork = {
    subnetId,
    vpcId: subnet.vpcId,
    availabilityZone: subnet.availabilityZone,
    cidrBlock: subnet.cidrBlock,
    interfaceEndpoints: [],
    gatewayEndpoints: [],
  }
  for (const endpoint of store.documents.collection<VpcEndpointRecord>(EC2_COLLECTIONS.vpcEndpoints).list(scope)) {
    if (endpoint.vpcId !== subnet.vpcId || endpoint.state !== 'available') continue
    const summary = { vpcEndpointId: endpoint.vpcEndpointId, serviceName: endpoint.serviceName, privateDnsEnabled: endpoint.privateDnsEnabled }
    if (endpoint.vpcEndpointType === 'Interface') network.interfaceEndpoints.push(summary)
    else network.gatewayEndpoints.push(summary)
  }
  return network
}

/**
 * The endpoint a call to `service` (`ecr.api`, `ecr.dkr`, `secretsmanager`, `ssm`, `logs`, `s3`, …) from this
 * subnet goes through: the VPC's interface endpoint with private DNS for the service (the SDK's default host then
 * resolves to it), else a gateway endpoint (S3, DynamoDB); undefined when the call leaves the VPC another way (NAT,
 * internet gateway), and then carries no aws:SourceVpc / aws:SourceVpce.
 */
export function endpointForService(network: SubnetNetwork, region: string, service: string): EndpointSummary | undefined {
  const serviceName = `com.amazonaws.${region}.${service}`
  return (
    network.interfaceEndpoints.find((endpoint) => endpoint.serviceName === serviceName && endpoint.privateDnsEnabled) ??
    network.gatewayEndpoints.find((endpoint) => endpoint.serviceName === serviceName)
  )
}
