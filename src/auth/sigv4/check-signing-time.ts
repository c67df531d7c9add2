//! The signing time and credential scope rules: scope date = request date, terminator, 15-minute window, X-Amz-Expires.
import type { AuthProtocol } from '../errors.js'
import { requestTimeOutOfWindow, signatureScopeMismatch } from '../errors.js'
import { formatIsoBasic, isoExtended, type SignatureParts } from './parse-authorization.js'

/** AWS refuses a signed request more than 15 minutes away from its clock (SigV4 "Signature expired"). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000

export function checkSigningTime(parts: SignatureParts, now: Date, protocol: AuthProtocol): void {
  const requestDay = parts.amzDate.slice(0, 8)
  if (parts.scopeDate !== requestDay) {
    throw signatureScopeMismatch(
      protocol,
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts.scopeDate}' != '${requestDay}', from '${parts.amzDateSource}'.`,
    )
  }
  if (parts.terminator !== 'aws4_request') {
    throw signatureScopeMismatch(protocol, `Credential should be scoped with a valid terminator: 'aws4_request', not '${parts.terminator}'.`)
  }
  const signedAt = Date.parse(isoExtended(parts.amzDate))
  const at = now.getTime()
  if (signedAt > at + MAX_CLOCK_SKEW_MS) {
    throw requestTimeOutOfWindow(
      protocol,
      `Signature not yet current: ${parts.amzDate} is still later than ${stamp(at + MAX_CLOCK_SKEW_MS)} (${stamp(at)} + 15 min.)`,
    )
  }
  // A presigned URL lives for its X-Amz-Expires; a header-signed request for 15 minutes.
  const lifetimeMs = parts.location === 'query' && parts.expiresSeconds !== undefined ? parts.expiresSeconds * 1000 : MAX_CLOCK_SKEW_MS
  if (signedAt < at - lifetimeMs) {
    throw requestTimeOutOfWindow(
      protocol,
      `Signature expired: ${parts.amzDate} is now earlier than ${stamp(at - lifetimeMs)} (${stamp(at)} - ${lifetimeText(lifetimeMs)})`,
    )
  }
}

function stamp(millis: number): string {
  return formatIsoBasic(new Date(millis))
}

function lifetimeText(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  return seconds % 60 === 0 ? `${seconds / 60} min.` : `${seconds} sec.`
}
