//! Finds the key a request names: key id, key ARN, alias name or alias ARN (KMS API Reference, "KeyId": "To
//! specify a KMS key in a different AWS account, you must use its key ARN or alias ARN").
import { parseArn } from '../../aws/index.js'
import type { Store } from '../../store/index.js'
import { awsManagedKey, isPredefinedAlias } from './aws-managed-keys.js'
import { aliasNotFound, invalidArnRegion, invalidKeyId, keyNotFound } from './errors.js'
import { aliasArn, aliasCollection, isDeleted, keyArn, keyCollection, kmsScope, type KmsKeyRecord } from './key-records.js'

/** Where a bare key id or alias name is looked up: the caller's account in the request's Region. */
export interface KeyLocation {
  accountId: string
  region: string
  now: Date
}

export interface ResolvedKey {
  key: KmsKeyRecord
  /** The alias name, when the request named the key by alias (kms:RequestAlias). */
  alias?: string
}

const KEY_ID = /^(mrk-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function resolveKey(store: Store, keyId: string, where: KeyLocation): ResolvedKey {
  if (keyId.startsWith('arn:')) {
    const arn = parseArn(keyId)
    if (!arn || arn.service !== 'kms') throw invalidKeyId(keyId)
    if (arn.region !== where.region) throw invalidArnRegion(arn.region)
    if (arn.resource.startsWith('key/')) return { key: keyById(store, arn.account, arn.region, arn.resource.slice(4), keyId, where.now) }
    if (arn.resource.startsWith('alias/')) return byAlias(store, arn.account, arn.region, arn.resource, where)
    throw invalidKeyId(keyId)
  }
  if (keyId.startsWith('alias/')) return byAlias(store, where.accountId, where.region, keyId, where)
  if (!KEY_ID.test(keyId)) throw invalidKeyId(keyId)
  return { key: keyById(store, where.accountId, where.region, keyId, keyArn(where.region, where.accountId, keyId), where.now) }
}

/** The key an alias points to now, if any (undefined when the alias or its key is gone). */
export function aliasTarget(store: Store, account: string, region: string, aliasName: string, now: Date): KmsKeyRecord | undefined {
  const alias = aliasCollection(store).get(kmsScope(account, region), aliasName)
  if (!alias) return undefined
  const key = keyCollection(store).get(kmsScope(account, region), alias.targetKeyId)
  return key && !isDeleted(key, now) ? key : undefined
}

function keyById(store: Store, account: string, region: string, id: string, shownArn: string, now: Date): KmsKeyRecord {
  const key = keyCollection(store).get(kmsScope(account, region), id)
  if (!key || isDeleted(key, now)) throw keyNotFound(shownArn.startsWith('arn:') ? shownArn : keyArn(region, account, id))
  return key
}

function byAlias(store: Store, account: string, region: string, aliasName: string, where: KeyLocation): ResolvedKey {
  const target = aliasTarget(store, account, region, aliasName, where.now)
  if (target) return { key: target, alias: aliasName }
  // Only the caller's own predefined aliases come into being on use; another account's stay its own business.
  if (account === where.accountId && isPredefinedAlias(aliasName)) {
    const created = awsManagedKey(store, account, region, aliasName, where.now)
    if (created) return { key: created, alias: aliasName }
  }
  throw aliasNotFound(aliasArn(region, account, aliasName))
}
