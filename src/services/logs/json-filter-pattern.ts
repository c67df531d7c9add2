//! JSON filter patterns ("Using filter patterns to match terms in JSON log events"): `{ SELECTOR OP VALUE }` with
//! `=`/`!=` on strings (with `*` wildcards or `%regex%`), numeric `= != < > <= >=`, `IS TRUE|FALSE|NULL`,
//! `NOT EXISTS`, joined by `&&`, `||` and parentheses. Events that are not JSON objects never match.
import type { EventMatcher } from './filter-pattern.js'
import { invalidParameter } from './errors.js'

type Token = { kind: 'punct'; text: string } | { kind: 'string'; text: string } | { kind: 'regex'; text: string } | { kind: 'word'; text: string }
type Condition = (event: unknown) => boolean

const TOKEN = /\s*(?:(&&|\|\||!=|<=|>=|[{}()=<>])|"((?:[^"\\]|\\.)*)"|%((?:[^%\\]|\\.)*)%|([^\s(){}=!<>&|"%]+))/y

export function compileJsonPattern(pattern: string): EventMatcher {
  const tokens = tokenize(pattern)
  let at = 0
  const peek = () => tokens[at]
  const next = () => tokens[at++] ?? fail()
  const fail = (): never => {
    throw invalidParameter(`Invalid filter pattern: ${pattern}`)
  }
  const expect = (text: string) => {
    const token = next()
    if (token.kind !== 'punct' || token.text !== text) fail()
  }
  const isPunct = (text: string) => peek()?.kind === 'punct' && peek()!.text === text

  function expression(): Condition {
    const parts = [conjunction()]
    while (isPunct('||')) (at++, parts.push(conjunction()))
    return parts.length === 1 ? parts[0]! : (event) => parts.some((part) => part(event))
  }
  function conjunction(): Condition {
    const parts = [primary()]
    while (isPunct('&&')) (at++, parts.push(primary()))
    return parts.length === 1 ? parts[0]! : (event) => parts.every((part) => part(event))
  }
  function primary(): Condition {
    if (isPunct('(')) {
      at++
      const inner = expression()
      expect(')')
      return inner
    }
    const selectorToken = next()
    if (selectorToken.kind !== 'word' || !selectorToken.text.startsWith('$')) fail()
    const select = compileSelector(selectorToken.text) ?? fail()
    const op = next()
    if (op.kind === 'word' && op.text === 'IS') {
      const what = next().text
      if (what === 'TRUE') return (event) => select(event) === true
      if (what === 'FALSE') return (event) => select(event) === false
      if (what === 'NULL') return (event) => select(event) === null
      return fail()
    }
    if (op.kind === 'word' && op.text === 'NOT') {
      if (next().text !== 'EXISTS') fail()
      return (event) => select(event) === undefined
    }
    if (op.kind !== 'punct' || !['=', '!=', '<', '>', '<=', '>='].includes(op.text)) return fail()
    return comparison(select, op.text, next())
  }

  expect('{')
  const condition = expression()
  expect('}')
  if (at !== tokens.length) fail()
  return (message) => {
    let event: unknown
    try {
      event = JSON.parse(message)
    } catch {
      return false
    }
    return typeof event === 'object' && event !== null && condition(event)
  }
}

function comparison(select: (event: unknown) => unknown, op: string, value: Token): Condition {
  const number = value.kind === 'word' && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.text) ? Number(value.text) : undefined
  if (number !== undefined) {
    const test = NUMERIC[op]!
    return (event) => {
      const field = select(event)
      return typeof field === 'number' && test(field, number)
    }
  }
  if (op !== '=' && op !== '!=') throw invalidParameter(`Invalid filter pattern: ${op} needs a number`)
  const matches = value.kind === 'regex' ? regexMatcher(value.text) : wildcardMatcher(value.text)
  const negate = op === '!='
  return (event) => {
    const field = select(event)
    if (field === undefined || field === null || typeof field === 'object') return false
    return matches(String(field)) !== negate
  }
}

const NUMERIC: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
}

/** `$.a.b[0].c`: property names and array indexes. */
function compileSelector(text: string): ((event: unknown) => unknown) | undefined {
  const steps: Array<string | number> = []
  const step = /\.([^.[\]]+)|\[(\d+)\]/y
  step.lastIndex = 1
  while (step.lastIndex < text.length) {
    const match = step.exec(text)
    if (!match) return undefined
    steps.push(match[1] !== undefined ? match[1] : Number(match[2]))
  }
  return (event) => {
    let cursor: unknown = event
    for (const key of steps) {
      if (cursor === null || typeof cursor !== 'object') return undefined
      cursor = (cursor as Record<string | number, unknown>)[key]
    }
    return cursor
  }
}

function wildcardMatcher(text: string): (value: string) => boolean {
  if (!text.includes('*')) return (value) => value === text
  const source = text.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')
  const regex = new RegExp(`^${source}$`, 's')
  return (value) => regex.test(value)
}

function regexMatcher(source: string): (value: string) => boolean {
  try {
    const regex = new RegExp(source)
    return (value) => regex.test(value)
  } catch {
    throw invalidParameter(`Invalid filter pattern: %${source}%`)
  }
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < pattern.length) {
    if (/^\s*$/.test(pattern.slice(TOKEN.lastIndex))) break
    const match = TOKEN.exec(pattern)
    if (!match) throw invalidParameter(`Invalid filter pattern: ${pattern}`)
    if (match[1] !== undefined) tokens.push({ kind: 'punct', text: match[1] })
    else if (match[2] !== undefined) tokens.push({ kind: 'string', text: match[2].replace(/\\(.)/g, '$1') })
    else if (match[3] !== undefined) tokens.push({ kind: 'regex', text: match[3] })
    else tokens.push({ kind: 'word', text: match[4]! })
  }
  return tokens
}
