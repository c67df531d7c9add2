//! The grammar pass of IAM's policy validation: anything outside it is "Syntax errors in policy."
//! (IAM User Guide, "Grammar of the IAM JSON policy language").
import { parseOperatorName } from '../compile/condition-operators.js'
import { hasKey, isJsonObject, type JsonObject, type JsonValue } from './policy-document.js'

const TOP_ELEMENTS = new Set(['Version', 'Id', 'Statement'])
const VERSIONS = new Set(['2008-10-17', '2012-10-17'])
const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition'])
const PRINCIPAL_KEYS = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser'])

export interface PolicySyntax {
  root: JsonObject
  statements: JsonObject[]
}

/** The statements when the document follows the grammar, undefined otherwise. */
export function checkPolicySyntax(value: JsonValue): PolicySyntax | undefined {
  if (!isJsonObject(value)) return undefined
  for (const key of Object.keys(value)) if (!TOP_ELEMENTS.has(key)) return undefined
  if (hasKey(value, 'Version') && !VERSIONS.has(value['Version'] as string)) return undefined
  if (hasKey(value, 'Id') && typeof value['Id'] !== 'string') return undefined
  const statement = value['Statement']
  if (statement === undefined) return undefined
  const statements = Array.isArray(statement) ? statement : [statement]
  if (statements.length === 0) return undefined
  for (const entry of statements) if (!isJsonObject(entry) || !statementFollowsGrammar(entry)) return undefined
  return { root: value, statements: statements as JsonObject[] }
}

function statementFollowsGrammar(statement: JsonObject): boolean {
  for (const key of Object.keys(statement)) if (!STATEMENT_ELEMENTS.has(key)) return false
  if (hasKey(statement, 'Action') && hasKey(statement, 'NotAction')) return false
  if (hasKey(statement, 'Resource') && hasKey(statement, 'NotResource')) return false
  if (hasKey(statement, 'Principal') && hasKey(statement, 'NotPrincipal')) return false
  const effect = statement['Effect']
  // Case is checked later, by the legacy parser ("denY" fails there, not here).
  if (typeof effect !== 'string' || !['allow', 'deny'].includes(effect.toLowerCase())) return false
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (hasKey(statement, key) && !isStringOrStrings(statement[key])) return false
  }
  for (const key of ['Principal', 'NotPrincipal']) {
    if (hasKey(statement, key) && !principalFollowsGrammar(statement[key]!)) return false
  }
  if (hasKey(statement, 'Condition') && !conditionFollowsGrammar(statement['Condition']!)) return false
  if (hasKey(statement, 'Sid') && typeof statement['Sid'] !== 'string') return false
  return true
}

function isStringOrStrings(value: JsonValue | undefined): boolean {
  if (typeof value === 'string') return true
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/** `"*"` or `{"AWS"|"Service"|"Federated"|"CanonicalUser": string | string[]}`. */
function principalFollowsGrammar(value: JsonValue): boolean {
  if (value === '*') return true
  if (!isJsonObject(value)) return false
  const keys = Object.keys(value)
  if (keys.length === 0) return false
  return keys.every((key) => PRINCIPAL_KEYS.has(key) && isStringOrStrings(value[key]))
}

/**
 * `{Operator: {key: value | [values]}}`. Values may be strings, numbers or booleans. An operator IAM does
 * not know is accepted only with an empty block (AWS accepts `{"x": {}}` and rejects `{"x": {"a": "1"}}`).
 */
function conditionFollowsGrammar(condition: JsonValue): boolean {
  if (!isJsonObject(condition)) return false
  for (const [operatorName, block] of Object.entries(condition)) {
    if (!isJsonObject(block)) return false
    const entries = Object.values(block)
    for (const entry of entries) {
      const values = Array.isArray(entry) ? entry : [entry]
      if (!values.every((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')) return false
    }
    if (!parseOperatorName(operatorName).operator && entries.length > 0) return false
  }
  return true
}
