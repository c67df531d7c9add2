//! Describe* paging: MaxResults and an opaque NextToken naming the id of the last item returned.
import { invalidPaginationToken } from './errors.js'

const PREFIX = 'taskrole-ec2:'

export function pageOf<T>(items: readonly T[], options: { NextToken?: string; MaxResults?: number }, idOf: (item: T) => string): { items: T[]; NextToken?: string } {
  let start = 0
  if (options.NextToken !== undefined) {
    const text = Buffer.from(options.NextToken, 'base64url').toString('utf8')
    if (!text.startsWith(PREFIX)) throw invalidPaginationToken(options.NextToken)
    const last = text.slice(PREFIX.length)
    start = items.findIndex((item) => idOf(item) > last)
    if (start < 0) start = items.length
  }
  const limit = options.MaxResults ?? items.length
  const slice = items.slice(start, start + limit)
  if (start + limit >= items.length) return { items: slice }
  return { items: slice, NextToken: Buffer.from(PREFIX + idOf(slice[slice.length - 1]!), 'utf8').toString('base64url') }
}
