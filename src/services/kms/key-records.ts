//! What KMS keeps: keys (with their policy and key material) and aliases, per account and Region.
import type { Store } from '../../store/index.js'

export const KMS_COLLECTIONS = {
  /** scope `${account}/${region}`, key = key id */
  keys: 'kms.keys',
  /** scope `${account}/${region}`, key = alias name (alias/…) */
  aliases: 'kms.aliases',
} as const

export type KeyState = 'Enabled' | 'Disabled' | 'PendingDeletion'

export interface KmsTag {
  TagKey: string
  TagValue: string
}

export interface KmsKeyRecord {
  keyId: string
  arn: string
  accountId: string
  region: string
  creationDate: string
  description: string
  /** 'AWS' for AWS managed keys (aws/ssm, aws/secretsmanager), created on first use. */
  keyManager: 'AWS' | 'CUSTOMER'
  keyState: KeyState
  /** The key policy text exactly as written (GetKeyPolicy returns it unchanged). */
  policy: string
  /** Users and roles the policy names -> their unique ids when it was written. */
  policyPrincipalIds?: Record<string, string>
  deletionDate?: string
  pendingWindowInDays?: number
  /** 256-bit AES key material, base64; never leaves KMS. */
  material: string
  /** CurrentKeyMaterialId: 64 hex characters. */
  materialId: string
  tags: KmsTag[]
}

export interface KmsAliasRecord {
  aliasName: string
  aliasArn: string
  targetKeyId: string
  creationDate: string
  lastUpdatedDate: string
}

export function kmsScope(account: string, region: string): string {
  return `${account}/${region}`
}

export function keyArn(region: string, account: string, keyId: string): string {
  return `arn:aws:kms:${region}:${account}:key/${keyId}`
}

export function aliasArn(region: string, account: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${account}:${aliasName}`
}

export function keyCollection(store: Store) {
  return store.documents.collection<KmsKeyRecord>(KMS_COLLECTIONS.keys)
}

export function aliasCollection(store: Store) {
  return store.documents.collection<KmsAliasRecord>(KMS_COLLECTIONS.aliases)
}

/** A key whose waiting period has ended is deleted (KMS Developer Guide, "Deleting AWS KMS keys"). */
export function isDeleted(key: KmsKeyRecord, now: Date): boolean {
  return key.keyState === 'PendingDeletion' && key.deletionDate !== undefined && Date.parse(key.deletionDate) <= now.getTime()
}

export function saveKey(store: Store, key: KmsKeyRecord): void {
  keyCollection(store).put(kmsScope(key.accountId, key.region), key.keyId, key)
}

/** The aliases that point at a key (kms:ResourceAliases; ListAliases with KeyId). */
export function aliasesOf(store: Store, key: KmsKeyRecord): KmsAliasRecord[] {
  return aliasCollection(store)
    .list(kmsScope(key.accountId, key.region))
    .filter((alias) => alias.targetKeyId === key.keyId)
}
