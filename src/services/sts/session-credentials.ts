//! Issues temporary credentials (ASIA key, secret, token) and stores them with the session's principal, which
//! auth/ reads back to authenticate requests signed with them (auth/lookup-credential.ts).
import { accessKeyId as newAccessKeyId, secretAccessKey as newSecretAccessKey, sessionToken as newSessionToken } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import { SESSION_COLLECTION, type SessionCredentialRecord, type Store } from '../../store/index.js'

/** The Credentials structure of AssumeRole and GetSessionToken. */
export interface CredentialsOutput {
  AccessKeyId: string
  SecretAccessKey: string
  SessionToken: string
  Expiration: Date
}

/** When a session that starts now and lasts `seconds` ends; STS reports expiry to the second
 *  (Expiration is YYYY-MM-DDTHH:MM:SSZ on the wire), so the stored expiry is that second too. */
export function sessionExpiry(now: Date, seconds: number): Date {
  return new Date(Math.floor(now.getTime() / 1000) * 1000 + seconds * 1000)
}

/** Creates a key pair and token, builds the session's principal around the new key id and stores both. */
export function issueSessionCredentials(store: Store, expiresAt: Date, principalFor: (accessKeyId: string) => Principal): CredentialsOutput {
  const credentials: CredentialsOutput = {
    AccessKeyId: newAccessKeyId('ASIA'),
    SecretAccessKey: newSecretAccessKey(),
    SessionToken: newSessionToken(),
    Expiration: expiresAt,
  }
  const record: SessionCredentialRecord = {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiresAt: credentials.Expiration.toISOString(),
    principal: principalFor(credentials.AccessKeyId),
  }
  store.documents.collection<SessionCredentialRecord>(SESSION_COLLECTION).put('', credentials.AccessKeyId, record)
  return credentials
}

/**
 * What CloudTrail records of issued credentials: the key id and expiry, never the secret; the token member is kept
 * so that the audit layer's redaction shows it as hidden, as the shape of AWS's record has it.
 */
export function credentialsAuditView(credentials: CredentialsOutput): Record<string, unknown> {
  return {
    AccessKeyId: credentials.AccessKeyId,
    SessionToken: 'hidden',
    Expiration: cloudTrailDate(credentials.Expiration),
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** CloudTrail writes STS expirations as "Nov 29, 2018 4:31:59 AM" (UTC), unlike the ISO times elsewhere. */
export function cloudTrailDate(date: Date): string {
  const hours = date.getUTCHours()
  const twelve = hours % 12 === 0 ? 12 : hours % 12
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${twelve}:${pad(date.getUTCMinutes())}:${pad(
    date.getUTCSeconds(),
  )} ${hours < 12 ? 'AM' : 'PM'}`
}
