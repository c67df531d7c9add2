//! What evaluation answers: the decision in IAM simulate's spelling, AWS's denial reason, the statements
//! that decided (MatchedStatements with positions), missing context keys, and an explanation of every step.
import type { SourcePosition } from './document/policy-document.js'

export type EvalDecision = 'allowed' | 'explicitDeny' | 'implicitDeny'

/** Which slot of the PolicySet a policy came from. */
export type PolicyRole = 'identity' | 'boundary' | 'session' | 'resource' | 'scp' | 'rcp'

/**
 * How a resource-based policy's Principal matched (IAM User Guide, "Policy evaluation logic", same-account
 * table): `direct` names the session, user or `*` and grants on its own; `role` names the role of a session,
 * so the permissions boundary and session policies still apply; `account` only delegates to the account's
 * identity-based policies.
 */
export type PrincipalGrant = 'direct' | 'role' | 'account'

export interface MatchedStatement {
  sourcePolicyId: string
  sourcePolicyType: string
  startPosition: SourcePosition
  endPosition: SourcePosition
}

export interface Decision {
  decision: EvalDecision
  /** What AWS's enriched AccessDenied message says after the action/resource part, e.g.
   * 'because no identity-based policy allows the iam:PassRole action' or
   * 'with an explicit deny in an identity-based policy'. undefined when allowed. */
  denialReason?: string
  /** The policy whose statement denied explicitly (newer AWS messages append its ARN). */
  denyingPolicyId?: string
  matchedStatements: MatchedStatement[]
  missingContextValues: string[]
  /** IAM simulate's PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary; undefined without a boundary. */
  permissionsBoundaryAllowed?: boolean
  explanation: Explanation
}

export type StatementOutcome =
  | 'matched'
  | 'action not matched'
  | 'resource not matched'
  | 'principal not matched'
  | 'condition not met'
  | 'invalid'

export interface ConditionExplanation {
  operator: string
  key: string
  /** The request's values for the key; undefined when the request does not carry it. */
  requestValues: string[] | undefined
  /** The policy's values, with policy variables already replaced. */
  policyValues: string[]
  result: boolean
}

export interface StatementExplanation {
  index: number
  sid?: string
  effect: 'Allow' | 'Deny'
  startPosition: SourcePosition
  endPosition: SourcePosition
  outcome: StatementOutcome
  /** Resource-based policies: how the Principal element matched. */
  grant?: PrincipalGrant
  conditions: ConditionExplanation[]
  problem?: string
}

export interface PolicyExplanation {
  id: string
  type: string
  role: PolicyRole
  /** Some Allow statement matched. */
  allows: boolean
  /** Some Deny statement matched. */
  denies: boolean
  statements: StatementExplanation[]
  problem?: string
}

export interface Explanation {
  principal: string
  action: string
  resource: string
  crossAccount: boolean
  decision: EvalDecision
  denialReason?: string
  /** The rule of AWS's evaluation logic that decided, lower-case, one line. */
  rule: string
  /** IAM simulate's EvalDecisionDetails: the decision of each kind of policy on its own. */
  decisionDetails: Partial<Record<PolicyRole, EvalDecision>>
  policies: PolicyExplanation[]
}
