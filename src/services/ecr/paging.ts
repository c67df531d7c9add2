//! ECR paging: maxResults (1-1000, default 100 for DescribeRepositories/DescribeImages/ListImages) and an opaque
//! nextToken naming the sort key of the last item returned, so a page survives deletions before it.
import { invalidNextToken } from './errors.js'

export const DEFAULT_MAX_RESULTS = 100

const PREFIX = 'taskrole-ecr:'

export interface Page<T> {
  items: T[]
  nextToken?: string
}

/** The page after `nextToken` of `items`, which are sorted by `keyOf` in code-unit order. */
export function pageOf<T>(items: readonly T[], options: { nextToken?: string; maxResults?: number }, keyOf: (item: T) => string): Page<T> {
  const limit = options.maxResults ?? DEFAULT_MAX_RESULTS
  let start = 0
  if (options.nextToken !== undefined) {
    const last = decode(options.nextToken)
    start = items.findIndex((item) => keyOf(item) > last)
    if (start < 0) start = items.length
  }
  const slice = items.slice(start, start + limit)
  // A token only when more items follow, so SDK paginators stop on the last page.
  if (start + limit >= items.length) return { items: slice }
  return { items: slice, nextToken: Buffer.from(PREFIX + keyOf(slice[slice.length - 1]!), 'utf8').toString('base64url') }
}

function decode(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  if (!text.startsWith(PREFIX)) throw invalidNextToken()
  return text.slice(PREFIX.length)
}
