//! VPCs: CreateVpc (with its `default` security group), DescribeVpcs, DeleteVpc (Amazon EC2 API Reference). The
//! account's default VPC (default-vpc.ts) is one of them: IsDefault, and deleted like any other, dependencies first.
import type { CallContext } from '../../dispatch/index.js'
import type { VpcRecord } from '../../store/index.js'
import { parseCidr } from './cidr.js'
import { dryRunOperation, hasDependencies, ID_KINDS, invalidCidr, invalidVpcRange, missingParameter } from './errors.js'
import { checkFilterNames, matchesFilters, type Filter } from './filters.js'
import { ec2Id } from './ids.js'
import { pageOf } from './paging.js'
import { ec2Arn, ec2Collections, requireVpc, resolveIds, scopeOf } from './records.js'
import { createSecurityGroupRecord } from './security-groups.js'
import { requestedTags, tagsOutput, type TagSpecification } from './tags.js'

interface CreateVpcInput {
  CidrBlock?: string
  InstanceTenancy?: string
  TagSpecifications?: TagSpecification[]
  DryRun?: boolean
}

interface DescribeVpcsInput {
  VpcIds?: string[]
  Filters?: Filter[]
  NextToken?: string
  MaxResults?: number
  DryRun?: boolean
}

interface DeleteVpcInput {
  VpcId: string
  DryRun?: boolean
}

/** Amazon VPC User Guide, "VPC CIDR blocks": "The allowed block size is between a /16 netmask and /28 netmask." */
export const MIN_PREFIX = 16
export const MAX_PREFIX = 28

export function auditVpc(ctx: CallContext, vpcId: string): void {
  ctx.audit.resources.push({ ARN: ec2Arn(ctx, 'vpc', vpcId), type: 'AWS::EC2::VPC', name: vpcId })
}

function vpcOutput(vpc: VpcRecord, state: 'pending' | 'available') {
  return {
    OwnerId: vpc.ownerId,
    InstanceTenancy: vpc.instanceTenancy,
    CidrBlockAssociationSet: [{ AssociationId: vpc.cidrBlockAssociationId, CidrBlock: vpc.cidrBlock, CidrBlockState: { State: 'associated' } }],
    IsDefault: vpc.isDefault ?? false,
    Tags: tagsOutput(vpc.tags),
    VpcId: vpc.vpcId,
    State: state,
    CidrBlock: vpc.cidrBlock,
    DhcpOptionsId: vpc.dhcpOptionsId,
  }
}

function createVpc(input: CreateVpcInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  if (input.CidrBlock === undefined) throw missingParameter("Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.")
  const cidr = parseCidr(input.CidrBlock)
  if (!cidr || cidr.hostBitsSet) throw invalidCidr(input.CidrBlock)
  if (cidr.prefix < MIN_PREFIX || cidr.prefix > MAX_PREFIX) throw invalidVpcRange(input.CidrBlock)
  const vpc: VpcRecord = {
    vpcId: ec2Id('vpc'),
    ownerId: ctx.accountId,
    region: ctx.region,
    cidrBlock: input.CidrBlock,
    cidrBlockAssociationId: ec2Id('vpc-cidr-assoc'),
    instanceTenancy: input.InstanceTenancy ?? 'default',
    dhcpOptionsId: ec2Id('dopt'),
    defaultSecurityGroupId: '',
    tags: requestedTags(input.TagSpecifications, 'vpc'),
    createdAt: ctx.now.toISOString(),
  }
  // Every VPC comes with a security group named `default` (Amazon VPC User Guide, "Default security groups").
  const group = createSecurityGroupRecord(ctx, { vpcId: vpc.vpcId, groupName: 'default', description: 'default VPC security group', isDefault: true, tags: [] })
  vpc.defaultSecurityGroupId = group.groupId
  ec2Collections(ctx).vpcs.put(scopeOf(ctx), vpc.vpcId, vpc)
  auditVpc(ctx, vpc.vpcId)
  return { Vpc: vpcOutput(vpc, 'pending') }
}

const VPC_FILTERS = (vpc?: VpcRecord) => ({
  'vpc-id': vpc?.vpcId,
  cidr: vpc?.cidrBlock,
  'cidr-block-association.cidr-block': vpc?.cidrBlock,
  'cidr-block-association.association-id': vpc?.cidrBlockAssociationId,
  'cidr-block-association.state': vpc && 'associated',
  'dhcp-options-id': vpc?.dhcpOptionsId,
  'is-default': vpc && String(vpc.isDefault ?? false),
  'owner-id': vpc?.ownerId,
  state: vpc && 'available',
})

function describeVpcs(input: DescribeVpcsInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  checkFilterNames(input.Filters, VPC_FILTERS())
  const vpcs = ec2Collections(ctx).vpcs
  const selected = input.VpcIds?.length ? resolveIds(ID_KINDS.vpc, input.VpcIds, (id) => vpcs.get(scopeOf(ctx), id)) : vpcs.list(scopeOf(ctx))
  const matching = selected.filter((vpc) => matchesFilters(input.Filters, VPC_FILTERS(vpc), vpc.tags))
  const page = pageOf(matching, input, (vpc) => vpc.vpcId)
  return { Vpcs: page.items.map((vpc) => vpcOutput(vpc, 'available')), NextToken: page.NextToken }
}

/** Subnets, endpoints and security groups other than `default` keep a VPC alive (DependencyViolation). */
function deleteVpc(input: DeleteVpcInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  const vpc = requireVpc(ctx, input.VpcId)
  const collections = ec2Collections(ctx)
  const scope = scopeOf(ctx)
  const inVpc = (record: { vpcId: string }) => record.vpcId === vpc.vpcId
  const dependents =
    collections.subnets.list(scope).some(inVpc) ||
    collections.vpcEndpoints.list(scope).some(inVpc) ||
    collections.securityGroups.list(scope).some((group) => inVpc(group) && !group.isDefault)
  if (dependents) throw hasDependencies('vpc', vpc.vpcId)
  collections.securityGroups.delete(scope, vpc.defaultSecurityGroupId)
  collections.vpcs.delete(scope, vpc.vpcId)
  auditVpc(ctx, vpc.vpcId)
  return {}
}

export const vpcHandlers = {
  CreateVpc: createVpc,
  DescribeVpcs: describeVpcs,
  DeleteVpc: deleteVpc,
}
