//! Role trust policies: validated on write with every named user or role resolved to its unique id, which IAM
//! stores in place of the ARN (IAM User Guide, "AWS JSON policy elements: Principal": "If your Principal element
//! in a role trust policy contains an ARN that points to a specific IAM role [or user] … the ARN is transformed to
//! the role's unique principal ID when the policy is saved"), so a deleted and recreated principal no longer matches.
import type { CallContext } from '../../dispatch/index.js'
import { policySize, validatePolicyDocument } from '../../engine/index.js'
import { IAM_COLLECTIONS, entityKey, type RoleRecord, type UserRecord } from '../../store/index.js'
import { malformedPolicyDocument, quotaExceeded } from './errors.js'
import { parseEntityArn } from './names.js'

/** Role trust policy size (ACLSizePerRole), 2,048 characters by default. */
export const TRUST_POLICY_SIZE_LIMIT = 2_048

/** Validates a trust policy and returns the unique ids of the users and roles it names (arn -> id). */
export function checkTrustPolicy(ctx: CallContext, text: string): Record<string, string> {
  const ids: Record<string, string> = {}
  const result = validatePolicyDocument(text, 'trust', {
    resolvePrincipal: (arn: string) => {
      const id = currentUniqueId(ctx, arn)
      // Only users and roles are pinned to their unique ids; account roots and sessions stay as written.
      if (id !== undefined && parseEntityArn(arn)) ids[arn] = id
      return id
    },
  })
  if (!result.ok) throw malformedPolicyDocument(result.message)
  Object.assign(ids, result.principalUniqueIds ?? {})
  if (policySize(text) > TRUST_POLICY_SIZE_LIMIT) throw quotaExceeded('ACLSizePerRole', TRUST_POLICY_SIZE_LIMIT)
  return ids
}

/**
 * The unique id of the user or role an ARN names today (in any account), or undefined when there is none. ARNs
 * that name no IAM user or role (account roots, assumed-role sessions) resolve to themselves: IAM keeps them as written.
 */
export function currentUniqueId(ctx: CallContext, arn: string): string | undefined {
  const parts = parseEntityArn(arn)
  if (!parts) return /^arn:aws:(iam|sts)::\d{12}:(root|assumed-role\/.+|federated-user\/.+)$/.test(arn) ? arn : undefined
  if (parts.kind === 'role') {
    const role = ctx.store.documents.collection<RoleRecord>(IAM_COLLECTIONS.roles).get(parts.account, entityKey(parts.name))
    return role && role.arn === arn ? role.roleId : undefined
  }
  if (parts.kind === 'user') {
    const user = ctx.store.documents.collection<UserRecord>(IAM_COLLECTIONS.users).get(parts.account, entityKey(parts.name))
    return user && user.arn === arn ? user.userId : undefined
  }
  return undefined
}

/**
 * The trust policy as GetRole shows it: a principal that was deleted (or deleted and recreated) since the policy
 * was written appears as its old unique id, as in IAM.
 */
export function displayedTrustPolicy(ctx: CallContext, role: RoleRecord): string {
  const stale: Record<string, string> = {}
  for (const [arn, id] of Object.entries(role.trustPrincipalIds ?? {})) {
    if (currentUniqueId(ctx, arn) !== id) stale[arn] = id
  }
  if (Object.keys(stale).length === 0) return role.assumeRolePolicyDocument
  let document: { Statement?: unknown }
  try {
    document = JSON.parse(role.assumeRolePolicyDocument)
  } catch {
    return role.assumeRolePolicyDocument
  }
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement]
  for (const statement of statements) {
    const principal = (statement as { Principal?: { AWS?: unknown } } | undefined)?.Principal
    if (!principal || typeof principal !== 'object') continue
    const aws = principal.AWS
    if (typeof aws === 'string') principal.AWS = stale[aws] ?? aws
    else if (Array.isArray(aws)) principal.AWS = aws.map((value) => (typeof value === 'string' ? (stale[value] ?? value) : value))
  }
  return JSON.stringify(document)
}
