//! IAM's stored entities for one call: typed collections and the lookups that answer AWS's NoSuchEntity.
import type { CallContext } from '../../dispatch/index.js'
import {
  IAM_COLLECTIONS,
  entityKey,
  type AccessKeyRecord,
  type Collection,
  type GroupRecord,
  type ManagedPolicyRecord,
  type RoleRecord,
  type UserRecord,
} from '../../store/index.js'
import { noSuchEntity, userNameRequired, type EntityKind } from './errors.js'

export type PolicyHolder = RoleRecord | UserRecord | GroupRecord

/** What differs between roles, users and groups when they hold policies (IAM User Guide, "IAM and AWS STS quotas"). */
export interface HolderKind<R extends PolicyHolder = PolicyHolder> {
  kind: EntityKind
  collection: string
  /** Aggregate size of all inline policies, counted without whitespace. */
  inlineSizeLimit: number
  /** LimitExceeded quota name for managed policies attached. */
  attachQuota: 'PoliciesPerRole' | 'PoliciesPerUser' | 'PoliciesPerGroup'
  nameOf(record: R): string
}

export const ROLE: HolderKind<RoleRecord> = {
  kind: 'role',
  collection: IAM_COLLECTIONS.roles,
  inlineSizeLimit: 10_240,
  attachQuota: 'PoliciesPerRole',
  nameOf: (r) => r.roleName,
}
export const USER: HolderKind<UserRecord> = {
  kind: 'user',
  collection: IAM_COLLECTIONS.users,
  inlineSizeLimit: 2_048,
  attachQuota: 'PoliciesPerUser',
  nameOf: (r) => r.userName,
}
export const GROUP: HolderKind<GroupRecord> = {
  kind: 'group',
  collection: IAM_COLLECTIONS.groups,
  inlineSizeLimit: 5_120,
  attachQuota: 'PoliciesPerGroup',
  nameOf: (r) => r.groupName,
}

/** Managed policies attached per role, user or group: 10 by default (IAM quotas). */
export const ATTACHED_POLICIES_LIMIT = 10

export function collectionOf<R extends PolicyHolder>(ctx: CallContext, holder: HolderKind<R>): Collection<R> {
  return ctx.store.documents.collection<R>(holder.collection)
}

export function roles(ctx: CallContext): Collection<RoleRecord> {
  return collectionOf(ctx, ROLE)
}
export function users(ctx: CallContext): Collection<UserRecord> {
  return collectionOf(ctx, USER)
}
export function groups(ctx: CallContext): Collection<GroupRecord> {
  return collectionOf(ctx, GROUP)
}
export function policies(ctx: CallContext): Collection<ManagedPolicyRecord> {
  return ctx.store.documents.collection<ManagedPolicyRecord>(IAM_COLLECTIONS.policies)
}
export function accessKeys(ctx: CallContext): Collection<AccessKeyRecord> {
  return ctx.store.documents.collection<AccessKeyRecord>(IAM_COLLECTIONS.accessKeys)
}

/** The entity named in the caller's account (names are case-insensitive), or AWS's NoSuchEntity. */
export function requireHolder<R extends PolicyHolder>(ctx: CallContext, holder: HolderKind<R>, name: string): R {
  const record = collectionOf(ctx, holder).get(ctx.accountId, entityKey(name))
  if (!record) throw noSuchEntity(holder.kind, name)
  return record
}

export function requireRole(ctx: CallContext, name: string): RoleRecord {
  return requireHolder(ctx, ROLE, name)
}
export function requireUser(ctx: CallContext, name: string): UserRecord {
  return requireHolder(ctx, USER, name)
}
export function requireGroup(ctx: CallContext, name: string): GroupRecord {
  return requireHolder(ctx, GROUP, name)
}

export function saveHolder<R extends PolicyHolder>(ctx: CallContext, holder: HolderKind<R>, record: R): void {
  collectionOf(ctx, holder).put(record.accountId, entityKey(holder.nameOf(record)), record)
}

/**
 * The user an operation with an optional UserName acts on: the named one, else the calling IAM user
 * (IAM API Reference, GetUser: "If you do not specify a user name, IAM determines the user name implicitly
 * based on the AWS access key ID used to sign the request").
 */
export function targetUserName(ctx: CallContext, userName: string | undefined): string {
  if (userName !== undefined) return userName
  if (ctx.principal.type === 'IAMUser') return ctx.principal.userName
  throw userNameRequired()
}

/** Every role, user and group of the caller's account, for attachment counts and ListEntitiesForPolicy. */
export function allHolders(ctx: CallContext): { roles: RoleRecord[]; users: UserRecord[]; groups: GroupRecord[] } {
  return { roles: roles(ctx).list(ctx.accountId), users: users(ctx).list(ctx.accountId), groups: groups(ctx).list(ctx.accountId) }
}

/** Records the entity in CloudTrail's resources[] so LookupEvents by ResourceName finds the call. */
export function auditResource(ctx: CallContext, type: 'AWS::IAM::Role' | 'AWS::IAM::User' | 'AWS::IAM::Group' | 'AWS::IAM::Policy' | 'AWS::IAM::AccessKey', name: string, arn?: string): void {
  ctx.audit.resources.push({ ARN: arn, type, name })
}

/** IAM's timestamps have whole seconds: 2024-05-01T12:00:00Z. */
export function timestamp(ctx: CallContext): string {
  return ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Handlers of one resource group, by operation name; index.ts pairs them with their authorization. */
export type HandlerTable = Record<string, (input: any, ctx: CallContext) => unknown>
