//! ARN patterns matched segment by segment (IAM User Guide, "IAM JSON policy elements: Resource"):
//! partition, service, region and account each match on their own, and in the resource part `*`
//! also crosses `/` and `:` (`bucket/*/test/*` matches `bucket/1/2/test/3/x`). Case-sensitive.
import { parseTemplate, resolveStatic, resolveTemplate, type Template, type VariableSource } from './policy-variables.js'
import { compileGlob, matchesPattern, type Glob } from './wildcards.js'

/** A request's resource or an ARN condition value, split once per request. */
export interface ArnTarget {
  whole: string
  /** [partition, service, region, account, resource], or undefined when the text is not an ARN. */
  segments: string[] | undefined
}

export interface ArnMatcher {
  readonly pattern: string
  matches(target: ArnTarget): boolean
}

export function splitArn(text: string): string[] | undefined {
  if (!text.startsWith('arn:')) return undefined
  const segments: string[] = []
  let start = 4
  for (let i = 0; i < 4; i++) {
    const colon = text.indexOf(':', start)
    if (colon < 0) return undefined
    segments.push(text.slice(start, colon))
    start = colon + 1
  }
  segments.push(text.slice(start))
  return segments
}

export function arnTarget(text: string): ArnTarget {
  return { whole: text, segments: splitArn(text) }
}

const ANY: ArnMatcher = { pattern: '*', matches: () => true }

/**
 * A pattern with fewer than six parts matches as if the missing trailing parts were `*`
 * (identity policies; research/iam.md §1.12). Text that is not an ARN pattern matches as one glob.
 */
export function compileArnMatcher(pattern: string, literal?: Uint8Array): ArnMatcher {
  if (pattern === '*' && literal?.[0] !== 1) return ANY
  const whole = compileGlob(pattern, literal)
  if (!pattern.startsWith('arn:')) return { pattern, matches: (target) => whole.matches(target.whole) }
  const globs: Glob[] = []
  let start = 4
  for (let i = 0; i < 5; i++) {
    const colon = i < 4 ? pattern.indexOf(':', start) : -1
    const end = colon < 0 ? pattern.length : colon
    if (start > pattern.length) globs.push(compileGlob('*'))
    else globs.push(compileGlob(pattern.slice(start, end), literal?.subarray(start, end)))
    start = colon < 0 ? pattern.length + 1 : colon + 1
  }
  const exact = globs.every((glob) => glob.exact) && splitArn(pattern) !== undefined
  if (exact) return { pattern, matches: (target) => target.whole === pattern }
  return {
    pattern,
    matches(target) {
      const segments = target.segments
      if (!segments) return whole.matches(target.whole)
      for (let i = 0; i < 5; i++) if (!globs[i]!.matches(segments[i]!)) return false
      return true
    },
  }
}

/** A Resource ARN with policy variables: fixed segments compiled once, variable segments resolved per request. */
export interface ArnTemplate {
  readonly written: string
  matches(target: ArnTarget, values: VariableSource): boolean
}

export function compileArnTemplate(source: string): ArnTemplate {
  const whole = parseTemplate(source, true)
  const pieces = source.startsWith('arn:') ? splitOutsideVariables(source.slice(4)) : undefined
  if (!pieces) {
    return {
      written: source,
      matches(target, values) {
        const resolved = resolveTemplate(whole, values)
        return resolved !== undefined && matchesPattern(resolved.text, resolved.literal, target.whole)
      },
    }
  }
  while (pieces.length < 5) pieces.push('*')
  const fixed: Array<{ index: number; glob: Glob }> = []
  const variable: Array<{ index: number; template: Template }> = []
  pieces.forEach((piece, index) => {
    const template = parseTemplate(piece, true)
    if (template.hasVariables) variable.push({ index, template })
    else {
      const resolved = resolveStatic(template)
      fixed.push({ index, glob: compileGlob(resolved.text, resolved.literal) })
    }
  })
  return {
    written: source,
    matches(target, values) {
      const segments = target.segments
      if (!segments) {
        const resolved = resolveTemplate(whole, values)
        return resolved !== undefined && matchesPattern(resolved.text, resolved.literal, target.whole)
      }
      for (const { index, glob } of fixed) if (!glob.matches(segments[index]!)) return false
      for (const { index, template } of variable) {
        const resolved = resolveTemplate(template, values)
        if (resolved === undefined || !matchesPattern(resolved.text, resolved.literal, segments[index]!)) return false
      }
      return true
    },
  }
}

/** partition, service, region, account, resource: split at the first four colons that are not inside `${…}`. */
function splitOutsideVariables(text: string): string[] {
  const pieces: string[] = []
  let start = 0
  for (let i = 0; i < text.length && pieces.length < 4; i++) {
    if (text.startsWith('${', i)) {
      const close = text.indexOf('}', i + 2)
      if (close > 0) {
        i = close
        continue
      }
    }
    if (text.charCodeAt(i) === 0x3a) {
      pieces.push(text.slice(start, i))
      start = i + 1
    }
  }
  pieces.push(text.slice(start))
  return pieces
}
