//! Symmetric encryption under a KMS key: AES-256-GCM with the key's own material, the encryption context as
//! additional authenticated data, and the key ARN inside the blob so Decrypt needs no KeyId (KMS Developer
//! Guide, "Encryption context": decrypting needs the exact same context, else InvalidCiphertextException).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { KmsKeyRecord } from './key-records.js'

export type EncryptionContext = Record<string, string>

// Blob layout: version (1) | ARN length (1) | key ARN | IV (12) | tag (16) | ciphertext.
const VERSION = 0x01
const IV_BYTES = 12
const TAG_BYTES = 16

export function encryptUnderKey(key: KmsKeyRecord, plaintext: Buffer, context: EncryptionContext = {}): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key.material, 'base64'), iv)
  cipher.setAAD(contextBytes(context))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const arn = Buffer.from(key.arn, 'utf8')
  return Buffer.concat([Buffer.from([VERSION, arn.length]), arn, iv, cipher.getAuthTag(), body])
}

/** The key ARN a blob was made under, or undefined if the blob is not one of ours. */
export function blobKeyArn(blob: Buffer): string | undefined {
  if (blob.length < 2 || blob[0] !== VERSION) return undefined
  const length = blob[1]!
  if (blob.length < 2 + length + IV_BYTES + TAG_BYTES) return undefined
  return blob.subarray(2, 2 + length).toString('utf8')
}

/** The plaintext, or undefined when the blob, key or context do not match (tampered or wrong context). */
export function decryptUnderKey(key: KmsKeyRecord, blob: Buffer, context: EncryptionContext = {}): Buffer | undefined {
  if (blobKeyArn(blob) !== key.arn) return undefined
  const start = 2 + blob[1]!
  const iv = blob.subarray(start, start + IV_BYTES)
  const tag = blob.subarray(start + IV_BYTES, start + IV_BYTES + TAG_BYTES)
  const body = blob.subarray(start + IV_BYTES + TAG_BYTES)
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key.material, 'base64'), iv)
    decipher.setAAD(contextBytes(context))
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(body), decipher.final()])
  } catch {
    return undefined
  }
}

/** The context's pairs in key order, so {a,b} and {b,a} are the same context. */
function contextBytes(context: EncryptionContext): Buffer {
  const pairs = Object.keys(context)
    .sort()
    .map((name) => [name, context[name]])
  return Buffer.from(JSON.stringify(pairs), 'utf8')
}
