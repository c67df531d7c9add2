//! The JSON-able record of one authorization decision, as the audit trail stores it and the explain route returns it.
//! An allowed decision keeps the statements that allowed it (matchedStatements: policy, type, position); a denied one
//! (or one audit mode let through) keeps the whole explanation, compactly: a statement that does not cover the action
//! keeps only its index (in `notForAction`). Building and storing the whole explanation of every allowed call was
//! most of what enforcement cost per call (bench/enforcement-cost.mjs); `aws iam simulate-principal-policy` gives it
//! for any allowed request.
import type { AuthorizationOutcome } from '../authz/index.js'
import type { Explanation, PolicyExplanation, StatementExplanation } from '../engine/index.js'

export interface DecisionRecord {
  action: string
  resource: string
  decision: string
  permitted: boolean
  /** false when enforcement was off (nothing was evaluated). */
  evaluated?: false
  denialReason?: string
  /** The policy whose Deny statement decided (explicit denies only). */
  denyingPolicyId?: string
  denialMessage?: string
  matchedStatements: unknown[]
  missingContextValues: string[]
  /** The engine's explanation, for decisions that were not allowed; absent for allowed ones. */
  explanation?: unknown
}

/** A policy's explanation with the statements that do not cover the action reduced to their indexes. */
export type StoredPolicyExplanation = Omit<PolicyExplanation, 'statements'> & {
  statements: StatementExplanation[]
  notForAction?: number[]
}

export function decisionRecord(outcome: AuthorizationOutcome): DecisionRecord {
  const decision = outcome.decision
  return {
    action: outcome.requirement.action,
    resource: outcome.requirement.resource,
    decision: decision.decision,
    permitted: outcome.permitted,
    ...(outcome.notEvaluated ? { evaluated: false as const } : {}),
    ...(decision.denialReason !== undefined ? { denialReason: decision.denialReason } : {}),
    ...(decision.denyingPolicyId !== undefined ? { denyingPolicyId: decision.denyingPolicyId } : {}),
    ...(outcome.denialMessage !== undefined ? { denialMessage: outcome.denialMessage } : {}),
    matchedStatements: decision.matchedStatements,
    missingContextValues: decision.missingContextValues,
    // Reading `explanation` builds it (the engine's Decision is lazy): only when it will be kept.
    ...(decision.decision === 'allowed' ? {} : { explanation: compactExplanation(decision.explanation) }),
  }
}

function compactExplanation(explanation: Explanation): unknown {
  // Decisions made without evaluation (enforcement off) carry no policies.
  if (!Array.isArray(explanation?.policies)) return explanation
  return { ...explanation, policies: explanation.policies.map(compactPolicy) }
}

function compactPolicy(policy: PolicyExplanation): StoredPolicyExplanation {
  const statements: StatementExplanation[] = []
  const notForAction: number[] = []
  for (const statement of policy.statements) {
    if (statement.outcome === 'action not matched') notForAction.push(statement.index)
    else statements.push(statement)
  }
  return notForAction.length ? { ...policy, statements, notForAction } : policy
}

/** The full statement list again (for renderExplanation and API readers): a statement that did not cover the action
 *  comes back with its index and outcome only (its Sid and position were not stored). */
export function expandDecisionRecord(record: DecisionRecord): DecisionRecord {
  const explanation = record.explanation as { policies?: StoredPolicyExplanation[] } | undefined
  if (!Array.isArray(explanation?.policies)) return record
  return { ...record, explanation: { ...explanation, policies: explanation.policies.map(expandPolicy) } }
}

function expandPolicy(stored: StoredPolicyExplanation): PolicyExplanation {
  const { notForAction, ...policy } = stored
  if (!notForAction?.length) return policy
  // CAUTION: Sid, Effect and position of an omitted statement were not stored; readers see index and outcome only
  // (renderExplanation reads nothing else of a statement that does not cover the action).
  const omitted = notForAction.map((index) => ({ index, outcome: 'action not matched', conditions: [] }) as unknown as StatementExplanation)
  return { ...policy, statements: [...policy.statements, ...omitted].sort((a, b) => a.index - b.index) }
}
