//! Policy text -> document node: the root object, its Version and each statement with its line/column span.
import { parseJson } from './parse-json.js'
import { isJsonObject, type PolicyDocumentNode, type SourceSpan, type StatementNode } from './policy-document.js'

const UNKNOWN_SPAN: SourceSpan = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }

/** undefined when the text is not JSON or not an object. A Statement that is one object counts as a list of one. */
export function parsePolicy(text: string): PolicyDocumentNode | undefined {
  const parsed = parseJson(text)
  if (!parsed || !isJsonObject(parsed.value)) return undefined
  const root = parsed.value
  const version = typeof root['Version'] === 'string' ? root['Version'] : undefined
  const statement = root['Statement']
  const list = Array.isArray(statement) ? statement : statement === undefined ? [] : [statement]
  const statements: StatementNode[] = []
  list.forEach((value, index) => {
    if (isJsonObject(value)) statements.push({ index, value, span: parsed.spanOf(value) ?? UNKNOWN_SPAN })
  })
  return { root, version, statements }
}
