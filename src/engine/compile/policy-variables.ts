//! Policy variables (IAM User Guide, "IAM policy elements: Variables and tags"): `${aws:username}`,
//! `${aws:PrincipalTag/team, 'default'}`, and the escapes `${*}`, `${?}`, `${$}` for literal characters.
//! Only under "Version": "2012-10-17"; under 2008-10-17 or without Version they are literal text.
import type { ContextValue } from '../evaluate/authorization-request.js'

export interface VariablePart {
  /** The key as written, for explanations and MissingContextValues. */
  key: string
  keyLower: string
  /** The default after the comma, used when the key is absent. */
  fallback?: string
}

/** Text parts keep their wildcards; a one-character string in `escaped` came from `${*}` / `${?}` / `${$}`. */
export type TemplatePart = string | VariablePart | { escaped: string }

export interface Template {
  source: string
  parts: TemplatePart[]
  /** Some part reads the request context; escapes alone do not count. */
  hasVariables: boolean
}

/** Where variables get their values: the request context, with a note of keys it does not carry. */
export interface VariableSource {
  /** Condition key names are case-insensitive: `keyLower` is the key in lower case. */
  lookup(key: string, keyLower: string): ContextValue | undefined
  noteMissing?(key: string): void
}

const NO_VALUES: VariableSource = { lookup: () => undefined }

export interface ResolvedText {
  text: string
  /** 1 for `*` and `?` that came from a variable or an escape: they never act as wildcards. */
  literal: Uint8Array | undefined
}

const ESCAPES = new Set(['*', '?', '$'])
const DEFAULT = /^\s*'([^']*)'\s*$/

export function parseTemplate(source: string, enabled: boolean): Template {
  if (!enabled || !source.includes('${')) return { source, parts: [source], hasVariables: false }
  const parts: TemplatePart[] = []
  let hasVariables = false
  let text = ''
  let i = 0
  while (i < source.length) {
    const open = source.indexOf('${', i)
    const close = open < 0 ? -1 : source.indexOf('}', open + 2)
    if (open < 0 || close < 0) {
      text += source.slice(i)
      break
    }
    text += source.slice(i, open)
    const inner = source.slice(open + 2, close)
    const part = variablePart(inner)
    if (part === undefined) {
      // Not a variable (e.g. `${}`): keep the characters as written.
      text += source.slice(open, close + 1)
    } else {
      if (text) parts.push(text)
      text = ''
      parts.push(part)
      if (!('escaped' in part)) hasVariables = true
    }
    i = close + 1
  }
  if (text || parts.length === 0) parts.push(text)
  return { source, parts, hasVariables }
}

/** Escapes alone need no request: their text is known when the policy is compiled. */
export function resolveStatic(template: Template): ResolvedText {
  return resolveTemplate(template, NO_VALUES) ?? { text: template.source, literal: undefined }
}

function variablePart(inner: string): VariablePart | { escaped: string } | undefined {
  if (ESCAPES.has(inner)) return { escaped: inner }
  const comma = inner.indexOf(',')
  const key = comma < 0 ? inner : inner.slice(0, comma)
  if (!key || /\s/.test(key)) return undefined
  if (comma < 0) return { key, keyLower: key.toLowerCase() }
  const fallback = DEFAULT.exec(inner.slice(comma + 1))
  if (!fallback) return undefined
  return { key, keyLower: key.toLowerCase(), fallback: fallback[1] }
}

/**
 * The template with its variables replaced by the request's values; undefined when a variable has no
 * value and no default (then the element can match nothing). Multivalued keys cannot be substituted.
 */
export function resolveTemplate(template: Template, source: VariableSource): ResolvedText | undefined {
  let text = ''
  let literalRanges: number[] | undefined
  for (const part of template.parts) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    let value: string | undefined
    if ('escaped' in part) value = part.escaped
    else {
      const raw = source.lookup(part.key, part.keyLower)
      value = scalarText(raw)
      if (value === undefined) {
        if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) source.noteMissing?.(part.key)
        value = part.fallback
      }
      if (value === undefined) return undefined
    }
    // Only substituted `*` and `?` need marking: any other character matches itself either way.
    if (value.includes('*') || value.includes('?')) (literalRanges ??= []).push(text.length, text.length + value.length)
    text += value
  }
  let literal: Uint8Array | undefined
  if (literalRanges) {
    literal = new Uint8Array(text.length)
    for (let r = 0; r < literalRanges.length; r += 2) literal.fill(1, literalRanges[r], literalRanges[r + 1])
  }
  return { text, literal }
}

function scalarText(value: ContextValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined
  if (Array.isArray(value)) return undefined
  return String(value)
}
