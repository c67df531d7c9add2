//! What AssumeRole asks of the policy engine: sts:AssumeRole on the role, judged by its trust policy (and, across
//! accounts, by the caller's identity policies too), plus sts:TagSession when session tags reach the new session and
//! sts:SetSourceIdentity when a source identity is set (IAM User Guide, "Pass session tags in AWS STS" and
//! "Monitor and control actions taken with assumed roles"), with STS's condition keys in the request context.
import type { Principal } from '../../auth/index.js'
import { findRoleByArn, roleTrustRequirement, type AuthorizationRequirement, type CallContext } from '../../dispatch/index.js'
import type { ContextValue } from '../../engine/index.js'
import { invalidRoleArn, mfaFailed, rootCannotAssumeRoles } from './errors.js'
import { sessionTagContext, sessionTags, type SessionTagInput } from './session-tags.js'
import type { SessionPolicyInput } from './session-policies.js'

export interface AssumeRoleInput extends SessionTagInput, SessionPolicyInput {
  RoleArn: string
  RoleSessionName: string
  DurationSeconds?: number
  ExternalId?: string
  SerialNumber?: string
  TokenCode?: string
  SourceIdentity?: string
}

/** Anything shaped like an ARN gets as far as the trust check; anything else is a ValidationError. */
const ARN_SHAPE = /^arn:[^:]+:[^:]+:[^:]*:[^:]*:[^:]+$/

/** A role that does not exist trusts nobody: AWS answers AccessDenied, not NoSuchEntity, so that callers cannot
 *  probe for roles in other accounts. */
const TRUSTS_NOBODY = '{"Version":"2012-10-17","Statement":[]}'

export function assumeRoleAuthorization(input: AssumeRoleInput, ctx: CallContext): AuthorizationRequirement[] {
  if (ctx.principal.type === 'Root') throw rootCannotAssumeRoles()
  if (!ARN_SHAPE.test(input.RoleArn)) throw invalidRoleArn(input.RoleArn)
  // taskrole has no MFA devices, so any code presented is one AWS would reject.
  if (input.SerialNumber !== undefined || input.TokenCode !== undefined) throw mfaFailed()
  const tags = sessionTags(input, ctx.principal)
  const context = assumeRoleContext(input, ctx.principal)
  Object.assign(context, sessionTagContext(tags, input))
  const role = findRoleByArn(ctx.store, input.RoleArn)
  if (!role) return [trustsNobody(input.RoleArn, context)]
  // Recorded here so that denied attempts are found by ResourceName too.
  ctx.audit.resources.push({ ARN: role.arn, type: 'AWS::IAM::Role', name: role.roleName })
  const requirements = [roleTrustRequirement(role, 'sts:AssumeRole', context)]
  if (tags.tagging) requirements.push(roleTrustRequirement(role, 'sts:TagSession', context))
  if (input.SourceIdentity !== undefined) requirements.push(roleTrustRequirement(role, 'sts:SetSourceIdentity', context))
  return requirements
}

/** sts:RoleSessionName, sts:ExternalId and sts:SourceIdentity (IAM User Guide, "Available keys for AWS STS"). */
function assumeRoleContext(input: AssumeRoleInput, caller: Principal): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = { 'sts:RoleSessionName': input.RoleSessionName }
  if (input.ExternalId !== undefined) context['sts:ExternalId'] = input.ExternalId
  const sourceIdentity = input.SourceIdentity ?? (caller.type === 'AWSService' ? undefined : caller.session?.sourceIdentity)
  if (sourceIdentity !== undefined) context['sts:SourceIdentity'] = sourceIdentity
  return context
}

function trustsNobody(roleArn: string, context: Record<string, ContextValue>): AuthorizationRequirement {
  const account = roleArn.split(':')[4]
  return {
    action: 'sts:AssumeRole',
    resource: roleArn,
    resourceAccount: account || undefined,
    context,
    resourcePolicy: { id: roleArn, document: TRUSTS_NOBODY, type: 'Role Trust Policy', mustGrant: true },
  }
}
