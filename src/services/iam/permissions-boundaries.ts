//! Permissions boundaries of roles and users: one managed policy per entity, named by ARN (IAM User Guide,
//! "Permissions boundaries for IAM entities"); Put/Delete{Role,User}PermissionsBoundary.
import type { CallContext } from '../../dispatch/index.js'
import type { RoleRecord, UserRecord } from '../../store/index.js'
import { ROLE, USER, auditResource, requireHolder, saveHolder, type HandlerTable, type HolderKind } from './entities.js'
import { boundaryNotFound, invalidInput } from './errors.js'
import { findManagedPolicy } from './find-managed-policy.js'
import { parsePolicyArn } from './names.js'

/** The boundary ARN if it names an existing managed policy: "Scope ARN: <arn> does not exist or is not attachable." */
export function checkBoundaryArn(ctx: CallContext, arn: string): string {
  try {
    parsePolicyArn(arn)
  } catch {
    throw invalidInput(`Value (${arn}) for parameter PermissionsBoundary is invalid.`)
  }
  if (!findManagedPolicy(ctx, arn)) throw boundaryNotFound(arn)
  return arn
}

/** The AttachedPermissionsBoundary structure of GetRole / GetUser. */
export function boundaryOutput(arn: string | undefined) {
  return arn ? { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: arn } : undefined
}

function putBoundary<R extends RoleRecord | UserRecord>(ctx: CallContext, holder: HolderKind<R>, name: string, arn: string): Record<string, never> {
  const record = requireHolder(ctx, holder, name)
  record.permissionsBoundaryArn = checkBoundaryArn(ctx, arn)
  saveHolder(ctx, holder, record)
  auditResource(ctx, holder === (ROLE as HolderKind) ? 'AWS::IAM::Role' : 'AWS::IAM::User', holder.nameOf(record), record.arn)
  return {}
}

function deleteBoundary<R extends RoleRecord | UserRecord>(ctx: CallContext, holder: HolderKind<R>, name: string): Record<string, never> {
  const record = requireHolder(ctx, holder, name)
  delete record.permissionsBoundaryArn
  saveHolder(ctx, holder, record)
  auditResource(ctx, holder === (ROLE as HolderKind) ? 'AWS::IAM::Role' : 'AWS::IAM::User', holder.nameOf(record), record.arn)
  return {}
}

export const permissionsBoundaryHandlers: HandlerTable = {
  PutRolePermissionsBoundary: (input: { RoleName: string; PermissionsBoundary: string }, ctx) =>
    putBoundary(ctx, ROLE, input.RoleName, input.PermissionsBoundary),
  DeleteRolePermissionsBoundary: (input: { RoleName: string }, ctx) => deleteBoundary(ctx, ROLE, input.RoleName),
  PutUserPermissionsBoundary: (input: { UserName: string; PermissionsBoundary: string }, ctx) =>
    putBoundary(ctx, USER, input.UserName, input.PermissionsBoundary),
  DeleteUserPermissionsBoundary: (input: { UserName: string }, ctx) => deleteBoundary(ctx, USER, input.UserName),
}
