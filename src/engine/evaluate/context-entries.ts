//! IAM simulate's ContextEntries (SimulatePrincipalPolicy/SimulateCustomPolicy input: ContextKeyName,
//! ContextKeyValues, ContextKeyType) -> the request context the engine evaluates.
import type { ContextValue } from './authorization-request.js'

export interface ContextEntry {
  ContextKeyName?: string
  ContextKeyValues?: string[]
  /** string | stringList | numeric | numericList | boolean | booleanList | ip | ipList | binary | binaryList | date | dateList */
  ContextKeyType?: string
}

/** List types keep every value; the others take the first. Numbers and booleans get their JSON types. */
export function contextFromEntries(entries: readonly ContextEntry[]): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  for (const entry of entries) {
    if (!entry.ContextKeyName) continue
    const values = entry.ContextKeyValues ?? []
    const type = entry.ContextKeyType ?? (values.length > 1 ? 'stringList' : 'string')
    const list = type.endsWith('List')
    const base = list ? type.slice(0, -'List'.length) : type
    if (base === 'numeric') {
      const numbers = values.map(Number)
      context[entry.ContextKeyName] = list ? numbers : (numbers[0] ?? NaN)
    } else if (base === 'boolean') {
      const booleans = values.map((value) => value.toLowerCase() === 'true')
      context[entry.ContextKeyName] = list ? booleans : (booleans[0] ?? false)
    } else {
      context[entry.ContextKeyName] = list ? [...values] : (values[0] ?? '')
    }
  }
  return context
}
