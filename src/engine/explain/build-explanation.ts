//! The explanation of a decision, built on first use from what evaluation recorded: per policy, per statement
//! (matched or not and why), per condition (operator, key, request values, policy values, result).
import type { CompiledStatement } from '../compile/compile-policy.js'
import type {
  ConditionExplanation,
  EvalDecision,
  Explanation,
  PolicyExplanation,
  PolicyRole,
  StatementExplanation,
} from '../decision.js'
import type { AuthorizationRequest, ContextValue } from '../evaluate/authorization-request.js'
import type { Verdict } from '../evaluate/decide.js'
import type { ConditionTrace } from '../evaluate/evaluate-condition.js'
import type { PolicyOutcome } from '../evaluate/evaluate-policy.js'
import type { StatementMatch } from '../evaluate/match-statement.js'

export function buildExplanation(request: AuthorizationRequest, outcomes: PolicyOutcome[], verdict: Verdict): Explanation {
  const decisionDetails: Partial<Record<PolicyRole, EvalDecision>> = {}
  for (const outcome of outcomes) {
    const own: EvalDecision = outcome.denies ? 'explicitDeny' : outcome.allows ? 'allowed' : 'implicitDeny'
    const previous = decisionDetails[outcome.role]
    if (previous === undefined || rank(own) > rank(previous)) decisionDetails[outcome.role] = own
  }
  return {
    principal: request.principal.arn,
    action: request.action,
    resource: request.resource,
    crossAccount: verdict.crossAccount,
    decision: verdict.decision,
    ...(verdict.denialReason ? { denialReason: verdict.denialReason } : {}),
    rule: verdict.rule,
    decisionDetails,
    policies: outcomes.map(explainPolicy),
  }
}

/** Within one kind of policy a deny beats an allow, and an allow beats nothing. */
function rank(decision: EvalDecision): number {
  return decision === 'explicitDeny' ? 2 : decision === 'allowed' ? 1 : 0
}

function explainPolicy(outcome: PolicyOutcome): PolicyExplanation {
  const policy = outcome.policy
  return {
    id: policy.source.id,
    type: policy.source.type,
    role: outcome.role,
    allows: outcome.allows,
    denies: outcome.denies,
    statements: policy.statements.map((statement, i) => explainStatement(statement, outcome.matches[i]!)),
    ...(policy.problem ? { problem: policy.problem } : {}),
  }
}

function explainStatement(statement: CompiledStatement, match: StatementMatch): StatementExplanation {
  return {
    index: statement.index,
    ...(statement.sid ? { sid: statement.sid } : {}),
    effect: statement.effect,
    startPosition: statement.span.start,
    endPosition: statement.span.end,
    outcome: match.outcome,
    ...(match.grant ? { grant: match.grant } : {}),
    conditions: (match.conditions ?? []).map(explainCondition),
    ...(statement.problem ? { problem: statement.problem } : {}),
  }
}

function explainCondition(trace: ConditionTrace): ConditionExplanation {
  return {
    operator: trace.condition.operatorName,
    key: trace.condition.key,
    requestValues: asStrings(trace.requestValue),
    policyValues: trace.policyValues,
    result: trace.result,
  }
}

function asStrings(value: ContextValue | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return Array.isArray(value) ? value.map(String) : [String(value)]
}
