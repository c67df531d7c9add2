//! evaluate(request, policies) -> Decision: every applicable policy's statements are matched once, AWS's
//! evaluation logic decides, and the explanation is assembled from the same record when first read.
import type { CompiledPolicy } from '../compile/compile-policy.js'
import type { Decision, EvalDecision, Explanation, MatchedStatement, PolicyRole } from '../decision.js'
import { buildExplanation } from '../explain/build-explanation.js'
import { PreparedRequest, type AuthorizationRequest } from './authorization-request.js'
import { decide, type EvaluatedPolicies, type Verdict } from './decide.js'
import { evaluatePolicy, type PolicyOutcome } from './evaluate-policy.js'

export interface PolicySet {
  /** all identity policies of the principal (user + groups or role; managed + inline) */
  identity: CompiledPolicy[]
  /** permissions boundary, if the entity has one */
  boundary?: CompiledPolicy
  /** session policies; undefined or [] = none passed (role session → allow) */
  session?: CompiledPolicy[]
  /** the target resource's policy (trust policy, key policy, repository policy, secret policy) */
  resource?: CompiledPolicy
  /** true for role trust policies and KMS key policies (identity allow alone never suffices) */
  resourcePolicyMustGrant?: boolean
  /** slots, not fed yet */
  scps?: CompiledPolicy[]
  rcps?: CompiledPolicy[]
}

export function evaluate(request: AuthorizationRequest, policies: PolicySet): Decision {
  const prepared = new PreparedRequest(request, policies.boundary !== undefined)
  // `all` is in the order a deny is reported: SCPs, RCPs, identity, resource, boundary, session.
  const all: PolicyOutcome[] = []
  const scps = evaluateAll(policies.scps, 'scp', prepared, all)
  const rcps = evaluateAll(policies.rcps, 'rcp', prepared, all)
  const identity = evaluateAll(policies.identity, 'identity', prepared, all)
  const resource = policies.resource ? evaluatePolicy(policies.resource, 'resource', prepared) : undefined
  if (resource) all.push(resource)
  const boundary = policies.boundary ? evaluatePolicy(policies.boundary, 'boundary', prepared) : undefined
  if (boundary) all.push(boundary)
  const session = evaluateAll(policies.session, 'session', prepared, all)
  const evaluated: EvaluatedPolicies = {
    all,
    identity,
    boundary,
    session,
    resource,
    resourcePolicyMustGrant: policies.resourcePolicyMustGrant === true,
    scps,
    rcps,
  }
  const verdict = decide(prepared, evaluated)
  return new EvaluatedDecision(request, all, verdict, prepared.missingKeys, boundary)
}

const NONE: PolicyOutcome[] = []

function evaluateAll(list: CompiledPolicy[] | undefined, role: PolicyRole, request: PreparedRequest, all: PolicyOutcome[]): PolicyOutcome[] {
  if (!list || list.length === 0) return NONE
  const outcomes: PolicyOutcome[] = []
  for (const policy of list) {
    const outcome = evaluatePolicy(policy, role, request)
    outcomes.push(outcome)
    all.push(outcome)
  }
  return outcomes
}

/** A Decision whose explanation is built when first read; JSON.stringify includes it. */
class EvaluatedDecision implements Decision {
  readonly decision: EvalDecision
  readonly denialReason: string | undefined
  readonly denyingPolicyId: string | undefined
  readonly matchedStatements: MatchedStatement[]
  readonly missingContextValues: string[]
  readonly permissionsBoundaryAllowed: boolean | undefined
  #explanation: Explanation | undefined
  readonly #request: AuthorizationRequest
  readonly #outcomes: PolicyOutcome[]
  readonly #verdict: Verdict

  constructor(request: AuthorizationRequest, outcomes: PolicyOutcome[], verdict: Verdict, missing: string[], boundary: PolicyOutcome | undefined) {
    this.decision = verdict.decision
    this.denialReason = verdict.denialReason
    this.denyingPolicyId = verdict.denying?.policy.source.id
    this.matchedStatements = decidingStatements(outcomes, verdict.decision)
    this.missingContextValues = missing
    this.permissionsBoundaryAllowed = boundary ? boundary.allows && !boundary.denies : undefined
    this.#request = request
    this.#outcomes = outcomes
    this.#verdict = verdict
  }

  get explanation(): Explanation {
    return (this.#explanation ??= buildExplanation(this.#request, this.#outcomes, this.#verdict))
  }

  toJSON(): Decision {
    return {
      decision: this.decision,
      ...(this.denialReason !== undefined ? { denialReason: this.denialReason } : {}),
      ...(this.denyingPolicyId !== undefined ? { denyingPolicyId: this.denyingPolicyId } : {}),
      matchedStatements: this.matchedStatements,
      missingContextValues: this.missingContextValues,
      ...(this.permissionsBoundaryAllowed !== undefined ? { permissionsBoundaryAllowed: this.permissionsBoundaryAllowed } : {}),
      explanation: this.explanation,
    }
  }
}

/** IAM simulate's MatchedStatements: the Deny statements for a deny, the Allow statements for an allow. */
function decidingStatements(outcomes: PolicyOutcome[], decision: EvalDecision): MatchedStatement[] {
  if (decision === 'implicitDeny') return []
  const effect = decision === 'explicitDeny' ? 'Deny' : 'Allow'
  const statements: MatchedStatement[] = []
  for (const outcome of outcomes) {
    if (effect === 'Deny' ? !outcome.denies : !outcome.allows) continue
    const policy = outcome.policy
    for (let i = 0; i < outcome.matches.length; i++) {
      const statement = policy.statements[i]!
      if (outcome.matches[i]!.outcome !== 'matched' || statement.effect !== effect) continue
      statements.push({
        sourcePolicyId: policy.source.id,
        sourcePolicyType: policy.source.type,
        startPosition: statement.reportedSpan.start,
        endPosition: statement.reportedSpan.end,
      })
    }
  }
  return statements
}
