//! How Secrets Manager uses KMS for its caller (Secrets Manager User Guide, "Secret encryption and decryption"):
//! new values need kms:GenerateDataKey, reading needs kms:Decrypt, on the secret's key with kms:ViaService
//! secretsmanager.<region>.amazonaws.com and the encryption context {SecretARN, SecretVersionId}. The key policy
//! must grant: the AWS managed key aws/secretsmanager grants every principal of the account through Secrets
//! Manager; a customer managed key with the default policy needs the caller's identity policy to allow it.
import { isAwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import {
  cryptographyRefusal,
  decryptUnderKey,
  encryptUnderKey,
  kmsKeyRequirement,
  resolveKey,
  viaServiceContext,
  type EncryptionContext,
  type KmsKeyRecord,
} from '../kms/index.js'
import { decryptionFailure, encryptionFailure, kmsAccessNotAllowed } from './errors.js'
import type { SecretRecord, SecretVersionRecord } from './secret-records.js'

const MANAGED_KEY_ALIAS = 'alias/aws/secretsmanager'

export interface SecretValue {
  SecretString?: string
  SecretBinary?: Buffer
}

export function secretEncryptionContext(secretArn: string, versionId: string): EncryptionContext {
  return { SecretARN: secretArn, SecretVersionId: versionId }
}

/** The key new versions of the secret are encrypted under; an unknown key is a KMS refusal. */
export function secretKey(ctx: CallContext, secret: Pick<SecretRecord, 'kmsKeyId' | 'accountId' | 'region'>): KmsKeyRecord {
  try {
    return resolveKey(ctx.store, secret.kmsKeyId ?? MANAGED_KEY_ALIAS, { accountId: secret.accountId, region: secret.region, now: ctx.now }).key
  } catch (error) {
    if (isAwsError(error)) throw kmsAccessNotAllowed()
    throw error
  }
}

/** Encrypts a new version's value after checking kms:GenerateDataKey for the caller. */
export function encryptSecretValue(
  ctx: CallContext,
  secret: Pick<SecretRecord, 'arn' | 'kmsKeyId' | 'accountId' | 'region'>,
  versionId: string,
  value: SecretValue,
): Pick<SecretVersionRecord, 'ciphertext' | 'binary' | 'keyArn'> {
  const key = secretKey(ctx, secret)
  const context = secretEncryptionContext(secret.arn, versionId)
  authorizeKeyUse(ctx, key, 'kms:GenerateDataKey', context)
  if (cryptographyRefusal(key)) throw encryptionFailure()
  const binary = value.SecretBinary !== undefined
  const plaintext = binary ? value.SecretBinary! : Buffer.from(value.SecretString!, 'utf8')
  return { ciphertext: encryptUnderKey(key, plaintext, context).toString('base64'), binary, keyArn: key.arn }
}

/** Decrypts a version's value after checking kms:Decrypt for the caller. */
export function decryptSecretValue(ctx: CallContext, secret: SecretRecord, version: SecretVersionRecord): SecretValue {
  let key: KmsKeyRecord
  try {
    key = resolveKey(ctx.store, version.keyArn, { accountId: secret.accountId, region: secret.region, now: ctx.now }).key
  } catch (error) {
    if (isAwsError(error)) throw decryptionFailure()
    throw error
  }
  const context = secretEncryptionContext(secret.arn, version.versionId)
  authorizeKeyUse(ctx, key, 'kms:Decrypt', context)
  if (cryptographyRefusal(key)) throw decryptionFailure()
  const plaintext = decryptUnderKey(key, Buffer.from(version.ciphertext, 'base64'), context)
  if (!plaintext) throw decryptionFailure()
  return version.binary ? { SecretBinary: plaintext } : { SecretString: plaintext.toString('utf8') }
}

/** The stored value of a version, read by Secrets Manager itself (idempotent retries compare values). */
export function sameValue(ctx: CallContext, secret: SecretRecord, version: SecretVersionRecord, value: SecretValue): boolean {
  try {
    const key = resolveKey(ctx.store, version.keyArn, { accountId: secret.accountId, region: secret.region, now: ctx.now }).key
    const plaintext = decryptUnderKey(key, Buffer.from(version.ciphertext, 'base64'), secretEncryptionContext(secret.arn, version.versionId))
    if (!plaintext) return false
    return version.binary ? value.SecretBinary?.equals(plaintext) === true : value.SecretString === plaintext.toString('utf8')
  } catch {
    return false
  }
}

/** The caller must be allowed the KMS action on the key; KMS's refusal reaches the caller as Secrets Manager words it. */
function authorizeKeyUse(ctx: CallContext, key: KmsKeyRecord, action: string, context: EncryptionContext): void {
  const requirement = kmsKeyRequirement(
    ctx.store,
    key,
    action,
    viaServiceContext({ service: 'secretsmanager', region: ctx.region, callerAccount: ctx.accountId, encryptionContext: context }),
  )
  try {
    ctx.authorize(requirement)
  } catch (error) {
    if (isAwsError(error) && error.code === 'AccessDeniedException') throw kmsAccessNotAllowed()
    throw error
  }
}
