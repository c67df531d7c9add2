//! LookupEvents' opaque NextToken: where the previous page stopped, bound to the query it was issued for, since a
//! token "previously used in a request with different parameters" is invalid (CloudTrail API Reference, LookupEvents).
import { createHash } from 'node:crypto'
import { invalidNextToken } from './errors.js'

/** What a token is bound to: the caller's account and every filter of the query. */
export function queryFingerprint(query: unknown): string {
  return createHash('sha256').update(JSON.stringify(query)).digest('base64url').slice(0, 16)
}

export function encodeNextToken(afterSeq: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ s: afterSeq, f: fingerprint })).toString('base64url')
}

/** The audit sequence number the next page continues below. */
export function decodeNextToken(token: string, fingerprint: string): number {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    throw invalidNextToken()
  }
  const { s, f } = (parsed ?? {}) as { s?: unknown; f?: unknown }
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0 || f !== fingerprint) throw invalidNextToken()
  return s
}
