//! Finds the secret a SecretId names: its name, its full ARN, or a partial ARN without the six random
//! characters (Secrets Manager API Reference, "SecretId"). ARNs are
//! arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>.
import { randomBytes } from 'node:crypto'
import { parseArn } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { invalidName, markedForDeletion, secretNotFound } from './errors.js'
import { isGone, secretCollection, secretScope, type SecretRecord } from './secret-records.js'

export interface SecretLookup {
  /** Undefined when no such secret exists (or its scheduled deletion has taken effect). */
  secret: SecretRecord | undefined
  /** What to authorize on: the secret's ARN, or the identifier as an ARN when there is no secret. */
  arn: string
  account: string
}

const NAME = /^[A-Za-z0-9/_+=.@!-]+$/
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export function checkSecretName(name: string): void {
  if (!NAME.test(name)) throw invalidName()
}

/** A new secret's ARN: the name, a hyphen and six random letters and digits (so a recreated secret differs). */
export function newSecretArn(region: string, account: string, name: string): string {
  const bytes = randomBytes(6)
  let suffix = ''
  for (const byte of bytes) suffix += SUFFIX_ALPHABET[byte % SUFFIX_ALPHABET.length]
  return `arn:aws:secretsmanager:${region}:${account}:secret:${name}-${suffix}`
}

export function lookupSecret(ctx: CallContext, secretId: string): SecretLookup {
  const collection = secretCollection(ctx.store)
  const live = (secret: SecretRecord | undefined) => (secret && !isGone(secret, ctx.now) ? secret : undefined)
  if (!secretId.startsWith('arn:')) {
    checkSecretName(secretId)
    const secret = live(collection.get(secretScope(ctx.accountId, ctx.region), secretId))
    return { secret, arn: secret?.arn ?? `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:${secretId}`, account: ctx.accountId }
  }
  const arn = parseArn(secretId)
  if (!arn || arn.service !== 'secretsmanager' || !arn.resource.startsWith('secret:') || arn.region !== ctx.region) {
    return { secret: undefined, arn: secretId, account: arn?.account || ctx.accountId }
  }
  const scope = secretScope(arn.account, arn.region)
  const rest = arn.resource.slice('secret:'.length)
  let secret: SecretRecord | undefined
  if (/-[A-Za-z0-9]{6}$/.test(rest)) {
    const candidate = live(collection.get(scope, rest.slice(0, -7)))
    if (candidate?.arn === secretId) secret = candidate
  }
  secret ??= live(collection.get(scope, rest))
  return { secret, arn: secret?.arn ?? secretId, account: arn.account }
}

export function requireSecret(lookup: SecretLookup): SecretRecord {
  if (!lookup.secret) throw secretNotFound()
  return lookup.secret
}

/** The secret, which must exist and not be scheduled for deletion. */
export function requireLiveSecret(lookup: SecretLookup): SecretRecord {
  const secret = requireSecret(lookup)
  if (secret.deletedDate) throw markedForDeletion()
  return secret
}
