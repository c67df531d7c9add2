//! `*` (any run of characters) and `?` (one character) as IAM matches them in actions, resources,
//! String*Like and Arn* values (IAM User Guide, "IAM JSON policy elements: Action", "…: Resource").
//! Callers lower-case both sides where matching is case-insensitive (actions).

export interface Glob {
  /** The pattern as compiled (after variable substitution). */
  readonly pattern: string
  /** No wildcard: matches its pattern text only. */
  readonly exact: boolean
  matches(input: string): boolean
}

const STAR = 1
const ONE = 2

/**
 * `literal[i] === 1` marks characters that came from a policy variable or an escape such as `${*}`:
 * they match themselves only, never as wildcards.
 */
export function compileGlob(pattern: string, literal?: Uint8Array): Glob {
  let flags: Uint8Array | undefined
  let stars = 0
  let ones = 0
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i)
    if ((c !== 0x2a && c !== 0x3f) || literal?.[i] === 1) continue
    flags ??= new Uint8Array(pattern.length)
    if (c === 0x2a) {
      flags[i] = STAR
      stars++
    } else {
      flags[i] = ONE
      ones++
    }
  }
  if (!flags) return { pattern, exact: true, matches: (input) => input === pattern }
  if (ones === 0 && stars === 1) {
    if (pattern.length === 1) return { pattern, exact: false, matches: () => true }
    if (flags[pattern.length - 1] === STAR) {
      const prefix = pattern.slice(0, -1)
      return { pattern, exact: false, matches: (input) => input.startsWith(prefix) }
    }
    if (flags[0] === STAR) {
      const suffix = pattern.slice(1)
      return { pattern, exact: false, matches: (input) => input.endsWith(suffix) }
    }
  }
  const mask = flags
  return { pattern, exact: false, matches: (input) => matchWithFlags(pattern, mask, input) }
}

/** Greedy match with one backtrack point per `*`: linear for the patterns policies use. */
function matchWithFlags(pattern: string, flags: Uint8Array, input: string): boolean {
  let p = 0
  let s = 0
  let star = -1
  let mark = 0
  while (s < input.length) {
    if (p < pattern.length) {
      const flag = flags[p]
      if (flag === STAR) {
        star = p++
        mark = s
        continue
      }
      if (flag === ONE || pattern.charCodeAt(p) === input.charCodeAt(s)) {
        p++
        s++
        continue
      }
    }
    if (star === -1) return false
    p = star + 1
    s = ++mark
  }
  while (p < pattern.length && flags[p] === STAR) p++
  return p === pattern.length
}

/** Matching without compiling first, for patterns built per request from policy variables. */
export function matchesPattern(pattern: string, literal: Uint8Array | undefined, input: string): boolean {
  let p = 0
  let s = 0
  let star = -1
  let mark = 0
  while (s < input.length) {
    if (p < pattern.length) {
      const c = pattern.charCodeAt(p)
      const wild = literal === undefined || literal[p] !== 1
      if (c === 0x2a && wild) {
        star = p++
        mark = s
        continue
      }
      if ((c === 0x3f && wild) || c === input.charCodeAt(s)) {
        p++
        s++
        continue
      }
    }
    if (star === -1) return false
    p = star + 1
    s = ++mark
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 0x2a && (literal === undefined || literal[p] !== 1)) p++
  return p === pattern.length
}
