//! AssumeRole: a role session for the caller, once the trust policy (and across accounts the caller's own policies)
//! allowed it (STS API Reference, AssumeRole). Also how the embedded ECS agent gets task and execution role
//! credentials, calling as the service principal ecs-tasks.amazonaws.com.
import { assumedRoleArn } from '../../aws/index.js'
import { principalArn, type AssumedRolePrincipal } from '../../auth/index.js'
import { findRoleByArn, type CallContext } from '../../dispatch/index.js'
import { IAM_COLLECTIONS, entityKey, type RoleRecord } from '../../store/index.js'
import type { AssumeRoleInput } from './assume-role-authorization.js'
import { notAuthorizedToAssume } from './errors.js'
import { credentialsAuditView, issueSessionCredentials, sessionExpiry } from './session-credentials.js'
import { assumeRoleDuration, isRoleChaining } from './session-duration.js'
import { packedPolicySize, policyArns, resolveSessionPolicies } from './session-policies.js'
import { sessionTags } from './session-tags.js'

export function assumeRole(input: AssumeRoleInput, ctx: CallContext) {
  const caller = ctx.principal
  const role = findRoleByArn(ctx.store, input.RoleArn)
  // Reached only when enforcement let a denial through (audit/off): there is no role to make a session of.
  if (!role) throw notAuthorizedToAssume(principalArn(caller), input.RoleArn)
  const duration = assumeRoleDuration(input.DurationSeconds, caller, role)
  const tags = sessionTags(input, caller)
  const sessionPolicies = resolveSessionPolicies(input, role.accountId, ctx.store)
  const packs = input.Policy !== undefined || policyArns(input).length > 0 || Object.keys(tags.tags).length > 0
  const packedSize = packs ? packedPolicySize(input, tags.tags) : undefined
  // A source identity, once set, stays with every later session of the chain.
  const sourceIdentity = (caller.type === 'AWSService' ? undefined : caller.session?.sourceIdentity) ?? input.SourceIdentity
  const expiresAt = sessionExpiry(ctx.now, duration)
  const sessionName = input.RoleSessionName
  const assumedRoleUser = { AssumedRoleId: `${role.roleId}:${sessionName}`, Arn: assumedRoleArn(role.accountId, role.roleName, sessionName) }

  const credentials = issueSessionCredentials(ctx.store, expiresAt, (accessKeyId): AssumedRolePrincipal => ({
    type: 'AssumedRole',
    accountId: role.accountId,
    arn: assumedRoleUser.Arn,
    userId: assumedRoleUser.AssumedRoleId,
    roleArn: role.arn,
    roleId: role.roleId,
    roleName: role.roleName,
    rolePath: role.path,
    sessionName,
    accessKeyId,
    session: {
      issuedAt: ctx.now,
      expiresAt,
      sessionPolicies,
      tags: tags.tags,
      transitiveTagKeys: tags.transitiveTagKeys,
      sourceIdentity,
      chained: isRoleChaining(caller),
      mfaPresent: false,
      issuer: { type: 'Role', arn: role.arn, principalId: role.roleId, accountId: role.accountId, userName: role.roleName },
    },
  }))
  recordRoleUse(ctx, role)
  // CloudTrail lists the new key and session among the resources an AssumeRole event refers to.
  ctx.audit.resources.push({ type: 'AWS::IAM::AccessKey', name: credentials.AccessKeyId })
  ctx.audit.resources.push({ type: 'AWS::STS::AssumedRole', name: assumedRoleUser.AssumedRoleId })
  // An AWS service assuming a role (ECS and a task role) is recorded in the role's account.
  if (caller.type === 'AWSService') ctx.audit.recipientAccountId = role.accountId
  ctx.audit.responseElements = {
    Credentials: credentialsAuditView(credentials),
    AssumedRoleUser: assumedRoleUser,
    PackedPolicySize: packedSize,
    SourceIdentity: sourceIdentity,
  }
  return { Credentials: credentials, AssumedRoleUser: assumedRoleUser, PackedPolicySize: packedSize, SourceIdentity: sourceIdentity }
}

/**
 * IAM's RoleLastUsed (GetRole) follows role assumptions, to the second as IAM shows it. A use in the same second and
 * Region as the last one changes nothing, so it writes nothing: a write of the role would cost a commit's pages and
 * drop the role's compiled policies from the authorizer's cache (any write of a role does).
 */
function recordRoleUse(ctx: CallContext, role: RoleRecord): void {
  const lastUsedDate = ctx.now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  if (role.roleLastUsed?.lastUsedDate === lastUsedDate && role.roleLastUsed.region === ctx.region) return
  ctx.store.documents
    .collection<RoleRecord>(IAM_COLLECTIONS.roles)
    .put(role.accountId, entityKey(role.roleName), { ...role, roleLastUsed: { lastUsedDate, region: ctx.region } })
}
