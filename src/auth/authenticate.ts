//! Stage 4 of the pipeline: verify a request's SigV4 signature and say who sent it.
import { timingSafeEqual } from 'node:crypto'
import { expiredToken, invalidClientTokenId, signatureDoesNotMatch, type AuthProtocol } from './errors.js'
import type { Principal } from './principal.js'
import { resolveAccessKey, type AccessKeyOptions } from './resolve-access-key.js'
import { checkSigningTime, parseAuthorization, verifySignature, type SigningKeyCache } from './sigv4/index.js'

export type { IssuedCredential } from './resolve-access-key.js'

export interface AuthenticateOptions extends AccessKeyOptions {
  now: Date
  /** Derived signing keys kept across requests (one per server); without it each request derives its key. */
  signingKeys?: SigningKeyCache
}

export interface AuthenticatedRequest {
  method: string
  /** As sent on the wire, percent-encoded, without the query. */
  path: string
  /** The raw query string, without '?'. */
  query: string
  /** Lower-case names, as node gives them. */
  headers: Record<string, string>
  body: Buffer
}

/**
 * Verifies the request and returns who made it; throws AwsError with `protocol`'s spelling of AWS's codes.
 * Order: signature present and well formed → key known and active → session token → key expiry →
 * signing time → signature. Called before input validation, as AWS answers a badly signed request
 * with an auth error whatever its parameters.
 */
export function authenticate(request: AuthenticatedRequest, protocol: AuthProtocol, options: AuthenticateOptions): Principal {
  const parts = parseAuthorization(request, protocol)
  const key = resolveAccessKey(parts.accessKeyId, options)
  if (key.kind === 'unchecked') return key.principal
  if (key.kind === 'unknown' || !key.active) throw invalidClientTokenId(protocol)
  // AWS answers a missing, wrong or superfluous session token as an invalid token, not a bad signature.
  if (!key.ignoresSessionToken && !sameToken(key.sessionToken, parts.sessionToken || undefined)) throw invalidClientTokenId(protocol)
  if (key.expiresAt !== undefined && key.expiresAt.getTime() <= options.now.getTime()) throw expiredToken(protocol)
  checkSigningTime(parts, options.now, protocol)
  if (!verifySignature(parts, request, key.secret, options.signingKeys)) throw signatureDoesNotMatch(protocol)
  return key.principal
}

function sameToken(expected: string | undefined, sent: string | undefined): boolean {
  if (expected === undefined || sent === undefined) return expected === sent
  const a = Buffer.from(expected)
  const b = Buffer.from(sent)
  return a.length === b.length && timingSafeEqual(a, b)
}
