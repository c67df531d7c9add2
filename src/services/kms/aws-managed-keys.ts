//! AWS managed keys exist per account and Region from their first use: naming `alias/aws/ssm` or
//! `alias/aws/secretsmanager` creates the key and its alias (KMS API Reference, DescribeKey: "If you call
//! DescribeKey on a predefined AWS alias … KMS creates an AWS managed key").
import { randomBytes, randomUUID } from 'node:crypto'
import type { Store } from '../../store/index.js'
import { secretsManagerManagedKeyPolicy, ssmManagedKeyPolicy } from './key-policies.js'
import { aliasArn, aliasCollection, keyArn, keyCollection, kmsScope, saveKey, type KmsKeyRecord } from './key-records.js'

interface ManagedKeyKind {
  description: string
  policy(account: string, region: string): string
}

const MANAGED_KEYS: Record<string, ManagedKeyKind> = {
  'alias/aws/ssm': {
    description: 'Default key that protects my SSM parameters when no other key is defined',
    policy: ssmManagedKeyPolicy,
  },
  'alias/aws/secretsmanager': {
    description: 'Default key that protects my Secrets Manager data when no other key is defined',
    policy: secretsManagerManagedKeyPolicy,
  },
}

/** The predefined AWS aliases taskrole knows (ListAliases shows them, without a target, before first use). */
export const PREDEFINED_ALIASES = Object.keys(MANAGED_KEYS)

export function isPredefinedAlias(aliasName: string): boolean {
  return aliasName in MANAGED_KEYS
}

/** The AWS managed key behind a predefined alias, created now if the account has none in this Region. */
export function awsManagedKey(store: Store, account: string, region: string, aliasName: string, now: Date): KmsKeyRecord | undefined {
  const kind = MANAGED_KEYS[aliasName]
  if (!kind) return undefined
  const scope = kmsScope(account, region)
  const existing = aliasCollection(store).get(scope, aliasName)
  if (existing) {
    const key = keyCollection(store).get(scope, existing.targetKeyId)
    if (key) return key
  }
  const keyId = randomUUID()
  const created = now.toISOString()
  const key: KmsKeyRecord = {
    keyId,
    arn: keyArn(region, account, keyId),
    accountId: account,
    region,
    creationDate: created,
    description: kind.description,
    keyManager: 'AWS',
    keyState: 'Enabled',
    policy: kind.policy(account, region),
    material: randomBytes(32).toString('base64'),
    materialId: randomBytes(32).toString('hex'),
    tags: [],
  }
  saveKey(store, key)
  aliasCollection(store).put(scope, aliasName, {
    aliasName,
    aliasArn: aliasArn(region, account, aliasName),
    targetKeyId: keyId,
    creationDate: created,
    lastUpdatedDate: created,
  })
  return key
}
