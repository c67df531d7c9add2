//! What Secrets Manager keeps: secrets per account and Region, each with its versions. Values are stored only
//! as KMS ciphertexts under the secret's key, with the encryption context Secrets Manager uses.
import type { Store } from '../../store/index.js'

export const SECRET_COLLECTION = 'secretsmanager.secrets'

export interface SecretTag {
  Key: string
  Value: string
}

export interface SecretVersionRecord {
  versionId: string
  stages: string[]
  createdDate: string
  /** The value encrypted under keyArn (base64 KMS blob); context {SecretARN, SecretVersionId}. */
  ciphertext: string
  /** SecretBinary rather than SecretString. */
  binary: boolean
  keyArn: string
  lastAccessedDate?: string
}

export interface SecretRecord {
  arn: string
  name: string
  accountId: string
  region: string
  description?: string
  /** KmsKeyId as the caller gave it; absent means the AWS managed key aws/secretsmanager. */
  kmsKeyId?: string
  createdDate: string
  lastChangedDate: string
  lastAccessedDate?: string
  /** Set while the secret is scheduled for deletion (DeleteSecret with a recovery window). */
  deletedDate?: string
  /** When a scheduled deletion takes effect. */
  deletionDate?: string
  tags: SecretTag[]
  resourcePolicy?: string
  policyPrincipalIds?: Record<string, string>
  /** In creation order. */
  versions: SecretVersionRecord[]
}

export function secretScope(account: string, region: string): string {
  return `${account}/${region}`
}

export function secretCollection(store: Store) {
  return store.documents.collection<SecretRecord>(SECRET_COLLECTION)
}

export function saveSecret(store: Store, secret: SecretRecord): void {
  secretCollection(store).put(secretScope(secret.accountId, secret.region), secret.name, secret)
}

/** A scheduled deletion whose recovery window has passed has removed the secret. */
export function isGone(secret: SecretRecord, now: Date): boolean {
  return secret.deletionDate !== undefined && Date.parse(secret.deletionDate) <= now.getTime()
}

/** LastAccessedDate is kept to the day (Secrets Manager API Reference, DescribeSecret: "rounded to the nearest date"). */
export function accessDay(now: Date): string {
  return now.toISOString().slice(0, 10) + 'T00:00:00.000Z'
}
