//! Access key id → who it belongs to and the secret to check its signature with (root, issued IAM/session keys, lenient fallback).
import { isAccountId } from '../aws/index.js'
import type { Principal, RootPrincipal } from './principal.js'

/** What the store knows about an AKIA/ASIA key taskrole issued. */
export interface IssuedCredential {
  secretAccessKey: string
  principal: Principal
  /** ASIA keys: the token the request must carry (X-Amz-Security-Token header or query parameter). */
  sessionToken?: string
  /** ASIA keys. */
  expiresAt?: Date
  /** IAM user keys can be Inactive; AWS then answers as for an unknown key. */
  active: boolean
}

export interface AccessKeyOptions {
  /** The secret of every account's root key (`test` unless configured). */
  rootSecret: string
  /** The account whose root the placeholder key id `test` (and, when lenient, any unknown key) stands for. */
  defaultAccount: string
  /** Take unknown keys as the default account's root, signature unchecked (for suites written against mocks). */
  lenient: boolean
  lookupCredential(accessKeyId: string): IssuedCredential | undefined
}

export type ResolvedAccessKey =
  /** A key whose signature must be verified. */
  | {
      kind: 'verify'
      principal: Principal
      secret: string
      sessionToken?: string
      /** Root keys under --auth lenient: a stray session token (AWS_SESSION_TOKEN=testing) is ignored. */
      ignoresSessionToken: boolean
      expiresAt?: Date
      active: boolean
    }
  /** --auth lenient and an unknown key: trusted without a signature check. */
  | { kind: 'unchecked'; principal: Principal }
  | { kind: 'unknown' }

/** The key id many local set-ups use as a placeholder (LocalStack's convention), in any letter case. */
const PLACEHOLDER_KEY = /^test$/i

export function resolveAccessKey(accessKeyId: string, options: AccessKeyOptions): ResolvedAccessKey {
  // INVARIANT: issued keys come first, so --auth lenient never relaxes a key taskrole handed out.
  const issued = options.lookupCredential(accessKeyId)
  if (issued) {
    return {
      kind: 'verify',
      principal: issued.principal,
      secret: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      ignoresSessionToken: false,
      expiresAt: issued.expiresAt,
      active: issued.active,
    }
  }
  const rootAccount = isAccountId(accessKeyId) ? accessKeyId : PLACEHOLDER_KEY.test(accessKeyId) ? options.defaultAccount : undefined
  if (rootAccount !== undefined) {
    return {
      kind: 'verify',
      principal: rootPrincipal(rootAccount, accessKeyId),
      secret: options.rootSecret,
      ignoresSessionToken: options.lenient,
      active: true,
    }
  }
  if (options.lenient) return { kind: 'unchecked', principal: rootPrincipal(options.defaultAccount, accessKeyId) }
  return { kind: 'unknown' }
}

export function rootPrincipal(accountId: string, accessKeyId: string): RootPrincipal {
  return { type: 'Root', accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, accessKeyId }
}
