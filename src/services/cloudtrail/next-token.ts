//! LookupEvents' opaque NextToken: where the previous page stopped, bound to the query it was issued for, since a
//! token "previously used in a request with different parameters" is invalid (CloudTrail API Reference, LookupEvents).
import { createHash } from 'node:crypto'
import { invalidNextToken } from './errors.js'

/** What a token is bound to: the caller's account and every filter of the query. */
export function queryFingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16)
}

/** Where a page stopped: the audit sequence number of its last event, and that event's id. */
export interface PageBoundary {
  seq: number
  eventId: string
}

// The event id is in the token because sequence numbers are reused: a reset empties the trail and numbering starts
// again at 1, so a seq alone would let a token from before the reset page through the new trail's events.
export function encodeNextToken(boundary: PageBoundary, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ s: boundary.seq, e: boundary.eventId, f: fingerprint })).toString('base64url')
}

/** Where the next page continues below; the caller checks that the boundary event is still where it was. */
export function decodeNextToken(token: string, fingerprint: string): PageBoundary {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalidNextToken()
  }
  const { s, e, f } = (parsed ?? {}) as { s?: unknown; e?: unknown; f?: unknown }
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0 || typeof e !== 'string' || f !== fingerprint) throw invalidNextToken()
  return { seq: s, eventId: e }
}
