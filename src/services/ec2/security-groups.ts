//! Security groups, minimal: each VPC's `default` group, CreateSecurityGroup, DescribeSecurityGroups,
//! DeleteSecurityGroup (Amazon EC2 API Reference). Rules are not modelled beyond the defaults EC2 sets
//! (all egress; the default group also admits its own members). Calls that name no VPC (CreateSecurityGroup without
//! VpcId, GroupNames, GroupName) use the account's default VPC.
import type { CallContext } from '../../dispatch/index.js'
import type { Ec2Tag, SecurityGroupRecord } from '../../store/index.js'
import {
  cannotDeleteDefaultGroup,
  dryRunOperation,
  groupDuplicate,
  groupHasDependents,
  groupNotInDefaultVpc,
  groupReserved,
  ID_KINDS,
  invalidParameterValue,
  missingParameter,
  noDefaultVpc,
} from './errors.js'
import { defaultVpcOf, groupInDefaultVpc } from './default-vpc.js'
import { checkFilterNames, matchesFilters, type Filter } from './filters.js'
import { ec2Id } from './ids.js'
import { pageOf } from './paging.js'
import { ec2Arn, ec2Collections, requireSecurityGroup, requireVpc, resolveIds, scopeOf } from './records.js'
import { requestedTags, tagsOutput, type TagSpecification } from './tags.js'

interface CreateSecurityGroupInput {
  GroupName: string
  Description: string
  VpcId?: string
  TagSpecifications?: TagSpecification[]
  DryRun?: boolean
}

interface DescribeSecurityGroupsInput {
  GroupIds?: string[]
  GroupNames?: string[]
  Filters?: Filter[]
  NextToken?: string
  MaxResults?: number
  DryRun?: boolean
}

interface DeleteSecurityGroupInput {
  GroupId?: string
  GroupName?: string
  DryRun?: boolean
}

export function auditSecurityGroup(ctx: CallContext, groupId: string): void {
  ctx.audit.resources.push({ ARN: ec2Arn(ctx, 'security-group', groupId), type: 'AWS::EC2::SecurityGroup', name: groupId })
}

export function createSecurityGroupRecord(
  ctx: CallContext,
  options: { vpcId: string; groupName: string; description: string; isDefault: boolean; tags: Ec2Tag[] },
): SecurityGroupRecord {
  const group: SecurityGroupRecord = {
    groupId: ec2Id('sg'),
    groupName: options.groupName,
    description: options.description,
    vpcId: options.vpcId,
    ownerId: ctx.accountId,
    region: ctx.region,
    isDefault: options.isDefault,
    tags: options.tags,
  }
  ec2Collections(ctx).securityGroups.put(scopeOf(ctx), group.groupId, group)
  return group
}

/** The group a GroupNames / GroupName entry names: the default VPC's group of that name. */
function requireGroupInDefaultVpc(ctx: CallContext, name: string): SecurityGroupRecord {
  const group = groupInDefaultVpc(ctx, name)
  if (!group) throw groupNotInDefaultVpc(name, defaultVpcOf(ctx))
  return group
}

function securityGroupOutput(ctx: CallContext, group: SecurityGroupRecord) {
  const allTraffic = { IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }
  return {
    GroupId: group.groupId,
    GroupName: group.groupName,
    Description: group.description,
    VpcId: group.vpcId,
    OwnerId: group.ownerId,
    SecurityGroupArn: ec2Arn(ctx, 'security-group', group.groupId),
    IpPermissions: group.isDefault ? [{ ...allTraffic, UserIdGroupPairs: [{ GroupId: group.groupId, UserId: group.ownerId }] }] : [],
    IpPermissionsEgress: [{ ...allTraffic, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    Tags: tagsOutput(group.tags),
  }
}

function createSecurityGroup(input: CreateSecurityGroupInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  // Without VpcId the group goes to the default VPC (API Reference, CreateSecurityGroup "VpcId").
  const vpcId = input.VpcId ?? defaultVpcOf(ctx)
  if (vpcId === undefined) throw noDefaultVpc()
  if (input.GroupName === 'default') throw groupReserved()
  if (input.GroupName.startsWith('sg-')) throw invalidParameterValue(`Value (${input.GroupName}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`)
  if (input.GroupName === '') throw missingParameter('The request must contain the parameter groupName')
  const vpc = requireVpc(ctx, vpcId)
  const taken = ec2Collections(ctx)
    .securityGroups.list(scopeOf(ctx))
    .some((group) => group.vpcId === vpc.vpcId && group.groupName === input.GroupName)
  if (taken) throw groupDuplicate(input.GroupName, vpc.vpcId)
  const tags = requestedTags(input.TagSpecifications, 'security-group')
  const group = createSecurityGroupRecord(ctx, { vpcId: vpc.vpcId, groupName: input.GroupName, description: input.Description, isDefault: false, tags })
  auditSecurityGroup(ctx, group.groupId)
  return { GroupId: group.groupId, Tags: tagsOutput(tags), SecurityGroupArn: ec2Arn(ctx, 'security-group', group.groupId) }
}

const GROUP_FILTERS = (group?: SecurityGroupRecord) => ({
  'group-id': group?.groupId,
  'group-name': group?.groupName,
  description: group?.description,
  'vpc-id': group?.vpcId,
  'owner-id': group?.ownerId,
})

function describeSecurityGroups(input: DescribeSecurityGroupsInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  checkFilterNames(input.Filters, GROUP_FILTERS())
  const groups = ec2Collections(ctx).securityGroups
  const named = input.GroupIds?.length || input.GroupNames?.length
  const selected = named
    ? [
        ...resolveIds(ID_KINDS.securityGroup, input.GroupIds ?? [], (id) => groups.get(scopeOf(ctx), id)),
        ...(input.GroupNames ?? []).map((name) => requireGroupInDefaultVpc(ctx, name)),
      ].filter((group, index, all) => all.findIndex((other) => other.groupId === group.groupId) === index)
    : groups.list(scopeOf(ctx))
  const matching = selected.filter((group) => matchesFilters(input.Filters, GROUP_FILTERS(group), group.tags))
  const page = pageOf(matching, input, (group) => group.groupId)
  return { SecurityGroups: page.items.map((group) => securityGroupOutput(ctx, group)), NextToken: page.NextToken }
}

function deleteSecurityGroup(input: DeleteSecurityGroupInput, ctx: CallContext) {
  if (input.DryRun) throw dryRunOperation()
  if (input.GroupId === undefined && input.GroupName === undefined) throw missingParameter('The request must contain the parameter groupName or groupId')
  const group = input.GroupId !== undefined ? requireSecurityGroup(ctx, input.GroupId) : requireGroupInDefaultVpc(ctx, input.GroupName!)
  if (group.isDefault) throw cannotDeleteDefaultGroup(group.groupId)
  const inUse = ec2Collections(ctx)
    .vpcEndpoints.list(scopeOf(ctx))
    .some((endpoint) => endpoint.securityGroupIds.includes(group.groupId))
  if (inUse) throw groupHasDependents(group.groupId)
  ec2Collections(ctx).securityGroups.delete(scopeOf(ctx), group.groupId)
  auditSecurityGroup(ctx, group.groupId)
  return { Return: true, GroupId: group.groupId }
}

export const securityGroupHandlers = {
  CreateSecurityGroup: createSecurityGroup,
  DescribeSecurityGroups: describeSecurityGroups,
  DeleteSecurityGroup: deleteSecurityGroup,
}
