//! The SigV4 canonical request, built by the AWS SDK's own signer code so that it matches what clients sign.
import { Sha256 } from '@aws-crypto/sha256-js'
import { SignatureV4Base } from '@smithy/signature-v4'
import type { QueryPair } from './query-pairs.js'

export interface CanonicalRequestInput {
  method: string
  /** The path as sent on the wire (still percent-encoded); it is normalised and encoded again, as every non-S3 service signs it. */
  path: string
  query: QueryPair[]
  /** Request headers, lower-case names. */
  headers: Record<string, string>
  signedHeaders: string[]
  payloadHash: string
}

/**
 * Borrows @smithy/signature-v4's canonical path (dot-segment removal, double encoding) and canonical
 * query (RFC 3986 encoding, sorting, X-Amz-Signature left out); it never signs, so its credentials are empty.
 */
class CanonicalRequestBuilder extends SignatureV4Base {
  constructor() {
    super({ service: 'none', region: 'none', credentials: { accessKeyId: '', secretAccessKey: '' }, sha256: Sha256 })
  }

  build(input: CanonicalRequestInput): string {
    const query: Record<string, string | string[]> = {}
    for (const [name, value] of input.query) {
      const previous = query[name]
      if (previous === undefined) query[name] = value
      else if (Array.isArray(previous)) previous.push(value)
      else query[name] = [previous, value]
    }
    const canonicalHeaders: Record<string, string> = {}
    for (const name of input.signedHeaders) canonicalHeaders[name] = trimAll(input.headers[name] ?? '')
    const request = { method: input.method.toUpperCase(), protocol: 'https:', hostname: '', path: input.path, query, headers: {} }
    return this.createCanonicalRequest(request, canonicalHeaders, input.payloadHash)
  }
}

const builder = new CanonicalRequestBuilder()

export function canonicalRequest(input: CanonicalRequestInput): string {
  return builder.build(input)
}

/** SigV4 "Trimall": no leading or trailing blanks, inner runs of blanks collapsed to one space. */
function trimAll(value: string): string {
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim()
}
