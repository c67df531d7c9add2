//! Every statement of one policy against the request: which matched, and what the policy says as a whole.
import type { CompiledPolicy } from '../compile/compile-policy.js'
import type { PolicyRole, PrincipalGrant } from '../decision.js'
import type { PreparedRequest } from './authorization-request.js'
import { NOT_ACTION, matchStatement, type StatementMatch } from './match-statement.js'

export interface PolicyOutcome {
  policy: CompiledPolicy
  role: PolicyRole
  /** One per statement, in order. */
  matches: StatementMatch[]
  allows: boolean
  denies: boolean
  /** The strongest way a matching Allow statement's Principal named the caller (resource-based policies). */
  grant: PrincipalGrant | undefined
}

const STRENGTH: Record<PrincipalGrant, number> = { account: 1, role: 2, direct: 3 }

export function evaluatePolicy(policy: CompiledPolicy, role: PolicyRole, request: PreparedRequest): PolicyOutcome {
  const statements = policy.statements
  // Statements that cannot match the action's service are not looked at: they stay 'action not matched'.
  const matches = new Array<StatementMatch>(statements.length).fill(NOT_ACTION)
  let allows = false
  let denies = false
  let grant: PrincipalGrant | undefined
  for (const index of policy.statementsForService(request.service)) {
    const statement = statements[index]!
    const match = matchStatement(statement, request)
    matches[index] = match
    if (match.outcome !== 'matched') continue
    if (statement.effect === 'Deny') {
      denies = true
      continue
    }
    allows = true
    if (match.grant !== undefined && (grant === undefined || STRENGTH[match.grant] > STRENGTH[grant])) grant = match.grant
  }
  // A resource-based policy statement without a Principal element (which validation rejects) grants nothing on its own.
  return { policy, role, matches, allows, denies, grant: role === 'resource' && allows ? grant : undefined }
}
