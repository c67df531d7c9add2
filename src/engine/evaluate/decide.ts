//! AWS's evaluation logic over the policies' outcomes (IAM User Guide, "Policy evaluation logic" and
//! "Cross-account policy evaluation logic"; research/iam.md §1.2–1.5): explicit deny anywhere wins; SCPs and
//! RCPs must allow; a same-account resource-based policy can grant on its own depending on whom it names;
//! otherwise identity-based policies must allow, within the permissions boundary and the session policies;
//! across accounts both sides must allow; trust and KMS key policies must always grant.
import type { EvalDecision, PolicyRole } from '../decision.js'
import type { PreparedRequest } from './authorization-request.js'
import { explicitDenyReason, implicitDenyReason } from './denial-reasons.js'
import type { PolicyOutcome } from './evaluate-policy.js'

export interface EvaluatedPolicies {
  /** Every outcome, in the order a deny is reported: SCPs, RCPs, identity, resource, boundary, session. */
  all: PolicyOutcome[]
  identity: PolicyOutcome[]
  boundary: PolicyOutcome | undefined
  session: PolicyOutcome[]
  resource: PolicyOutcome | undefined
  resourcePolicyMustGrant: boolean
  scps: PolicyOutcome[]
  rcps: PolicyOutcome[]
}

export interface Verdict {
  decision: EvalDecision
  denialReason: string | undefined
  /** The policy with the deciding Deny statement. */
  denying: PolicyOutcome | undefined
  /** Which rule decided, for explanations: lower-case, one line. */
  rule: string
  crossAccount: boolean
}

export function decide(request: PreparedRequest, policies: EvaluatedPolicies): Verdict {
  const principal = request.principal
  const action = request.request.action
  const resourceAccount = request.request.resourceAccount
  // Services and anonymous callers have no account of their own: only the resource-based policy speaks for them.
  const accountless = principal.type === 'AWSService' || principal.type === 'Anonymous'
  const crossAccount = !accountless && resourceAccount !== undefined && resourceAccount !== principal.accountId
  const allow = (rule: string): Verdict => ({ decision: 'allowed', denialReason: undefined, denying: undefined, rule, crossAccount })
  const implicit = (role: PolicyRole, rule: string): Verdict => ({
    decision: 'implicitDeny',
    denialReason: implicitDenyReason(role, action, role === 'resource' ? policies.resource?.policy.source.type : undefined),
    denying: undefined,
    rule,
    crossAccount,
  })

  for (const denying of policies.all) {
    if (denying.denies) {
      return {
        decision: 'explicitDeny',
        denialReason: explicitDenyReason(denying.role, denying.policy.source.type),
        denying,
        rule: `an explicit deny in ${policyName(denying)} overrides any allow`,
        crossAccount,
      }
    }
  }
  if (policies.scps.length > 0 && !policies.scps.some((o) => o.allows)) return implicit('scp', 'no service control policy allows the action')
  if (policies.rcps.length > 0 && !policies.rcps.some((o) => o.allows)) return implicit('rcp', 'no resource control policy allows the action')

  const grant = policies.resource?.grant
  const mustGrant = policies.resourcePolicyMustGrant
  const noGrantRule = mustGrant
    ? 'the resource-based policy (a role trust or key policy) must allow the principal, and it does not'
    : 'across accounts the resource-based policy must allow the principal, and it does not'

  if (accountless) {
    return grant ? allow('the resource-based policy names the principal') : implicit('resource', 'only a resource-based policy can allow this principal, and none does')
  }
  if (principal.type === 'Root') {
    if (!crossAccount && !mustGrant) return allow('the root user has full access in its own account')
    return grant ? allow('the resource-based policy allows the account') : implicit('resource', noGrantRule)
  }

  const identityAllows = policies.identity.some((o) => o.allows)
  const boundaryAllows = policies.boundary === undefined || policies.boundary.allows
  // Without session policies a role session keeps its role's permissions; a federated user's session gets none.
  const sessionAllows = policies.session.length > 0 ? policies.session.some((o) => o.allows) : principal.type !== 'FederatedUser'
  const withinLimits = (rule: string): Verdict => {
    if (!boundaryAllows) return implicit('boundary', 'the permissions boundary does not allow the action')
    if (!sessionAllows) return implicit('session', 'no session policy allows the action')
    return allow(rule)
  }
  const throughIdentity = (rule: string): Verdict =>
    identityAllows ? withinLimits(rule) : implicit('identity', 'no identity-based policy allows the action')

  if (!crossAccount) {
    if (grant === 'direct') return allow('the resource-based policy names the principal itself, which is enough in the same account')
    if (grant === 'role') return withinLimits('the resource-based policy names the role, so only the permissions boundary and session policies also apply')
    if (mustGrant && grant === undefined) return implicit('resource', noGrantRule)
    const limits = `${policies.boundary ? ', within the permissions boundary' : ''}${policies.session.length ? ', within the session policies' : ''}`
    return throughIdentity(
      grant === 'account'
        ? `the resource-based policy delegates to the account, whose identity-based policies allow${limits}`
        : `identity-based policies allow${limits}`,
    )
  }
  if (mustGrant && grant === undefined) return implicit('resource', noGrantRule)
  const identitySide = throughIdentity('')
  if (identitySide.decision !== 'allowed') return identitySide
  return grant ? allow('across accounts both the identity-based and the resource-based policy allow') : implicit('resource', noGrantRule)
}

export function policyName(outcome: PolicyOutcome): string {
  const kind: Record<PolicyRole, string> = {
    identity: 'identity-based policy',
    resource: outcome.policy.source.type === 'Role Trust Policy' ? 'role trust policy' : 'resource-based policy',
    boundary: 'permissions boundary',
    session: 'session policy',
    scp: 'service control policy',
    rcp: 'resource control policy',
  }
  return `${kind[outcome.role]} \`${outcome.policy.source.id}\``
}
