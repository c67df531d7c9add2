//! Session policies passed to AssumeRole (Policy and PolicyArns), validated and resolved to documents that are
//! stored with the session (IAM User Guide, "Session policies"), and the packed size AWS reports for them.
import type { PolicySource } from '../../auth/index.js'
import { managedPolicyDocument } from '../../dispatch/index.js'
import { policySize, validatePolicyDocument } from '../../engine/index.js'
import type { Store } from '../../store/index.js'
import { malformedPolicyDocument, packedPolicyTooLarge, packedSessionTagsTooLarge, sessionPolicyArnNotFound, sessionPolicyTooLong } from './errors.js'

export interface SessionPolicyInput {
  Policy?: string
  PolicyArns?: Array<{ arn?: string }>
}

/** "The plaintext that you use for both inline and managed session policies can't exceed 2,048 characters."
 *  (STS API Reference, AssumeRole, Policy) */
export const SESSION_POLICY_PLAINTEXT_LIMIT = 2_048

/** The id explanations show for the inline session policy. */
export const INLINE_SESSION_POLICY_ID = 'session policy'

/** Validates the session policies and returns them as documents; managed ones must exist in the role's account
 *  (or be AWS managed): "The policies must exist in the same account as the role." */
export function resolveSessionPolicies(input: SessionPolicyInput, roleAccount: string, store: Store): PolicySource[] {
  const sources: PolicySource[] = []
  if (input.Policy !== undefined) {
    if (input.Policy.length > SESSION_POLICY_PLAINTEXT_LIMIT) throw sessionPolicyTooLong(input.Policy, SESSION_POLICY_PLAINTEXT_LIMIT)
    const result = validatePolicyDocument(input.Policy, 'session', {})
    if (!result.ok) throw malformedPolicyDocument(result.message)
    sources.push({ id: INLINE_SESSION_POLICY_ID, kind: 'session', document: input.Policy })
  }
  for (const arn of policyArns(input)) {
    const owner = arn.split(':')[4]
    const document = owner === 'aws' || owner === roleAccount ? managedPolicyDocument(arn, roleAccount, store) : undefined
    if (document === undefined) throw sessionPolicyArnNotFound(arn)
    sources.push({ id: arn, kind: 'session', document })
  }
  return sources
}

export function policyArns(input: SessionPolicyInput): string[] {
  return (input.PolicyArns ?? []).flatMap((descriptor) => (descriptor.arn ? [descriptor.arn] : []))
}

/** What the tags may take of the packed space, in characters of key and value. */
const PACKED_TAG_CHARACTERS = 1_024

/**
 * The percentage of STS's packed space the session policies and tags take (AssumeRole's PackedPolicySize).
 * AWS's packing algorithm is not published: taskrole counts the inline policy without whitespace plus the managed
 * policies' ARNs against 2,048 characters and the tags' keys and values against 1,024, so its percentages are
 * close to, not equal to, AWS's. Over 100 % fails with AWS's PackedPolicyTooLarge wording.
 */
export function packedPolicySize(input: SessionPolicyInput, tags: Record<string, string>): number {
  const policyCharacters = (input.Policy !== undefined ? policySize(input.Policy) : 0) + policyArns(input).reduce((sum, arn) => sum + arn.length, 0)
  const tagCharacters = Object.entries(tags).reduce((sum, [key, value]) => sum + key.length + value.length, 0)
  const tagPercent = Math.ceil((100 * tagCharacters) / PACKED_TAG_CHARACTERS)
  if (tagPercent > 100) throw packedSessionTagsTooLarge(tagPercent)
  const percent = Math.ceil((100 * policyCharacters) / SESSION_POLICY_PLAINTEXT_LIMIT + (100 * tagCharacters) / PACKED_TAG_CHARACTERS)
  if (percent > 100) throw packedPolicyTooLarge(percent)
  return percent
}
