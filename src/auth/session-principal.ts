//! Session principals are stored as JSON; their dates come back as Dates here.
import type { Principal } from './principal.js'

export function reviveSessionPrincipal(raw: unknown): Principal {
  const principal = raw as Principal & { session?: { issuedAt: string | Date; expiresAt: string | Date } }
  if (principal.type !== 'AWSService' && principal.session) {
    principal.session.issuedAt = new Date(principal.session.issuedAt)
    principal.session.expiresAt = new Date(principal.session.expiresAt)
  }
  return principal
}
