//! DescribeLogGroups / DescribeLogStreams paging: `limit` (default and maximum 50) and an opaque nextToken that
//! names the sort key of the last item returned, so a page survives deletions before it.
import { invalidNextToken } from './errors.js'

export const DEFAULT_DESCRIBE_LIMIT = 50

const PREFIX = 'taskrole-page:'

export interface Page<T> {
  items: T[]
  nextToken?: string
}

/**
 * The page after `nextToken` of `items`, which are already in the order the caller asked for; `keyOf` gives each
 * item's position (strings compared in that same order, via `compare`).
 */
export function pageOf<T>(
  items: readonly T[],
  options: { nextToken?: string; limit?: number },
  keyOf: (item: T) => string,
  compare: (a: string, b: string) => number,
): Page<T> {
  const limit = options.limit ?? DEFAULT_DESCRIBE_LIMIT
  let start = 0
  if (options.nextToken !== undefined) {
    const last = decodePageToken(options.nextToken)
    start = items.findIndex((item) => compare(keyOf(item), last) > 0)
    if (start < 0) start = items.length
  }
  const slice = items.slice(start, start + limit)
  // A token only when more items follow, so SDK paginators stop on the last page.
  if (start + limit >= items.length) return { items: slice }
  return { items: slice, nextToken: encodePageToken(keyOf(slice[slice.length - 1]!)) }
}

/** Plain code-unit order, which is the ASCII order AWS documents for names. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function encodePageToken(key: string): string {
  return Buffer.from(PREFIX + key, 'utf8').toString('base64url')
}

function decodePageToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  if (!text.startsWith(PREFIX)) throw invalidNextToken()
  return text.slice(PREFIX.length)
}
