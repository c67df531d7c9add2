//! What an operation asks of the policy engine: one action on one resource, with its extra context.
import type { ContextValue, Decision } from '../engine/index.js'

export interface ResourcePolicyRef {
  /** Shown in explanations and simulate output: the role ARN, key ARN, repository ARN… */
  id: string
  document: string
  /** 'Role Trust Policy' for trust policies; 'Resource Policy' otherwise. */
  type?: 'Role Trust Policy' | 'Resource Policy'
  /** ARNs named in the policy -> the unique id they had when it was written (role trust policies). */
  principalUniqueIds?: Record<string, string>
  /** Trust policies and KMS key policies must grant explicitly (IAM User Guide, policy evaluation logic). */
  mustGrant?: boolean
}

export interface AuthorizationRequirement {
  action: string
  /** The resource ARN, or '*' for actions that take none. */
  resource: string
  /** The account owning the resource; defaults to the ARN's account, else the caller's. */
  resourceAccount?: string
  /** Service-specific condition keys (iam:PassedToService, aws:ResourceTag/…, aws:RequestTag/…, ecs:cluster …). */
  context?: Record<string, ContextValue>
  resourcePolicy?: ResourcePolicyRef
}

export interface AuthorizationOutcome {
  /** What the engine decided. */
  decision: Decision
  /** Whether the call may proceed under the enforcement mode (audit and off let denials through). */
  permitted: boolean
  /** AWS's enriched denial message, when the engine denied. */
  denialMessage?: string
  requirement: AuthorizationRequirement
  /** Set when enforcement is off: nothing was evaluated and the decision says nothing about the policies. */
  notEvaluated?: true
}
