//! Decision -> lines for the CLI and the audit log, in Cedar's message style (lower-case, no final period,
//! user input in backticks, one line each): the decision, the deciding rule, then what each policy said.
import type { ConditionExplanation, Decision, PolicyExplanation, PolicyRole, StatementExplanation } from '../decision.js'

const ROLE_NAME: Record<PolicyRole, string> = {
  identity: 'identity-based policy',
  resource: 'resource-based policy',
  boundary: 'permissions boundary',
  session: 'session policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
}

const DECISION_TEXT = { allowed: 'allowed', explicitDeny: 'denied (explicit deny)', implicitDeny: 'denied (implicit deny)' }

export function renderExplanation(decision: Decision): string[] {
  const explanation = decision.explanation as Partial<Decision['explanation']> | undefined
  // Decisions made without evaluating (enforcement mode off, test doubles) carry no explanation.
  if (!explanation?.policies || explanation.principal === undefined || explanation.action === undefined) {
    const reason = decision.denialReason ? `: ${decision.denialReason}` : ''
    return [withoutFinalPeriod(`${DECISION_TEXT[decision.decision]}${reason} (not evaluated by the policy engine)`)]
  }
  const action = explanation.action
  const resource = explanation.resource === '*' ? '' : ` on \`${explanation.resource}\``
  const lines = [`${DECISION_TEXT[decision.decision]}: \`${explanation.principal}\` performing \`${explanation.action}\`${resource}`]
  if (decision.denialReason) lines.push(`reason: ${decision.denialReason}`)
  lines.push(`rule: ${explanation.rule ?? 'unknown'}`)
  if (explanation.crossAccount) lines.push('the resource is in another account than the principal')
  for (const policy of explanation.policies) lines.push(...renderPolicy(policy, action))
  if (decision.missingContextValues.length) {
    lines.push(`missing context keys: ${decision.missingContextValues.map((key) => `\`${key}\``).join(', ')}`)
  }
  return lines.map(withoutFinalPeriod)
}

function renderPolicy(policy: PolicyExplanation, action: string): string[] {
  const name = `${policy.role === 'resource' && policy.type === 'Role Trust Policy' ? 'role trust policy' : ROLE_NAME[policy.role]} \`${policy.id}\``
  if (policy.problem) return [`${name}: ${policy.problem}`]
  const verdict = policy.denies ? 'denies' : policy.allows ? 'allows' : 'allows nothing here'
  const lines = [`${name} ${verdict}`]
  let notForAction = 0
  for (const statement of policy.statements) {
    if (statement.outcome === 'action not matched') {
      notForAction++
      continue
    }
    lines.push(`  ${renderStatement(statement)}`)
    for (const condition of statement.conditions) lines.push(`    ${renderCondition(condition)}`)
  }
  const total = policy.statements.length
  if (notForAction === total && total === 1) lines.push(`  its only statement does not cover \`${action}\``)
  else if (notForAction === total && total > 1) lines.push(`  none of its ${total} statements covers \`${action}\``)
  else if (notForAction > 0) lines.push(`  ${notForAction} of its ${total} statements ${notForAction === 1 ? 'does' : 'do'} not cover \`${action}\``)
  return lines
}

function renderStatement(statement: StatementExplanation): string {
  const label = statement.sid ? `\`${statement.sid}\`` : `#${statement.index + 1}`
  const where = `(line ${statement.startPosition.line}, column ${statement.startPosition.column})`
  const effect = statement.effect.toLowerCase()
  switch (statement.outcome) {
    case 'matched': {
      const how = statement.grant ? `, principal matched ${grantText(statement.grant)}` : ''
      return `statement ${label} ${where} matches: ${effect === 'allow' ? 'allows' : 'denies'}${how}`
    }
    case 'invalid':
      return `statement ${label} ${where} is ignored: ${statement.problem ?? 'invalid'}`
    default:
      return `statement ${label} ${where} (${effect}) does not apply: ${statement.outcome}`
  }
}

function grantText(grant: NonNullable<StatementExplanation['grant']>): string {
  if (grant === 'direct') return 'by name'
  if (grant === 'role') return 'through its role'
  return 'through its account'
}

function renderCondition(condition: ConditionExplanation): string {
  const request = condition.requestValues === undefined ? 'absent' : list(condition.requestValues)
  const policy = list(condition.policyValues)
  return `condition \`${condition.operator}\` on \`${condition.key}\`: request ${request}, policy ${policy}: ${condition.result ? 'true' : 'false'}`
}

function list(values: string[]): string {
  return `[${values.map((value) => `\`${value}\``).join(', ')}]`
}

function withoutFinalPeriod(line: string): string {
  return line.endsWith('.') ? line.slice(0, -1) : line
}
