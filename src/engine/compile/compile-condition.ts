//! Condition block -> one compiled test per (operator, key) pair; they AND together, values of one key OR
//! (IAM User Guide, "Creating a condition with multiple keys or values").
import { isJsonObject, type JsonValue } from '../document/policy-document.js'
import { parseOperatorName, type ConditionOperator, type SetQualifier } from './condition-operators.js'
import { parseTemplate, resolveStatic, type Template } from './policy-variables.js'

export interface CompiledCondition {
  /** As written: `ForAnyValue:StringNotEqualsIfExists`. */
  operatorName: string
  /** undefined for an operator IAM does not know: such a condition never holds. */
  operator: ConditionOperator | undefined
  qualifier: SetQualifier | undefined
  ifExists: boolean
  key: string
  keyLower: string
  /** The policy's values as text, for explanations. */
  policyValues: string[]
  /** Compiled values when none uses a policy variable. */
  prepared: unknown[] | undefined
  /** Values with variables, compiled per request. */
  templates: Template[] | undefined
}

export function compileConditions(element: JsonValue | undefined, variablesEnabled: boolean): CompiledCondition[] {
  if (!isJsonObject(element)) return []
  const conditions: CompiledCondition[] = []
  for (const [operatorName, block] of Object.entries(element)) {
    if (!isJsonObject(block)) continue
    const name = parseOperatorName(operatorName)
    const operator = name.operator
    for (const [key, raw] of Object.entries(block)) {
      const policyValues = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== null && typeof v !== 'object').map(String)
      const substitute = variablesEnabled && operator?.variables === true
      const templates = policyValues.map((value) => parseTemplate(value, substitute))
      const dynamic = templates.some((template) => template.hasVariables)
      conditions.push({
        operatorName,
        operator,
        qualifier: name.qualifier,
        // Null cannot take IfExists; NullIfExists behaves as Null.
        ifExists: name.ifExists && operator?.family !== 'Null',
        key,
        keyLower: key.toLowerCase(),
        policyValues,
        prepared: operator && !dynamic ? templates.map((template) => prepareStatic(operator, template)) : undefined,
        templates: dynamic ? templates : undefined,
      })
    }
  }
  return conditions
}

function prepareStatic(operator: ConditionOperator, template: Template): unknown {
  const resolved = resolveStatic(template)
  return operator.prepare(resolved.text, resolved.literal)
}
