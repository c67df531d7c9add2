//! Managed policies as one view over the caller's customer managed policies (stored per account) and AWS managed
//! policies (present in every account, never stored), plus where a policy is in use.
import { awsManagedPolicy, type AwsManagedPolicy } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { entityKey, type GroupRecord, type ManagedPolicyRecord, type PolicyVersionRecord, type RoleRecord, type Tag, type UserRecord } from '../../store/index.js'
import { allHolders, policies } from './entities.js'
import { policyNotFound } from './errors.js'
import { parsePolicyArn } from './names.js'

export interface ManagedPolicyView {
  arn: string
  policyName: string
  policyId: string
  path: string
  description?: string
  createDate: string
  updateDate: string
  defaultVersionId: string
  /** Newest first for AWS managed policies; creation order for customer managed ones. */
  versions: PolicyVersionRecord[]
  tags: Tag[]
  /** The stored record, for customer managed policies only. */
  record?: ManagedPolicyRecord
}

/** The policy an ARN names, or undefined; a malformed ARN is "ARN x is not valid." (InvalidInput). */
export function findManagedPolicy(ctx: CallContext, arn: string): ManagedPolicyView | undefined {
  const parts = parsePolicyArn(arn)
  if (parts.account === 'aws') {
    const aws = awsManagedPolicy(arn)
    return aws ? awsView(aws) : undefined
  }
  // Customer managed policies of other accounts are neither visible nor attachable.
  if (parts.account !== ctx.accountId) return undefined
  const record = policies(ctx).get(ctx.accountId, entityKey(parts.name))
  if (!record || record.arn !== arn) return undefined
  return customerView(record)
}

/** The policy or "Policy <arn> was not found." */
export function requireManagedPolicy(ctx: CallContext, arn: string): ManagedPolicyView {
  const view = findManagedPolicy(ctx, arn)
  if (!view) throw policyNotFound(arn)
  return view
}

export function customerView(record: ManagedPolicyRecord): ManagedPolicyView {
  return {
    arn: record.arn,
    policyName: record.policyName,
    policyId: record.policyId,
    path: record.path,
    description: record.description,
    createDate: record.createDate,
    updateDate: record.updateDate,
    defaultVersionId: record.defaultVersionId,
    versions: record.versions,
    tags: record.tags,
    record,
  }
}

export function awsView(policy: AwsManagedPolicy): ManagedPolicyView {
  return {
    arn: policy.arn,
    policyName: policy.policyName,
    policyId: policy.policyId,
    path: policy.path,
    createDate: policy.createDate,
    updateDate: policy.updateDate,
    defaultVersionId: policy.defaultVersionId,
    versions: policy.versions,
    tags: [],
  }
}

export function defaultDocument(view: ManagedPolicyView): string {
  return (view.versions.find((v) => v.versionId === view.defaultVersionId) ?? view.versions[0]!).document
}

export interface PolicyUsage {
  roles: RoleRecord[]
  users: UserRecord[]
  groups: GroupRecord[]
  /** Roles and users that use the policy as their permissions boundary. */
  boundaryRoles: RoleRecord[]
  boundaryUsers: UserRecord[]
}

/** Who in the caller's account has the policy attached, or uses it as a boundary. */
export function policyUsage(ctx: CallContext, arn: string): PolicyUsage {
  const holders = allHolders(ctx)
  return {
    roles: holders.roles.filter((r) => r.attachedPolicyArns.includes(arn)),
    users: holders.users.filter((u) => u.attachedPolicyArns.includes(arn)),
    groups: holders.groups.filter((g) => g.attachedPolicyArns.includes(arn)),
    boundaryRoles: holders.roles.filter((r) => r.permissionsBoundaryArn === arn),
    boundaryUsers: holders.users.filter((u) => u.permissionsBoundaryArn === arn),
  }
}

/** Attachment and boundary counts of every policy in use in the account, computed in one pass. */
export function usageCounts(ctx: CallContext): Map<string, { attachments: number; boundaries: number }> {
  const counts = new Map<string, { attachments: number; boundaries: number }>()
  const entry = (arn: string) => {
    let c = counts.get(arn)
    if (!c) counts.set(arn, (c = { attachments: 0, boundaries: 0 }))
    return c
  }
  const holders = allHolders(ctx)
  for (const holder of [...holders.roles, ...holders.users, ...holders.groups]) {
    for (const arn of holder.attachedPolicyArns) entry(arn).attachments++
  }
  for (const holder of [...holders.roles, ...holders.users]) {
    if (holder.permissionsBoundaryArn) entry(holder.permissionsBoundaryArn).boundaries++
  }
  return counts
}

/** The Policy structure of GetPolicy / CreatePolicy / ListPolicies (ListPolicies omits Description and Tags). */
export function policyOutput(view: ManagedPolicyView, counts: { attachments: number; boundaries: number } | undefined, detail: boolean) {
  return {
    PolicyName: view.policyName,
    PolicyId: view.policyId,
    Arn: view.arn,
    Path: view.path,
    DefaultVersionId: view.defaultVersionId,
    AttachmentCount: counts?.attachments ?? 0,
    PermissionsBoundaryUsageCount: counts?.boundaries ?? 0,
    IsAttachable: true,
    Description: detail ? view.description : undefined,
    CreateDate: view.createDate,
    UpdateDate: view.updateDate,
    Tags: detail && view.tags.length ? view.tags : undefined,
  }
}
