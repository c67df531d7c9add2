//! Recomputes a request's SigV4 signature with the caller's secret and compares it with the one sent.
import * as crypto from 'node:crypto'
import { canonicalRequest } from './canonical-request.js'
import { SIGV4_ALGORITHM, type SignatureParts } from './parse-authorization.js'
import { deriveSigningKey, type SigningKeyCache } from './signing-key-cache.js'

export interface VerifiableRequest {
  method: string
  path: string
  /** Lower-case names. */
  headers: Record<string, string>
  body: Buffer
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'
const SHA256_HEX = /^[0-9a-f]{64}$/

export function verifySignature(
  parts: SignatureParts,
  request: VerifiableRequest,
  secret: string,
  signingKeys?: SigningKeyCache,
): boolean {
  const bodyHash = sha256Hex(request.body)
  const declared = parts.location === 'header' ? request.headers['x-amz-content-sha256'] : queryValue(parts, 'X-Amz-Content-Sha256')
  if (declared !== undefined) {
    // A declared body hash is signed in place of the body; it must then be the body's hash.
    if (SHA256_HEX.test(declared) && declared !== bodyHash) return false
    return matches(parts, computeSignature(parts, request, secret, declared, signingKeys))
  }
  if (matches(parts, computeSignature(parts, request, secret, bodyHash, signingKeys))) return true
  // S3-style presigners sign "UNSIGNED-PAYLOAD" for a URL whose body they cannot know.
  return parts.location === 'query' && matches(parts, computeSignature(parts, request, secret, UNSIGNED_PAYLOAD, signingKeys))
}

/** The signature AWS would compute for this request (AWS Signature Version 4, "Create a signature"). */
export function computeSignature(
  parts: SignatureParts,
  request: VerifiableRequest,
  secret: string,
  payloadHash: string,
  signingKeys?: SigningKeyCache,
): string {
  const canonical = canonicalRequest({
    method: request.method,
    path: request.path,
    query: parts.query,
    headers: request.headers,
    signedHeaders: parts.signedHeaders,
    payloadHash,
  })
  const stringToSign = `${SIGV4_ALGORITHM}\n${parts.amzDate}\n${parts.credentialScope}\n${sha256Hex(canonical)}`
  const key = signingKeys
    ? signingKeys.get(secret, parts.scopeDate, parts.region, parts.service)
    : deriveSigningKey(secret, parts.scopeDate, parts.region, parts.service)
  return crypto.createHmac('sha256', key).update(stringToSign).digest('hex')
}

function matches(parts: SignatureParts, expected: string): boolean {
  const sent = Buffer.from(parts.signature.toLowerCase())
  const wanted = Buffer.from(expected)
  return sent.length === wanted.length && crypto.timingSafeEqual(sent, wanted)
}

function queryValue(parts: SignatureParts, name: string): string | undefined {
  return parts.query.find(([key]) => key === name)?.[1]
}

/** One-shot crypto.hash (Node ≥ 20.12) is three times faster than createHash on small bodies. */
const sha256Hex: (data: Buffer | string) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex')
