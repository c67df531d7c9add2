//! GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with their policies,
//! for audits (IAM API Reference). AWS managed policies appear when something in the account uses them.
import { awsManagedPolicies } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { entityKey, type GroupRecord, type RoleRecord, type UserRecord } from '../../store/index.js'
import { attachedPolicies } from './attachments.js'
import { encodeDocument } from './encode-document.js'
import { allHolders, policies, type HandlerTable } from './entities.js'
import { awsView, customerView, usageCounts, type ManagedPolicyView } from './find-managed-policy.js'
import { page, type PagingInput } from './paging.js'
import { boundaryOutput } from './permissions-boundaries.js'
import { tagsOutput } from './tags.js'
import { displayedTrustPolicy } from './trust-policy.js'

type EntityType = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy'

type Item =
  | { type: 'User'; key: string; user: UserRecord }
  | { type: 'Group'; key: string; group: GroupRecord }
  | { type: 'Role'; key: string; role: RoleRecord }
  | { type: 'LocalManagedPolicy' | 'AWSManagedPolicy'; key: string; policy: ManagedPolicyView }

function inlineList(inline: Record<string, string>) {
  return Object.entries(inline).map(([PolicyName, document]) => ({ PolicyName, PolicyDocument: encodeDocument(document) }))
}

function getAccountAuthorizationDetails(input: PagingInput & { Filter?: EntityType[] }, ctx: CallContext) {
  const wanted = new Set<EntityType>(input.Filter?.length ? input.Filter : ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'])
  const holders = allHolders(ctx)
  const counts = usageCounts(ctx)
  const items: Item[] = []
  if (wanted.has('User')) items.push(...holders.users.map((user) => ({ type: 'User' as const, key: `1${entityKey(user.userName)}`, user })))
  if (wanted.has('Group')) items.push(...holders.groups.map((group) => ({ type: 'Group' as const, key: `2${entityKey(group.groupName)}`, group })))
  if (wanted.has('Role')) items.push(...holders.roles.map((role) => ({ type: 'Role' as const, key: `3${entityKey(role.roleName)}`, role })))
  if (wanted.has('LocalManagedPolicy')) {
    for (const record of policies(ctx).list(ctx.accountId)) {
      items.push({ type: 'LocalManagedPolicy', key: `4${entityKey(record.policyName)}`, policy: customerView(record) })
    }
  }
  if (wanted.has('AWSManagedPolicy')) {
    for (const policy of awsManagedPolicies()) {
      if (!counts.has(policy.arn)) continue
      items.push({ type: 'AWSManagedPolicy', key: `5${policy.policyName.toLowerCase()}\u0000${policy.arn}`, policy: awsView(policy) })
    }
  }
  items.sort((a, b) => (a.key < b.key ? -1 : 1))
  const result = page(items, input, (item) => item.key)
  const output = {
    UserDetailList: [] as unknown[],
    GroupDetailList: [] as unknown[],
    RoleDetailList: [] as unknown[],
    Policies: [] as unknown[],
    IsTruncated: result.IsTruncated,
    Marker: result.Marker,
  }
  for (const item of result.items) {
    if (item.type === 'User') output.UserDetailList.push(userDetail(item.user))
    else if (item.type === 'Group') output.GroupDetailList.push(groupDetail(item.group))
    else if (item.type === 'Role') output.RoleDetailList.push(roleDetail(ctx, item.role))
    else output.Policies.push(policyDetail(item.policy, counts.get(item.policy.arn)))
  }
  return output
}

function userDetail(user: UserRecord) {
  return {
    Path: user.path,
    UserName: user.userName,
    UserId: user.userId,
    Arn: user.arn,
    CreateDate: user.createDate,
    UserPolicyList: inlineList(user.inlinePolicies),
    GroupList: [...user.groupNames],
    AttachedManagedPolicies: attachedPolicies(user.attachedPolicyArns),
    PermissionsBoundary: boundaryOutput(user.permissionsBoundaryArn),
    Tags: tagsOutput(user.tags),
  }
}

function groupDetail(group: GroupRecord) {
  return {
    Path: group.path,
    GroupName: group.groupName,
    GroupId: group.groupId,
    Arn: group.arn,
    CreateDate: group.createDate,
    GroupPolicyList: inlineList(group.inlinePolicies),
    AttachedManagedPolicies: attachedPolicies(group.attachedPolicyArns),
  }
}

function roleDetail(ctx: CallContext, role: RoleRecord) {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodeDocument(displayedTrustPolicy(ctx, role)),
    // Instance profiles are not modelled by taskrole.
    InstanceProfileList: [],
    RolePolicyList: inlineList(role.inlinePolicies),
    AttachedManagedPolicies: attachedPolicies(role.attachedPolicyArns),
    PermissionsBoundary: boundaryOutput(role.permissionsBoundaryArn),
    Tags: tagsOutput(role.tags),
    RoleLastUsed: { LastUsedDate: role.roleLastUsed?.lastUsedDate, Region: role.roleLastUsed?.region },
  }
}

function policyDetail(policy: ManagedPolicyView, counts: { attachments: number; boundaries: number } | undefined) {
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: counts?.attachments ?? 0,
    PermissionsBoundaryUsageCount: counts?.boundaries ?? 0,
    IsAttachable: true,
    Description: policy.description,
    CreateDate: policy.createDate,
    UpdateDate: policy.updateDate,
    PolicyVersionList: policy.versions.map((v) => ({
      Document: encodeDocument(v.document),
      VersionId: v.versionId,
      IsDefaultVersion: v.versionId === policy.defaultVersionId,
      CreateDate: v.createDate,
    })),
  }
}

export const accountAuthorizationDetailsHandlers: HandlerTable = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
}
