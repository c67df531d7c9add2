//! Reads a SigV4 signature from the Authorization header or a presigned query string, without verifying it.
import type { AuthProtocol } from '../errors.js'
import { incompleteSignature, missingAuthenticationToken } from '../errors.js'
import { parseQueryPairs, type QueryPair } from './query-pairs.js'

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256'

/** What a request says about its own signature (AWS Signature Version 4, "Elements of an AWS API request signature"). */
export interface SignatureParts {
  /** Where the signature travelled: the Authorization header, or X-Amz-* query parameters (a presigned URL). */
  location: 'header' | 'query'
  accessKeyId: string
  /** `<YYYYMMDD>/<region>/<service>/aws4_request`, as sent. */
  credentialScope: string
  scopeDate: string
  region: string
  service: string
  terminator: string
  /** Lower-case names, in the order sent (SignedHeaders / X-Amz-SignedHeaders). */
  signedHeaders: string[]
  signature: string
  /** The signing time in ISO 8601 basic format, e.g. 20240101T000000Z. */
  amzDate: string
  /** Which field gave the time, for AWS's "from 'X-Amz-Date'" wording. */
  amzDateSource: 'X-Amz-Date' | 'Date'
  /** X-Amz-Expires of a presigned URL, in seconds. */
  expiresSeconds?: number
  /** X-Amz-Security-Token (header or query). */
  sessionToken?: string
  /** The decoded query parameters, for the canonical query string. */
  query: QueryPair[]
}

export interface SignedRequestView {
  headers: Record<string, string>
  query: string
}

const ISO_BASIC = /^\d{8}T\d{6}Z$/
const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders']
/** SigV4 signing keys are valid seven days, so presigned URLs are too (S3 "Authenticating Requests: Using Query Parameters"). */
const MAX_PRESIGN_SECONDS = 604800

/**
 * Parses the request's signature. Header names must be lower case (as node gives them).
 * Throws MissingAuthenticationToken when the request carries no signature at all, IncompleteSignature
 * when it carries a broken one.
 */
export function parseAuthorization(request: SignedRequestView, protocol: AuthProtocol): SignatureParts {
  const header = request.headers['authorization']
  const query = parseQueryPairs(request.query)
  if (header !== undefined && header.trim() !== '') return parseHeader(header, request.headers, query, protocol)
  if (query.some(([name]) => name === 'X-Amz-Algorithm' || name === 'X-Amz-Credential' || name === 'X-Amz-Signature')) {
    return parsePresigned(query, protocol)
  }
  throw missingAuthenticationToken(protocol)
}

function parseHeader(header: string, headers: Record<string, string>, query: QueryPair[], protocol: AuthProtocol): SignatureParts {
  const trimmed = header.trim()
  const space = trimmed.search(/\s/)
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space)
  const fields = new Map<string, string>()
  if (space >= 0) {
    for (const token of trimmed.slice(space).split(/[\s,]+/)) {
      if (token === '') continue
      const equals = token.indexOf('=')
      if (equals < 0) {
        throw incompleteSignature(protocol, `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`)
      }
      fields.set(token.slice(0, equals), token.slice(equals + 1))
    }
  }
  const credential = fields.get('Credential')
  const signature = fields.get('Signature')
  const signedHeaders = fields.get('SignedHeaders')
  const amzDate = headers['x-amz-date']
  const date = headers['date']
  // AWS lists every missing part, then echoes the header ("… Authorization=AWS4-HMAC-SHA256 Credential=…").
  const missing: string[] = []
  if (!credential) missing.push("Authorization header requires 'Credential' parameter.")
  if (!signature) missing.push("Authorization header requires 'Signature' parameter.")
  if (!signedHeaders) missing.push("Authorization header requires 'SignedHeaders' parameter.")
  if (!amzDate && !date) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
  if (missing.length > 0) throw incompleteSignature(protocol, `${missing.join(' ')} Authorization=${header}`)
  // Our wording: AWS does not document its answer to a complete header with another algorithm (e.g. SigV4a).
  if (algorithm !== SIGV4_ALGORITHM) throw incompleteSignature(protocol, `Unsupported AWS 'algorithm': '${algorithm}'.`)
  const time = amzDate ? { value: isoBasic(amzDate, protocol), source: 'X-Amz-Date' as const } : { value: httpDate(date!, protocol), source: 'Date' as const }
  return {
    location: 'header',
    ...splitCredential(credential!, protocol),
    signedHeaders: splitSignedHeaders(signedHeaders!, protocol),
    signature: signature!,
    amzDate: time.value,
    amzDateSource: time.source,
    sessionToken: headers['x-amz-security-token'],
    query,
  }
}

function parsePresigned(query: QueryPair[], protocol: AuthProtocol): SignatureParts {
  const params = new Map(query)
  // AWS's wording for an incomplete presigned URL (S3 AuthorizationQueryParametersError; Coral services do not document theirs).
  if (PRESIGN_PARAMS.some((name) => !params.get(name))) {
    throw incompleteSignature(
      protocol,
      `AWS query-string parameters must include ${PRESIGN_PARAMS.map((name) => `'${name}'`).join(', ')}. Re-examine the query-string parameters.`,
    )
  }
  const algorithm = params.get('X-Amz-Algorithm')!
  if (algorithm !== SIGV4_ALGORITHM) {
    throw incompleteSignature(protocol, "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"")
  }
  const expires = params.get('X-Amz-Expires')
  let expiresSeconds: number | undefined
  if (expires !== undefined) {
    if (!/^\d+$/.test(expires)) throw incompleteSignature(protocol, 'X-Amz-Expires should be a number')
    expiresSeconds = Number(expires)
    if (expiresSeconds > MAX_PRESIGN_SECONDS) {
      throw incompleteSignature(protocol, `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGN_SECONDS}`)
    }
  }
  return {
    location: 'query',
    ...splitCredential(params.get('X-Amz-Credential')!, protocol),
    signedHeaders: splitSignedHeaders(params.get('X-Amz-SignedHeaders')!, protocol),
    signature: params.get('X-Amz-Signature')!,
    amzDate: isoBasic(params.get('X-Amz-Date')!, protocol),
    amzDateSource: 'X-Amz-Date',
    expiresSeconds,
    sessionToken: params.get('X-Amz-Security-Token'),
    query,
  }
}

type CredentialFields = Pick<SignatureParts, 'accessKeyId' | 'credentialScope' | 'scopeDate' | 'region' | 'service' | 'terminator'>

function splitCredential(credential: string, protocol: AuthProtocol): CredentialFields {
  const parts = credential.split('/')
  if (parts.length !== 5 || parts.some((part) => part === '')) {
    throw incompleteSignature(
      protocol,
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    )
  }
  const [accessKeyId, scopeDate, region, service, terminator] = parts as [string, string, string, string, string]
  return { accessKeyId, credentialScope: parts.slice(1).join('/'), scopeDate, region, service, terminator }
}

function splitSignedHeaders(text: string, protocol: AuthProtocol): string[] {
  const names = text.split(';').map((name) => name.toLowerCase())
  // AWS: the host must be signed, or any host could replay the request.
  if (!names.includes('host') && !names.includes(':authority')) {
    throw incompleteSignature(protocol, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
  }
  return names
}

function isoBasic(value: string, protocol: AuthProtocol): string {
  if (!ISO_BASIC.test(value) || Number.isNaN(Date.parse(isoExtended(value)))) {
    throw incompleteSignature(protocol, `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`)
  }
  return value
}

/** A `Date` header (RFC 7231 IMF-fixdate) turned into the ISO basic form the string to sign uses. */
function httpDate(value: string, protocol: AuthProtocol): string {
  const millis = Date.parse(value)
  if (Number.isNaN(millis)) {
    throw incompleteSignature(protocol, `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`)
  }
  return formatIsoBasic(new Date(millis))
}

/** 20240101T000000Z → 2024-01-01T00:00:00Z */
export function isoExtended(basic: string): string {
  return `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 11)}:${basic.slice(11, 13)}:${basic.slice(13)}`
}

export function formatIsoBasic(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}
