//! Policy documents on write: the engine's grammar check (MalformedPolicyDocument with AWS's messages) and IAM's
//! size quotas, counted without whitespace (IAM User Guide, "IAM and AWS STS quotas").
import { policySize, validatePolicyDocument } from '../../engine/index.js'
import { malformedPolicyDocument, quotaExceeded } from './errors.js'

/** Customer managed policy documents: "Cannot exceed quota for PolicySize: 6144". */
export const MANAGED_POLICY_SIZE_LIMIT = 6_144

/** Inline (kind 'identity') or managed (kind 'managed', which also requires Version 2012-10-17). */
export function checkPermissionsDocument(text: string, kind: 'identity' | 'managed'): void {
  const result = validatePolicyDocument(text, kind, {})
  if (!result.ok) throw malformedPolicyDocument(result.message)
  if (kind === 'managed' && policySize(text) > MANAGED_POLICY_SIZE_LIMIT) throw quotaExceeded('PolicySize', MANAGED_POLICY_SIZE_LIMIT)
}

/** The size of an entity's inline policies together, with `replacing` swapped for `document`. */
export function inlineAggregateSize(inline: Record<string, string>, replacing: string, document: string): number {
  let total = policySize(document)
  for (const [name, text] of Object.entries(inline)) if (name !== replacing) total += policySize(text)
  return total
}
