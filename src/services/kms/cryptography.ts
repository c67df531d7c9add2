//! Encrypt, Decrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext and GenerateRandom with symmetric keys
//! (KMS API Reference). Plaintexts never reach the audit trail: they are sensitive members, and these calls are
//! read-only events whose responseElements CloudTrail leaves empty.
import { randomBytes } from 'node:crypto'
import { AwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { dataKeySizeRequired, dryRun, incorrectKey, invalidCiphertext, numberOfBytesRequired } from './errors.js'
import { resolveKey, type ResolvedKey } from './find-key.js'
import { blobKeyArn, decryptUnderKey, encryptUnderKey, type EncryptionContext } from './key-cipher.js'
import type { KmsKeyRecord } from './key-records.js'
import { assertUsableForCryptography } from './key-state.js'

const ALGORITHM = 'SYMMETRIC_DEFAULT'

export interface EncryptInput {
  KeyId: string
  Plaintext: Buffer
  EncryptionContext?: EncryptionContext
  EncryptionAlgorithm?: string
  DryRun?: boolean
}

export interface DecryptInput {
  CiphertextBlob?: Buffer
  EncryptionContext?: EncryptionContext
  KeyId?: string
  EncryptionAlgorithm?: string
  DryRun?: boolean
}

export interface DataKeyInput {
  KeyId: string
  EncryptionContext?: EncryptionContext
  NumberOfBytes?: number
  KeySpec?: 'AES_256' | 'AES_128'
  DryRun?: boolean
}

export function encrypt(input: EncryptInput, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  checkAlgorithm(key, input.EncryptionAlgorithm, 'Encrypt')
  assertUsableForCryptography(key)
  if (input.DryRun) throw dryRun()
  const blob = encryptUnderKey(key, input.Plaintext, input.EncryptionContext)
  noteUse(ctx, key)
  return { CiphertextBlob: blob, KeyId: key.arn, EncryptionAlgorithm: ALGORITHM }
}

/** The key a Decrypt request uses: the one named inside the ciphertext, which KeyId (if given) must match. */
export function decryptionKey(input: DecryptInput, ctx: CallContext): ResolvedKey {
  const arn = input.CiphertextBlob ? blobKeyArn(input.CiphertextBlob) : undefined
  if (!arn) throw invalidCiphertext()
  const inBlob = resolveKey(ctx.store, arn, ctx)
  if (input.KeyId !== undefined) {
    const named = resolveKey(ctx.store, input.KeyId, ctx)
    if (named.key.arn !== inBlob.key.arn) throw incorrectKey()
    return named
  }
  return inBlob
}

export function decrypt(input: DecryptInput, ctx: CallContext) {
  const { key } = decryptionKey(input, ctx)
  checkAlgorithm(key, input.EncryptionAlgorithm, 'Decrypt')
  assertUsableForCryptography(key)
  const plaintext = decryptUnderKey(key, input.CiphertextBlob!, input.EncryptionContext)
  if (!plaintext) throw invalidCiphertext()
  if (input.DryRun) throw dryRun()
  noteUse(ctx, key)
  return { KeyId: key.arn, Plaintext: plaintext, EncryptionAlgorithm: ALGORITHM, KeyMaterialId: key.materialId }
}

export function generateDataKey(input: DataKeyInput, ctx: CallContext) {
  const { key, plaintext, blob } = makeDataKey(input, ctx)
  return { CiphertextBlob: blob, Plaintext: plaintext, KeyId: key.arn, KeyMaterialId: key.materialId }
}

export function generateDataKeyWithoutPlaintext(input: DataKeyInput, ctx: CallContext) {
  const { key, blob } = makeDataKey(input, ctx)
  return { CiphertextBlob: blob, KeyId: key.arn, KeyMaterialId: key.materialId }
}

export function generateRandom(input: { NumberOfBytes?: number; CustomKeyStoreId?: string }, ctx: CallContext) {
  if (input.NumberOfBytes === undefined) throw numberOfBytesRequired()
  ctx.audit.responseElements = null
  return { Plaintext: randomBytes(input.NumberOfBytes) }
}

function makeDataKey(input: DataKeyInput, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  if ((input.NumberOfBytes === undefined) === (input.KeySpec === undefined)) throw dataKeySizeRequired()
  assertUsableForCryptography(key)
  if (input.DryRun) throw dryRun()
  const plaintext = randomBytes(input.NumberOfBytes ?? (input.KeySpec === 'AES_128' ? 16 : 32))
  const blob = encryptUnderKey(key, plaintext, input.EncryptionContext)
  noteUse(ctx, key)
  return { key, plaintext, blob }
}

function checkAlgorithm(key: KmsKeyRecord, algorithm: string | undefined, operation: string): void {
  if (algorithm !== undefined && algorithm !== ALGORITHM) {
    throw new AwsError('InvalidKeyUsageException', `${key.arn} key usage is ENCRYPT_DECRYPT which is not valid for ${operation} with ${algorithm}.`)
  }
}

/** CloudTrail names the key and never records the plaintext or the data key. */
function noteUse(ctx: CallContext, key: KmsKeyRecord): void {
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  ctx.audit.responseElements = null
}
