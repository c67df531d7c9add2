//! GetKeyPolicy, PutKeyPolicy and ListKeyPolicies: every key has exactly one policy, named "default".
import type { CallContext } from '../../dispatch/index.js'
import { policyNameNotFound } from './errors.js'
import { resolveKey } from './find-key.js'
import { checkKeyPolicy } from './key-policy-document.js'
import { saveKey } from './key-records.js'
import { assertNotPendingDeletion } from './key-state.js'

const POLICY_NAME = 'default'

export function getKeyPolicy(input: { KeyId: string; PolicyName?: string }, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  if (input.PolicyName !== undefined && input.PolicyName !== POLICY_NAME) throw policyNameNotFound()
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return { Policy: key.policy, PolicyName: POLICY_NAME }
}

export function putKeyPolicy(
  input: { KeyId: string; PolicyName?: string; Policy: string; BypassPolicyLockoutSafetyCheck?: boolean },
  ctx: CallContext,
): Record<string, never> {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  if (input.PolicyName !== undefined && input.PolicyName !== POLICY_NAME) throw policyNameNotFound()
  assertNotPendingDeletion(key)
  const principalIds = checkKeyPolicy(input.Policy, key, ctx, input.BypassPolicyLockoutSafetyCheck)
  saveKey(ctx.store, { ...key, policy: input.Policy, policyPrincipalIds: principalIds })
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return {}
}

export function listKeyPolicies(input: { KeyId: string }, ctx: CallContext) {
  resolveKey(ctx.store, input.KeyId, ctx)
  return { PolicyNames: [POLICY_NAME], Truncated: false }
}
