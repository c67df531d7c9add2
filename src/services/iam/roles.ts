//! IAM roles: CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy, DeleteRole,
//! and role tags (IAM API Reference).
import { uniqueId } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { IAM_COLLECTIONS, entityKey, type RoleRecord, type Tag } from '../../store/index.js'
import { encodeDocument } from './encode-document.js'
import { ROLE, auditResource, requireRole, roles, saveHolder, timestamp, type HandlerTable } from './entities.js'
import { deleteConflict, entityAlreadyExists } from './errors.js'
import { checkName, checkPath, entityArn } from './names.js'
import { page, type PagingInput } from './paging.js'
import { boundaryOutput, checkBoundaryArn } from './permissions-boundaries.js'
import { checkTags, listTags, mergeTags, removeTags, tagsOutput } from './tags.js'
import { checkTrustPolicy, displayedTrustPolicy } from './trust-policy.js'

/** MaxSessionDuration defaults to one hour (IAM API Reference, CreateRole). */
export const DEFAULT_MAX_SESSION_DURATION = 3_600

interface CreateRoleInput {
  RoleName: string
  AssumeRolePolicyDocument: string
  Path?: string
  Description?: string
  MaxSessionDuration?: number
  PermissionsBoundary?: string
  Tags?: Tag[]
}

/** The Role structure; ListRoles leaves out tags, boundary and last use, as IAM does. */
export function roleOutput(ctx: CallContext, role: RoleRecord, shape: 'full' | 'created' | 'listed') {
  const full = shape === 'full'
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: role.createDate,
    AssumeRolePolicyDocument: encodeDocument(displayedTrustPolicy(ctx, role)),
    Description: role.description,
    MaxSessionDuration: shape === 'created' ? undefined : role.maxSessionDuration,
    PermissionsBoundary: shape === 'listed' ? undefined : boundaryOutput(role.permissionsBoundaryArn),
    Tags: shape === 'listed' ? undefined : tagsOutput(role.tags),
    RoleLastUsed: full ? { LastUsedDate: role.roleLastUsed?.lastUsedDate, Region: role.roleLastUsed?.region } : undefined,
  }
}

function createRole(input: CreateRoleInput, ctx: CallContext) {
  checkName('roleName', input.RoleName)
  const path = checkPath(input.Path)
  const collection = roles(ctx)
  if (collection.get(ctx.accountId, entityKey(input.RoleName))) throw entityAlreadyExists('role', input.RoleName)
  const trustPrincipalIds = checkTrustPolicy(ctx, input.AssumeRolePolicyDocument)
  const tags = checkTags(input.Tags)
  const role: RoleRecord = {
    accountId: ctx.accountId,
    roleName: input.RoleName,
    roleId: uniqueId('AROA'),
    arn: entityArn(ctx.accountId, 'role', path, input.RoleName),
    path,
    createDate: timestamp(ctx),
    assumeRolePolicyDocument: input.AssumeRolePolicyDocument,
    trustPrincipalIds,
    description: input.Description,
    maxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
    permissionsBoundaryArn: input.PermissionsBoundary === undefined ? undefined : checkBoundaryArn(ctx, input.PermissionsBoundary),
    tags,
    inlinePolicies: {},
    attachedPolicyArns: [],
  }
  collection.put(ctx.accountId, entityKey(role.roleName), role)
  ctx.store.documents.collection<{ kind: string; name: string }>(IAM_COLLECTIONS.uniqueIds).put(ctx.accountId, role.roleId, { kind: 'role', name: role.roleName })
  auditResource(ctx, 'AWS::IAM::Role', role.roleName, role.arn)
  return { Role: roleOutput(ctx, role, 'created') }
}

function getRole(input: { RoleName: string }, ctx: CallContext) {
  return { Role: roleOutput(ctx, requireRole(ctx, input.RoleName), 'full') }
}

function listRoles(input: PagingInput & { PathPrefix?: string }, ctx: CallContext) {
  const prefix = input.PathPrefix ?? '/'
  const matching = roles(ctx)
    .list(ctx.accountId)
    .filter((role) => role.path.startsWith(prefix))
  const result = page(matching, input, (role) => entityKey(role.roleName))
  return { Roles: result.items.map((role) => roleOutput(ctx, role, 'listed')), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

function updateRole(input: { RoleName: string; Description?: string; MaxSessionDuration?: number }, ctx: CallContext) {
  const role = requireRole(ctx, input.RoleName)
  if (input.Description !== undefined) role.description = input.Description
  if (input.MaxSessionDuration !== undefined) role.maxSessionDuration = input.MaxSessionDuration
  saveRole(ctx, role)
  return {}
}

function updateRoleDescription(input: { RoleName: string; Description: string }, ctx: CallContext) {
  const role = requireRole(ctx, input.RoleName)
  role.description = input.Description
  saveRole(ctx, role)
  return { Role: roleOutput(ctx, role, 'full') }
}

function updateAssumeRolePolicy(input: { RoleName: string; PolicyDocument: string }, ctx: CallContext) {
  const role = requireRole(ctx, input.RoleName)
  role.trustPrincipalIds = checkTrustPolicy(ctx, input.PolicyDocument)
  role.assumeRolePolicyDocument = input.PolicyDocument
  saveRole(ctx, role)
  return {}
}

/** A role must have no inline or attached policies left (IAM API Reference, DeleteRole). */
function deleteRole(input: { RoleName: string }, ctx: CallContext) {
  const role = requireRole(ctx, input.RoleName)
  if (role.attachedPolicyArns.length) throw deleteConflict('Cannot delete entity, must detach all policies first.')
  if (Object.keys(role.inlinePolicies).length) throw deleteConflict('Cannot delete entity, must delete policies first.')
  roles(ctx).delete(ctx.accountId, entityKey(role.roleName))
  ctx.store.documents.collection(IAM_COLLECTIONS.uniqueIds).delete(ctx.accountId, role.roleId)
  auditResource(ctx, 'AWS::IAM::Role', role.roleName, role.arn)
  return {}
}

function tagRole(input: { RoleName: string; Tags: Tag[] }, ctx: CallContext) {
  const role = requireRole(ctx, input.RoleName)
  role.tags = mergeTags(role.tags, input.Tags, 'TagsPerRole')
  saveRole(ctx, role)
  return {}
}

function untagRole(input: { RoleName: string; TagKeys: string[] }, ctx: CallContext) {
  const role = requireRole(ctx, input.RoleName)
  role.tags = removeTags(role.tags, input.TagKeys)
  saveRole(ctx, role)
  return {}
}

function listRoleTags(input: PagingInput & { RoleName: string }, ctx: CallContext) {
  return listTags(requireRole(ctx, input.RoleName).tags, input)
}

function saveRole(ctx: CallContext, role: RoleRecord): void {
  saveHolder(ctx, ROLE, role)
  auditResource(ctx, 'AWS::IAM::Role', role.roleName, role.arn)
}

export const roleHandlers: HandlerTable = {
  CreateRole: createRole,
  GetRole: getRole,
  ListRoles: listRoles,
  UpdateRole: updateRole,
  UpdateRoleDescription: updateRoleDescription,
  UpdateAssumeRolePolicy: updateAssumeRolePolicy,
  DeleteRole: deleteRole,
  TagRole: tagRole,
  UntagRole: untagRole,
  ListRoleTags: listRoleTags,
}
