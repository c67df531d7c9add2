//! Inline policies of roles, users and groups: Put/Get/List/Delete{Role,User,Group}Policy (IAM API Reference), with
//! the per-entity aggregate size quotas: "Maximum policy size of 10240 bytes exceeded for role X".
import type { CallContext } from '../../dispatch/index.js'
import { encodeDocument } from './encode-document.js'
import { GROUP, ROLE, USER, auditResource, requireHolder, saveHolder, type HandlerTable, type HolderKind, type PolicyHolder } from './entities.js'
import { inlinePolicySizeExceeded, noSuchInlinePolicy } from './errors.js'
import { checkName } from './names.js'
import { page, type PagingInput } from './paging.js'
import { checkPermissionsDocument, inlineAggregateSize } from './policy-documents.js'

const AUDIT_TYPE = { role: 'AWS::IAM::Role', user: 'AWS::IAM::User', group: 'AWS::IAM::Group' } as const

/** The stored name of an inline policy; names compare case-insensitively, as IAM names do. */
function storedName(holder: PolicyHolder, policyName: string): string | undefined {
  if (policyName in holder.inlinePolicies) return policyName
  const lower = policyName.toLowerCase()
  return Object.keys(holder.inlinePolicies).find((name) => name.toLowerCase() === lower)
}

function putPolicy<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, policyName: string, document: string) {
  checkName('policyName', policyName)
  const holder = requireHolder(ctx, kind, name)
  checkPermissionsDocument(document, 'identity')
  const existing = storedName(holder, policyName)
  if (inlineAggregateSize(holder.inlinePolicies, existing ?? policyName, document) > kind.inlineSizeLimit) {
    throw inlinePolicySizeExceeded(kind.kind, kind.inlineSizeLimit, kind.nameOf(holder))
  }
  if (existing !== undefined) delete holder.inlinePolicies[existing]
  holder.inlinePolicies[policyName] = document
  saveHolder(ctx, kind, holder)
  auditResource(ctx, AUDIT_TYPE[kind.kind], kind.nameOf(holder), holder.arn)
  return {}
}

function getPolicy<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, policyName: string) {
  const holder = requireHolder(ctx, kind, name)
  const stored = storedName(holder, policyName)
  if (stored === undefined) throw noSuchInlinePolicy(kind.kind, policyName)
  return { name: kind.nameOf(holder), PolicyName: stored, PolicyDocument: encodeDocument(holder.inlinePolicies[stored]!) }
}

function listPolicies<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, input: PagingInput) {
  const holder = requireHolder(ctx, kind, name)
  const names = Object.keys(holder.inlinePolicies).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
  const result = page(names, input, (policyName) => policyName.toLowerCase())
  return { PolicyNames: result.items, IsTruncated: result.IsTruncated, Marker: result.Marker }
}

function deletePolicy<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, policyName: string) {
  const holder = requireHolder(ctx, kind, name)
  const stored = storedName(holder, policyName)
  if (stored === undefined) throw noSuchInlinePolicy(kind.kind, policyName)
  delete holder.inlinePolicies[stored]
  saveHolder(ctx, kind, holder)
  auditResource(ctx, AUDIT_TYPE[kind.kind], kind.nameOf(holder), holder.arn)
  return {}
}

interface RolePolicyInput extends PagingInput {
  RoleName: string
  PolicyName: string
  PolicyDocument: string
}
interface UserPolicyInput extends PagingInput {
  UserName: string
  PolicyName: string
  PolicyDocument: string
}
interface GroupPolicyInput extends PagingInput {
  GroupName: string
  PolicyName: string
  PolicyDocument: string
}

export const inlinePolicyHandlers: HandlerTable = {
  PutRolePolicy: (i: RolePolicyInput, ctx) => putPolicy(ctx, ROLE, i.RoleName, i.PolicyName, i.PolicyDocument),
  GetRolePolicy: (i: RolePolicyInput, ctx) => {
    const { name, ...rest } = getPolicy(ctx, ROLE, i.RoleName, i.PolicyName)
    return { RoleName: name, ...rest }
  },
  ListRolePolicies: (i: RolePolicyInput, ctx) => listPolicies(ctx, ROLE, i.RoleName, i),
  DeleteRolePolicy: (i: RolePolicyInput, ctx) => deletePolicy(ctx, ROLE, i.RoleName, i.PolicyName),
  PutUserPolicy: (i: UserPolicyInput, ctx) => putPolicy(ctx, USER, i.UserName, i.PolicyName, i.PolicyDocument),
  GetUserPolicy: (i: UserPolicyInput, ctx) => {
    const { name, ...rest } = getPolicy(ctx, USER, i.UserName, i.PolicyName)
    return { UserName: name, ...rest }
  },
  ListUserPolicies: (i: UserPolicyInput, ctx) => listPolicies(ctx, USER, i.UserName, i),
  DeleteUserPolicy: (i: UserPolicyInput, ctx) => deletePolicy(ctx, USER, i.UserName, i.PolicyName),
  PutGroupPolicy: (i: GroupPolicyInput, ctx) => putPolicy(ctx, GROUP, i.GroupName, i.PolicyName, i.PolicyDocument),
  GetGroupPolicy: (i: GroupPolicyInput, ctx) => {
    const { name, ...rest } = getPolicy(ctx, GROUP, i.GroupName, i.PolicyName)
    return { GroupName: name, ...rest }
  },
  ListGroupPolicies: (i: GroupPolicyInput, ctx) => listPolicies(ctx, GROUP, i.GroupName, i),
  DeleteGroupPolicy: (i: GroupPolicyInput, ctx) => deletePolicy(ctx, GROUP, i.GroupName, i.PolicyName),
}
