//! The EC2 networking subset as stored (VPCs, subnets, VPC endpoints, security groups; scope `<account>/<region>`,
//! key = the resource id), the default VPC every account+Region starts with, and the one question the agent asks of
//! it: which VPC is a task's subnet in, and which VPC endpoints would its AWS calls go through (the aws:SourceVpc /
//! aws:SourceVpce of those calls).
import { randomBytes } from 'node:crypto'
import type { Store } from '../index.js'

export const EC2_COLLECTIONS = {
  vpcs: 'ec2.vpc',
  subnets: 'ec2.subnet',
  vpcEndpoints: 'ec2.vpc-endpoint',
  securityGroups: 'ec2.security-group',
  /** One marker per account+Region (scope), written when its default VPC is created: it is created once only. */
  defaultVpcSeeded: 'ec2.default-vpc-seeded',
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
  /** The account's default VPC in this Region (absent in records written before default VPCs existed: false). */
  isDefault?: boolean
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
  /** A default subnet: the default VPC's subnet for its zone (absent: false). */
  defaultForAz?: boolean
  /** Instances launched here get a public IPv4 address; true for default subnets (absent: false). */
  mapPublicIpOnLaunch?: boolean
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

export type Ec2IdPrefix = 'vpc' | 'subnet' | 'vpce' | 'sg' | 'eni' | 'dopt' | 'vpc-cidr-assoc'

/** `<prefix>-<17 hex>`, EC2's long resource ids (EC2 User Guide, "Resource IDs"). */
export function ec2Id(prefix: Ec2IdPrefix): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`
}

/** The Availability Zones taskrole offers per Region: `<region>a`…`<region>f` in us-east-1, `a`…`c` elsewhere. */
export function availabilityZones(region: string): string[] {
  const letters = region === 'us-east-1' ? 'abcdef' : 'abc'
  return [...letters].map((letter) => `${region}${letter}`)
}

/** AWS's zone-id form, `use1-az1` (real mappings differ per account; a fixed one is enough here). */
export function availabilityZoneId(region: string, zone: string): string {
  const [area = '', direction = '', number = ''] = region.split('-')
  const compass = direction.replace('north', 'n').replace('south', 's').replace('east', 'e').replace('west', 'w').replace('central', 'c')
  return `${area}${compass}${number}-az${availabilityZones(region).indexOf(zone) + 1}`
}

/** Amazon VPC User Guide, "Default VPCs": an IPv4 block of 172.31.0.0/16 and a /20 default subnet per zone. */
export const DEFAULT_VPC_CIDR = '172.31.0.0/16'

export interface DefaultVpcMarker {
  /** The default VPC created for the scope; it may since have been deleted. */
  vpcId: string
  createdAt: string
}

const DEFAULT_VPC_MARKER = 'default-vpc'

/**
 * Creates the account's default VPC in the Region, with its `default` security group and one default subnet per
 * Availability Zone (172.31.0.0/20, 172.31.16.0/20, …), unless it was created before: one indexed read when it was.
 * A user who deletes the default VPC does not get it back; a store reset wipes the marker, so the next use creates a
 * fresh one. Writes in its own transaction (a savepoint inside a call's), so it may run outside a dispatched call.
 */
export function ensureDefaultVpc(store: Store, account: string, region: string, now: Date = new Date()): void {
  const scope = ec2Scope(account, region)
  const markers = store.documents.collection<DefaultVpcMarker>(EC2_COLLECTIONS.defaultVpcSeeded)
  if (markers.get(scope, DEFAULT_VPC_MARKER)) return
  const createdAt = now.toISOString()
  const vpcId = ec2Id('vpc')
  const groupId = ec2Id('sg')
  const owned = { ownerId: account, region, tags: [] as Ec2Tag[] }
  store.transaction(() => {
    markers.put(scope, DEFAULT_VPC_MARKER, { vpcId, createdAt })
    const vpc: VpcRecord = {
      vpcId,
      ...owned,
      cidrBlock: DEFAULT_VPC_CIDR,
      cidrBlockAssociationId: ec2Id('vpc-cidr-assoc'),
      instanceTenancy: 'default',
      dhcpOptionsId: ec2Id('dopt'),
      defaultSecurityGroupId: groupId,
      isDefault: true,
      createdAt,
    }
    store.documents.collection<VpcRecord>(EC2_COLLECTIONS.vpcs).put(scope, vpcId, vpc)
    const group: SecurityGroupRecord = { groupId, groupName: 'default', description: 'default VPC security group', vpcId, isDefault: true, ...owned }
    store.documents.collection<SecurityGroupRecord>(EC2_COLLECTIONS.securityGroups).put(scope, groupId, group)
    const subnets = store.documents.collection<SubnetRecord>(EC2_COLLECTIONS.subnets)
    availabilityZones(region).forEach((zone, index) => {
      const subnet: SubnetRecord = {
        subnetId: ec2Id('subnet'),
        vpcId,
        ...owned,
        cidrBlock: `172.31.${index * 16}.0/20`,
        availabilityZone: zone,
        availabilityZoneId: availabilityZoneId(region, zone),
        defaultForAz: true,
        mapPublicIpOnLaunch: true,
        createdAt,
      }
      subnets.put(scope, subnet.subnetId, subnet)
    })
  })
}

/** The id of the account's default VPC in the Region, or undefined when it was deleted (or not yet created). */
export function defaultVpcId(store: Store, account: string, region: string): string | undefined {
  const scope = ec2Scope(account, region)
  const marker = store.documents.collection<DefaultVpcMarker>(EC2_COLLECTIONS.defaultVpcSeeded).get(scope, DEFAULT_VPC_MARKER)
  if (!marker || !store.documents.collection<VpcRecord>(EC2_COLLECTIONS.vpcs).get(scope, marker.vpcId)) return undefined
  return marker.vpcId
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

/**
 * The VPC of a subnet and every endpoint of that VPC (an endpoint serves the whole VPC), or undefined if unknown.
 * The account's default VPC exists from its first use, ECS's and the agent's included.
 */
export function networkOfSubnet(store: Store, account: string, region: string, subnetId: string): SubnetNetwork | undefined {
  ensureDefaultVpc(store, account, region)
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
