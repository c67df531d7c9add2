//! Subnets: CreateSubnet (a block inside its VPC's, overlapping no other subnet), DescribeSubnets, DeleteSubnet
//! (Amazon EC2 API Reference). A subnet is where taskrole places an awsvpc task: its VPC and that VPC's endpoints
//! give the agent's calls their aws:SourceVpc / aws:SourceVpce (store/repositories/ec2-network.ts). The default VPC's
//! subnets, one per zone, are DefaultForAz and MapPublicIpOnLaunch (Amazon VPC User Guide, "Default subnets").
import type { CallContext } from '../../dispatch/index.js'
import type { SubnetRecord } from '../../store/index.js'
import { availabilityZoneId, availabilityZones, zoneOfId } from './availability-zones.js'
import { cidrContains, cidrSize, cidrsOverlap, parseCidr } from './cidr.js'
import {
  dryRunOperation,
  hasDependencies,
  ID_KINDS,
  invalidAvailabilityZone,
  invalidCidr,
  invalidParameterValue,
  invalidSubnetRange,
  missingParameter,
  subnetConflict,
} from './errors.js'
import { checkFilterNames, matchesFilters, type Filter } from './filters.js'
import { ec2Id } from './ids.js'
import { pageOf } from './paging.js'
import { ec2Arn, ec2Collections, requireSubnet, requireVpc, resolveIds, scopeOf } from './records.js'
import { requestedTags, tagsOutput, type TagSpecification } from './tags.js'
import { MAX_PREFIX, MIN_PREFIX } from './vpcs.js'

interface CreateSubnetInput {
  VpcId: string
  CidrBlock?: string
  AvailabilityZone?: string
  AvailabilityZoneId?: string
  TagSpecifications?: TagSpecification[]
  DryRun?: boolean
}

interface DescribeSubnetsInput {
  SubnetIds?: string[]
  Filters?: Filter[]
  NextToken?: string
  MaxResults?: number
  DryRun?: boolean
}

interface DeleteSubnetInput {
  SubnetId: string
  DryRun?: boolean
}

/** AWS reserves five addresses of every subnet (Amazon VPC User Guide, "Subnet CIDR blocks"). */
const RESERVED_ADDRESSES = 5

export function auditSubnet(ctx: CallContext, subnetId: string): void {
  ctx.audit.resources.push({ ARN: ec2Arn(ctx, 'subnet', subnetId), type: 'AWS::EC2::Subnet', name: subnetId })
}

/** Interface endpoints take one address of each subnet they are in. */
function usedAddresses(ctx: CallContext, subnetId: string): number {
  return ec2Collections(ctx)
    .vpcEndpoints.list(scopeOf(ctx))
    .filter((endpoint) => endpoint.networkInterfaceIds[subnetId] !== undefined).length
}

function subnetOutput(ctx: CallContext, subnet: SubnetRecord) {
  return {
    AvailabilityZone: subnet.availabilityZone,
    AvailabilityZoneId: subnet.availabilityZoneId,
    AvailableIpAddressCount: cidrSize(parseCidr(subnet.cidrBlock)!) - RESERVED_ADDRESSES - usedAddresses(ctx, subnet.subnetId),
    CidrBlock: subnet.cidrBlock,
    DefaultForAz: subnet.defaultForAz ?? false,
    MapPublicIpOnLaunch: subnet.mapPublicIpOnLaunch ?? false,
    MapCustomerOwnedIpOnLaunch: false,
    State: 'available',
    SubnetId: subnet.subnetId,
    VpcId: subnet.vpcId,
    OwnerId: subnet.ownerId,
    AssignIpv6AddressOnCreation: false,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tagsOutput(subnet.tags),
    SubnetArn: ec2Arn(ctx, 'subnet', subnet.subnetId),
    EnableDns64: false,
    Ipv6Native: false,
    PrivateDnsNameOptionsOnLaunch: { HostnameType: 'ip-name', EnableResourceNameDnsARecord: false, EnableResourceNameDnsAAAARecord: false },
  }
}

function chooseZone(ctx: CallContext, input: CreateSubnetInput): string {
  const zones = availabilityZones(ctx.region)
  if (input.AvailabilityZoneId !== undefined) {
    const zone = zoneOfId(ctx.region, input.AvailabilityZoneId)
    if (!zone) throw invalidParameterValue(`Value (${input.AvailabilityZoneId}) for parameter availabilityZoneId is invalid.`)
    return zone
  }
  const zone = input.AvailabilityZone ?? zones[0]!
  if (!zones.includes(zone)) throw invalidAvailabilityZone(zone, zones)
  return zone
}

function createSubnet(input: CreateSubnetInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  const vpc = requireVpc(ctx, input.VpcId)
  if (input.CidrBlock === undefined) throw missingParameter("Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.")
  const cidr = parseCidr(input.CidrBlock)
  if (!cidr || cidr.hostBitsSet) throw invalidCidr(input.CidrBlock)
  if (cidr.prefix < MIN_PREFIX || cidr.prefix > MAX_PREFIX || !cidrContains(parseCidr(vpc.cidrBlock)!, cidr)) throw invalidSubnetRange(input.CidrBlock)
  const siblings = ec2Collections(ctx)
    .subnets.list(scopeOf(ctx))
    .filter((subnet) => subnet.vpcId === vpc.vpcId)
  if (siblings.some((subnet) => cidrsOverlap(parseCidr(subnet.cidrBlock)!, cidr))) throw subnetConflict(input.CidrBlock)
  const zone = chooseZone(ctx, input)
  const subnet: SubnetRecord = {
    subnetId: ec2Id('subnet'),
    vpcId: vpc.vpcId,
    ownerId: ctx.accountId,
    region: ctx.region,
    cidrBlock: input.CidrBlock,
    availabilityZone: zone,
    availabilityZoneId: availabilityZoneId(ctx.region, zone),
    tags: requestedTags(input.TagSpecifications, 'subnet'),
    createdAt: ctx.now.toISOString(),
  }
  ec2Collections(ctx).subnets.put(scopeOf(ctx), subnet.subnetId, subnet)
  auditSubnet(ctx, subnet.subnetId)
  return { Subnet: subnetOutput(ctx, subnet) }
}

const SUBNET_FILTERS = (subnet?: SubnetRecord) => ({
  'subnet-id': subnet?.subnetId,
  'vpc-id': subnet?.vpcId,
  'cidr-block': subnet?.cidrBlock,
  cidr: subnet?.cidrBlock,
  cidrBlock: subnet?.cidrBlock,
  'availability-zone': subnet?.availabilityZone,
  availabilityZone: subnet?.availabilityZone,
  'availability-zone-id': subnet?.availabilityZoneId,
  'default-for-az': subnet && String(subnet.defaultForAz ?? false),
  defaultForAz: subnet && String(subnet.defaultForAz ?? false),
  'map-public-ip-on-launch': subnet && String(subnet.mapPublicIpOnLaunch ?? false),
  'owner-id': subnet?.ownerId,
  state: subnet && 'available',
})

function describeSubnets(input: DescribeSubnetsInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  checkFilterNames(input.Filters, SUBNET_FILTERS())
  const subnets = ec2Collections(ctx).subnets
  const selected = input.SubnetIds?.length
    ? resolveIds(ID_KINDS.subnet, input.SubnetIds, (id) => subnets.get(scopeOf(ctx), id))
    : subnets.list(scopeOf(ctx))
  const matching = selected.filter((subnet) => matchesFilters(input.Filters, SUBNET_FILTERS(subnet), subnet.tags))
  const page = pageOf(matching, input, (subnet) => subnet.subnetId)
  return { Subnets: page.items.map((subnet) => subnetOutput(ctx, subnet)), NextToken: page.NextToken }
}

/** An interface endpoint's network interface in the subnet keeps it (DependencyViolation). */
function deleteSubnet(input: DeleteSubnetInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  const subnet = requireSubnet(ctx, input.SubnetId)
  if (usedAddresses(ctx, subnet.subnetId) > 0) throw hasDependencies('subnet', subnet.subnetId)
  ec2Collections(ctx).subnets.delete(scopeOf(ctx), subnet.subnetId)
  auditSubnet(ctx, subnet.subnetId)
  return {}
}

export const subnetHandlers = {
  CreateSubnet: createSubnet,
  DescribeSubnets: describeSubnets,
  DeleteSubnet: deleteSubnet,
}
