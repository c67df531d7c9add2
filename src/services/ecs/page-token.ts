//! Paging for ECS list operations: maxResults 1-100 (default 100) and an opaque nextToken holding the last key.
import { invalidMaxResults, invalidNextToken } from './errors.js'

export interface Page<T> {
  items: T[]
  nextToken?: string
}

/** Pages items already in their listing order; `keyOf` gives each item's stable position key. */
export function pageOf<T>(items: T[], keyOf: (item: T) => string, input: { nextToken?: string; maxResults?: number }): Page<T> {
  const limit = input.maxResults ?? 100
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidMaxResults()
  let start = 0
  if (input.nextToken !== undefined) {
    const after = decodeToken(input.nextToken)
    const index = items.findIndex((item) => keyOf(item) === after)
    // The item the token points at may have gone since; continue after the first key sorting later.
    start = index >= 0 ? index + 1 : items.findIndex((item) => keyOf(item) > after)
    if (start < 0) start = items.length
  }
  const page = items.slice(start, start + limit)
  const more = start + limit < items.length
  return { items: page, nextToken: more ? encodeToken(keyOf(page[page.length - 1]!)) : undefined }
}

function encodeToken(key: string): string {
  return Buffer.from(JSON.stringify({ after: key }), 'utf8').toString('base64url')
}

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { after?: unknown }
    if (typeof parsed.after === 'string') return parsed.after
  } catch {
    // fall through
  }
  throw invalidNextToken()
}
