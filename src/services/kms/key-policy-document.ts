//! Checks a key policy on write (CreateKey, PutKeyPolicy): the policy grammar of a resource-based policy,
//! principals that exist (KMS: "Policy contains a statement with one or more invalid principals."), and the
//! policy lockout safety check: the caller must still be allowed kms:PutKeyPolicy afterwards (KMS Developer
//! Guide, "Default key policy": BypassPolicyLockoutSafetyCheck).
import type { CallContext } from '../../dispatch/index.js'
import { validatePolicyDocument } from '../../engine/index.js'
import { INVALID_PRINCIPALS_MESSAGE, LOCKOUT_MESSAGE, malformedPolicy } from './errors.js'
import type { KmsKeyRecord } from './key-records.js'
import { kmsKeyRequirement } from './key-requirement.js'
import { principalUniqueId } from './principal-unique-id.js'

/** The unique ids of the users and roles the policy names, for the requirement's principalUniqueIds. */
export function checkKeyPolicy(
  policy: string,
  key: KmsKeyRecord,
  ctx: CallContext,
  bypassLockoutSafetyCheck: boolean | undefined,
): Record<string, string> | undefined {
  const validation = validatePolicyDocument(policy, 'resource', { resolvePrincipal: (arn) => principalUniqueId(ctx.store, arn) })
  if (!validation.ok) {
    throw malformedPolicy(validation.message.startsWith('Invalid principal in policy') ? INVALID_PRINCIPALS_MESSAGE : validation.message)
  }
  const principalIds = validation.principalUniqueIds
  if (!bypassLockoutSafetyCheck) {
    const candidate: KmsKeyRecord = { ...key, policy, policyPrincipalIds: principalIds }
    const outcome = ctx.check(kmsKeyRequirement(ctx.store, candidate, 'kms:PutKeyPolicy', { 'kms:CallerAccount': ctx.accountId }))
    if (!outcome.permitted) throw malformedPolicy(LOCKOUT_MESSAGE)
  }
  return principalIds
}
