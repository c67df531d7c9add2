//! Managed policies attached to roles, users and groups: Attach/Detach{Role,User,Group}Policy,
//! ListAttached{Role,User,Group}Policies and ListEntitiesForPolicy (IAM API Reference). At most 10 per entity.
import type { CallContext } from '../../dispatch/index.js'
import { entityKey } from '../../store/index.js'
import {
  ATTACHED_POLICIES_LIMIT,
  GROUP,
  ROLE,
  USER,
  auditResource,
  requireHolder,
  saveHolder,
  type HandlerTable,
  type HolderKind,
  type PolicyHolder,
} from './entities.js'
import { policyNotAttachable, policyNotFound, quotaExceeded } from './errors.js'
import { findManagedPolicy, policyUsage, requireManagedPolicy } from './find-managed-policy.js'
import { parsePolicyArn } from './names.js'
import { page, type PagingInput } from './paging.js'

const AUDIT_TYPE = { role: 'AWS::IAM::Role', user: 'AWS::IAM::User', group: 'AWS::IAM::Group' } as const

function attach<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, policyArn: string) {
  const holder = requireHolder(ctx, kind, name)
  if (!findManagedPolicy(ctx, policyArn)) throw policyNotAttachable(policyArn)
  if (!holder.attachedPolicyArns.includes(policyArn)) {
    if (holder.attachedPolicyArns.length >= ATTACHED_POLICIES_LIMIT) throw quotaExceeded(kind.attachQuota, ATTACHED_POLICIES_LIMIT)
    holder.attachedPolicyArns.push(policyArn)
    saveHolder(ctx, kind, holder)
  }
  auditResource(ctx, AUDIT_TYPE[kind.kind], kind.nameOf(holder), holder.arn)
  auditResource(ctx, 'AWS::IAM::Policy', parsePolicyArn(policyArn).name, policyArn)
  return {}
}

/** Detaching a policy that is not attached is "Policy <arn> was not found." */
function detach<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, policyArn: string) {
  const holder = requireHolder(ctx, kind, name)
  parsePolicyArn(policyArn)
  if (!holder.attachedPolicyArns.includes(policyArn)) throw policyNotFound(policyArn)
  holder.attachedPolicyArns = holder.attachedPolicyArns.filter((arn) => arn !== policyArn)
  saveHolder(ctx, kind, holder)
  auditResource(ctx, AUDIT_TYPE[kind.kind], kind.nameOf(holder), holder.arn)
  auditResource(ctx, 'AWS::IAM::Policy', parsePolicyArn(policyArn).name, policyArn)
  return {}
}

/** The AttachedPolicy structures of an entity, in attachment order, filtered by the policies' path. */
export function attachedPolicies(arns: readonly string[], pathPrefix = '/') {
  return arns
    .map((arn) => ({ arn, parts: parsePolicyArn(arn) }))
    .filter(({ parts }) => parts.path.startsWith(pathPrefix))
    .map(({ arn, parts }) => ({ PolicyName: parts.name, PolicyArn: arn }))
}

function listAttached<R extends PolicyHolder>(ctx: CallContext, kind: HolderKind<R>, name: string, input: PagingInput & { PathPrefix?: string }) {
  const holder = requireHolder(ctx, kind, name)
  const indexed = attachedPolicies(holder.attachedPolicyArns, input.PathPrefix).map((policy, index) => ({ policy, key: String(index).padStart(4, '0') }))
  const result = page(indexed, input, (entry) => entry.key)
  return { AttachedPolicies: result.items.map((entry) => entry.policy), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

interface ListEntitiesInput extends PagingInput {
  PolicyArn: string
  EntityFilter?: 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy'
  PathPrefix?: string
  PolicyUsageFilter?: 'PermissionsPolicy' | 'PermissionsBoundary'
}

type Entity = { type: 'group' | 'user' | 'role'; name: string; id: string; path: string }

/** Groups, users and roles that use the policy, as a permissions policy or (with the filter) as a boundary. */
function listEntitiesForPolicy(input: ListEntitiesInput, ctx: CallContext) {
  const view = requireManagedPolicy(ctx, input.PolicyArn)
  const usage = policyUsage(ctx, view.arn)
  const byUsage = input.PolicyUsageFilter
  const entities: Entity[] = []
  if (byUsage !== 'PermissionsBoundary') {
    entities.push(...usage.groups.map((g) => ({ type: 'group' as const, name: g.groupName, id: g.groupId, path: g.path })))
    entities.push(...usage.users.map((u) => ({ type: 'user' as const, name: u.userName, id: u.userId, path: u.path })))
    entities.push(...usage.roles.map((r) => ({ type: 'role' as const, name: r.roleName, id: r.roleId, path: r.path })))
  }
  if (byUsage === 'PermissionsBoundary' || byUsage === undefined) {
    const known = new Set(entities.map((e) => e.id))
    for (const u of usage.boundaryUsers) if (!known.has(u.userId)) entities.push({ type: 'user', name: u.userName, id: u.userId, path: u.path })
    for (const r of usage.boundaryRoles) if (!known.has(r.roleId)) entities.push({ type: 'role', name: r.roleName, id: r.roleId, path: r.path })
  }
  const wanted = input.EntityFilter === 'User' ? 'user' : input.EntityFilter === 'Role' ? 'role' : input.EntityFilter === 'Group' ? 'group' : undefined
  const order = { group: 0, user: 1, role: 2 }
  const matching = entities
    .filter((e) => (wanted ? e.type === wanted : true))
    .filter((e) => e.path.startsWith(input.PathPrefix ?? '/'))
    .sort((a, b) => (entityListKey(a, order) < entityListKey(b, order) ? -1 : 1))
  const result = page(matching, input, (e) => entityListKey(e, order))
  const of = (type: Entity['type']) => result.items.filter((e) => e.type === type)
  return {
    PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
    PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.id })),
    PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
    IsTruncated: result.IsTruncated,
    Marker: result.Marker,
  }
}

function entityListKey(entity: Entity, order: Record<Entity['type'], number>): string {
  return `${order[entity.type]}\u0000${entityKey(entity.name)}`
}

interface AttachInput extends PagingInput {
  RoleName: string
  UserName: string
  GroupName: string
  PolicyArn: string
  PathPrefix?: string
}

export const attachmentHandlers: HandlerTable = {
  AttachRolePolicy: (i: AttachInput, ctx) => attach(ctx, ROLE, i.RoleName, i.PolicyArn),
  DetachRolePolicy: (i: AttachInput, ctx) => detach(ctx, ROLE, i.RoleName, i.PolicyArn),
  ListAttachedRolePolicies: (i: AttachInput, ctx) => listAttached(ctx, ROLE, i.RoleName, i),
  AttachUserPolicy: (i: AttachInput, ctx) => attach(ctx, USER, i.UserName, i.PolicyArn),
  DetachUserPolicy: (i: AttachInput, ctx) => detach(ctx, USER, i.UserName, i.PolicyArn),
  ListAttachedUserPolicies: (i: AttachInput, ctx) => listAttached(ctx, USER, i.UserName, i),
  AttachGroupPolicy: (i: AttachInput, ctx) => attach(ctx, GROUP, i.GroupName, i.PolicyArn),
  DetachGroupPolicy: (i: AttachInput, ctx) => detach(ctx, GROUP, i.GroupName, i.PolicyArn),
  ListAttachedGroupPolicies: (i: AttachInput, ctx) => listAttached(ctx, GROUP, i.GroupName, i),
  ListEntitiesForPolicy: listEntitiesForPolicy,
}
