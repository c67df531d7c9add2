//! ARN patterns matched segment by segment (IAM User Guide, "IAM JSON policy elements: Resource"):
//! partition, service, region and account each match on their own, and in the resource part `*`
//! also crosses `/` and `:` (`bucket/*/test/*` matches `bucket/1/2/test/3/x`). Case-sensitive.
import { compileGlob, type Glob } from './wildcards.js'

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
