//! Which key states allow which operations (KMS Developer Guide, "Key states of AWS KMS keys"): a disabled key
//! refuses cryptography (DisabledException); a key pending deletion refuses everything but reads and
//! CancelKeyDeletion (KMSInvalidStateException).
import type { AwsError } from '../../aws/index.js'
import { keyDisabled, keyPendingDeletion } from './errors.js'
import type { KmsKeyRecord } from './key-records.js'

/** Why the key cannot encrypt or decrypt now, if it cannot. */
export function cryptographyRefusal(key: KmsKeyRecord): AwsError | undefined {
  if (key.keyState === 'PendingDeletion') return keyPendingDeletion(key.arn)
  if (key.keyState === 'Disabled') return keyDisabled(key.arn)
  return undefined
}

export function assertUsableForCryptography(key: KmsKeyRecord): void {
  const refusal = cryptographyRefusal(key)
  if (refusal) throw refusal
}

/** Management changes (enable, disable, policy, description, tags) are refused while deletion is pending. */
export function assertNotPendingDeletion(key: KmsKeyRecord): void {
  if (key.keyState === 'PendingDeletion') throw keyPendingDeletion(key.arn)
}
