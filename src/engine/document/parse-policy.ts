//! Policy text -> document node: the root object, its Version and each statement with its line/column span.
import { parseJson } from './parse-json.js'
import { isJsonObject, type PolicyDocumentNode, type StatementNode } from './policy-document.js'

/** undefined when the text is not JSON or not an object. A Statement that is one object counts as a list of one. */
export function parsePolicy(text: string): PolicyDocumentNode | undefined {
  const parsed = parseJson(text)
  if (!parsed || !isJsonObject(parsed.value)) return undefined
  const root = parsed.value
  const version = typeof root['Version'] === 'string' ? root['Version'] : undefined
  const statement = root['Statement']
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement]
  const statements: StatementNode[] = []
  // After `[` for the first statement, after the previous element for the others; after `{` for a lone object.
  let reportedStart = Array.isArray(statement) ? (parsed.rangeOf(statement)?.[0] ?? -1) + 1 : undefined
  list.forEach((value, index) => {
    const range = typeof value === 'object' && value !== null ? parsed.rangeOf(value) : undefined
    if (isJsonObject(value) && range) {
      const start = reportedStart ?? range[0] + 1
      statements.push({
        index,
        value,
        span: { start: parsed.positionAt(range[0]), end: parsed.positionAt(range[1]) },
        reportedSpan: { start: parsed.positionAt(start), end: parsed.positionAt(range[1]) },
      })
    }
    if (range) reportedStart = range[1]
  })
  return { root, version, statements }
}
