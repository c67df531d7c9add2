//! One condition (operator + key) against the request (IAM User Guide, "Condition operators",
//! "…IfExists", "Single-valued vs. multivalued context keys"): missing keys, IfExists, set qualifiers with
//! AWS's empty-set rules, and NOR for negated operators.
import type { CompiledCondition } from '../compile/compile-condition.js'
import type { ConditionOperator } from '../compile/condition-operators.js'
import { resolveTemplate } from '../compile/policy-variables.js'
import type { ContextScalar, ContextValue, PreparedRequest } from './authorization-request.js'

export interface ConditionTrace {
  condition: CompiledCondition
  /** The request's value; undefined when absent. */
  requestValue: ContextValue | undefined
  /** Policy values after variable substitution (the written values when there are no variables). */
  policyValues: string[]
  result: boolean
}

export function evaluateCondition(condition: CompiledCondition, request: PreparedRequest): ConditionTrace {
  const raw = request.lookup(condition.key, condition.keyLower)
  const present = raw !== undefined && raw !== null && !(Array.isArray(raw) && raw.length === 0)
  if (!present) request.noteMissing(condition.key)
  let policyValues = condition.policyValues
  let prepared = condition.prepared
  const operator = condition.operator
  if (operator && condition.templates) {
    policyValues = []
    prepared = []
    for (const template of condition.templates) {
      // A variable without a value and without a default makes that policy value match nothing.
      const resolved = resolveTemplate(template, request)
      if (!resolved) continue
      policyValues.push(resolved.text)
      prepared.push(operator.prepare(resolved.text, resolved.literal))
    }
  }
  const result = operator && prepared ? holds(condition, operator, prepared, present ? raw : undefined) : false
  return { condition, requestValue: present ? raw : undefined, policyValues, result }
}

function holds(condition: CompiledCondition, operator: ConditionOperator, prepared: unknown[], raw: ContextValue | undefined): boolean {
  if (operator.family === 'Null') {
    // "true": the key is absent; "false": it is present. Several values OR together.
    const absent = raw === undefined
    for (const value of prepared) if (value === absent) return true
    return false
  }
  const qualifier = condition.qualifier
  if (raw === undefined) {
    // ForAllValues over an absent key is true (every member of the empty set matches); ForAnyValue is false.
    if (qualifier === 'ForAllValues') return true
    if (condition.ifExists) return true
    if (qualifier === 'ForAnyValue') return false
    // Without IfExists a missing key fails positive operators and satisfies negated ones.
    return operator.negated
  }
  if (qualifier === undefined) {
    let any = false
    if (Array.isArray(raw)) {
      for (const value of raw) if (matchesAny(operator, value, prepared)) any = true
    } else any = matchesAny(operator, raw, prepared)
    return operator.negated ? !any : any
  }
  const values: ContextScalar[] = Array.isArray(raw) ? raw : [raw]
  // An empty string resolves to the empty set for the set operators.
  if (values.length === 1 && values[0] === '') return qualifier === 'ForAllValues' || condition.ifExists
  if (qualifier === 'ForAnyValue') {
    for (const value of values) if (matchesAny(operator, value, prepared) !== operator.negated) return true
    return false
  }
  for (const value of values) if (matchesAny(operator, value, prepared) === operator.negated) return false
  return true
}

/** Does one request value satisfy the positive comparison with any policy value (values OR together)? */
function matchesAny(operator: ConditionOperator, value: ContextScalar, prepared: unknown[]): boolean {
  const converted = operator.convert(value)
  if (converted === undefined) return false
  for (const policyValue of prepared) if (policyValue !== undefined && operator.test(converted, policyValue)) return true
  return false
}
