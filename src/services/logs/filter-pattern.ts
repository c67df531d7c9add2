//! CloudWatch Logs filter patterns for FilterLogEvents ("Filter pattern syntax for metric filters, subscription
//! filters, filter log events"): terms, quoted phrases, `?` any-of terms, `-` exclusions, `%regex%`, and JSON
//! patterns `{ $.a = "x" && $.n > 3 }`. Space-delimited patterns (`[ip, user, ...]`) are not supported here.
import { invalidParameter } from './errors.js'
import { compileJsonPattern } from './json-filter-pattern.js'

export type EventMatcher = (message: string) => boolean

interface Term {
  text: string
  kind: 'all' | 'any' | 'none'
}

const TERM = /(\?|-)?("(?:[^"\\]|\\.)*"|[^\s"]+)/g

/** Compiles once per request; matching is then a few substring searches per event. Patterns are case sensitive. */
export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const text = (pattern ?? '').trim()
  // "To match all log events, use a filter pattern of an empty string or a pair of double quotes."
  if (text === '' || text === '""') return () => true
  if (text.startsWith('{')) return compileJsonPattern(text)
  if (text.startsWith('[')) {
    throw invalidParameter('taskrole does not support space-delimited filter patterns ([w1, w2, ...]) yet; use terms, "phrases", %regex% or a JSON pattern')
  }
  if (text.length > 2 && text.startsWith('%') && text.endsWith('%')) return compileRegexTerm(text.slice(1, -1))
  return compileTerms(parseTerms(text))
}

/**
 * Substrings every matching message contains, so the store can narrow rows before the matcher runs: the plain
 * terms of an unstructured pattern; none for JSON and regex patterns.
 */
export function requiredTerms(pattern: string | undefined): string[] {
  const text = (pattern ?? '').trim()
  if (text === '' || text === '""' || text.startsWith('{') || text.startsWith('[') || (text.length > 2 && text.startsWith('%') && text.endsWith('%'))) return []
  return parseTerms(text)
    .filter((term) => term.kind === 'all')
    .map((term) => term.text)
}

export function parseTerms(text: string): Term[] {
  const terms: Term[] = []
  let consumed = 0
  for (const match of text.matchAll(TERM)) {
    if (text.slice(consumed, match.index).trim() !== '') throw invalidFilterPattern(text)
    consumed = match.index! + match[0].length
    const raw = match[2]!
    const value = raw.startsWith('"') ? unquote(raw) : raw
    const kind = match[1] === '?' ? 'any' : match[1] === '-' ? 'none' : 'all'
    if (value !== '') terms.push({ text: value, kind })
  }
  if (text.slice(consumed).trim() !== '') throw invalidFilterPattern(text)
  return terms
}

/**
 * Every plain term must occur, no `-` term may occur, and when there are `?` terms at least one must occur
 * (`?ERROR ?WARN` matches either).
 */
function compileTerms(terms: Term[]): EventMatcher {
  const all = terms.filter((t) => t.kind === 'all').map((t) => t.text)
  const any = terms.filter((t) => t.kind === 'any').map((t) => t.text)
  const none = terms.filter((t) => t.kind === 'none').map((t) => t.text)
  return (message) =>
    all.every((t) => message.includes(t)) && !none.some((t) => message.includes(t)) && (any.length === 0 || any.some((t) => message.includes(t)))
}

function compileRegexTerm(source: string): EventMatcher {
  let regex: RegExp
  try {
    regex = new RegExp(source)
  } catch {
    throw invalidFilterPattern(`%${source}%`)
  }
  return (message) => regex.test(message)
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1')
}

export function invalidFilterPattern(pattern: string) {
  return invalidParameter(`Invalid filter pattern: ${pattern}`)
}
