//! Does one statement apply to the request (IAM User Guide, "Policy evaluation logic: determining whether
//! a request is allowed"): action, then resource, then principal, then every condition.
import type { CompiledStatement, ResourceMatcher } from '../compile/compile-policy.js'
import type { PrincipalGrant, StatementOutcome } from '../decision.js'
import type { PreparedRequest } from './authorization-request.js'
import { evaluateCondition, type ConditionTrace } from './evaluate-condition.js'
import { notPrincipalApplies, principalGrant } from './match-principal.js'

export interface StatementMatch {
  outcome: StatementOutcome
  /** How the Principal element named the caller (statements that have one). */
  grant: PrincipalGrant | undefined
  /** Every condition that was evaluated, in order. */
  conditions: ConditionTrace[] | undefined
}

export const NOT_ACTION: StatementMatch = { outcome: 'action not matched', grant: undefined, conditions: undefined }
const NOT_RESOURCE: StatementMatch = { outcome: 'resource not matched', grant: undefined, conditions: undefined }
const NOT_PRINCIPAL: StatementMatch = { outcome: 'principal not matched', grant: undefined, conditions: undefined }
const INVALID: StatementMatch = { outcome: 'invalid', grant: undefined, conditions: undefined }
const MATCHED: StatementMatch = { outcome: 'matched', grant: undefined, conditions: undefined }

export function matchStatement(statement: CompiledStatement, request: PreparedRequest): StatementMatch {
  if (statement.problem) return INVALID
  if (!actionMatches(statement, request.actionLower)) return NOT_ACTION
  if (statement.resources && resourceMatches(statement.resources, request) === statement.notResource) return NOT_RESOURCE
  let grant: PrincipalGrant | undefined
  if (statement.principals) {
    if (statement.notPrincipal) {
      // A Deny with NotPrincipal applies to every principal that has a permissions boundary
      // (IAM User Guide, "NotPrincipal": "…with permissions boundaries").
      const applies = (statement.effect === 'Deny' && request.hasBoundary) || notPrincipalApplies(statement.principals, request.principal)
      if (!applies) return NOT_PRINCIPAL
      grant = 'direct'
    } else {
      grant = principalGrant(statement.principals, request.principal)
      if (grant === undefined) return NOT_PRINCIPAL
    }
  }
  if (statement.conditions.length === 0) return grant === undefined ? MATCHED : { outcome: 'matched', grant, conditions: undefined }
  // All conditions are evaluated (no short cut) so MissingContextValues and explanations are complete.
  const conditions: ConditionTrace[] = []
  let holds = true
  for (const condition of statement.conditions) {
    const trace = evaluateCondition(condition, request)
    conditions.push(trace)
    if (!trace.result) holds = false
  }
  return { outcome: holds ? 'matched' : 'condition not met', grant, conditions }
}

function actionMatches(statement: CompiledStatement, action: string): boolean {
  const actions = statement.actions
  let matched = actions.all || actions.exact.has(action)
  if (!matched) {
    for (const glob of actions.globs) {
      if (glob.matches(action)) {
        matched = true
        break
      }
    }
  }
  return matched !== statement.notAction
}

function resourceMatches(resources: ResourceMatcher, request: PreparedRequest): boolean {
  if (resources.all) return true
  const target = request.resource
  for (const pattern of resources.patterns) if (pattern.matches(target)) return true
  // A variable without a value makes its pattern match nothing (IAM User Guide, "Policy variables").
  for (const template of resources.templates) if (template.matches(target, request)) return true
  return false
}
