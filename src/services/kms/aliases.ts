//! Aliases: CreateAlias, UpdateAlias, DeleteAlias and ListAliases (KMS API Reference; KMS Developer Guide,
//! "Using aliases": names begin with alias/, and alias/aws/ is reserved for AWS managed keys).
import { AwsError, parseArn } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { PREDEFINED_ALIASES } from './aws-managed-keys.js'
import {
  aliasAlreadyExists,
  aliasNotFound,
  aliasPrefixRequired,
  aliasTargetIsAlias,
  invalidMarker,
  keyPendingDeletion,
  reservedAlias,
} from './errors.js'
import { resolveKey } from './find-key.js'
import { aliasArn, aliasCollection, kmsScope, type KmsAliasRecord, type KmsKeyRecord } from './key-records.js'

export interface AliasInput {
  AliasName: string
  TargetKeyId: string
}

/** The checks of an alias name a caller wants to create, point elsewhere or delete. */
export function checkAliasName(aliasName: string): void {
  if (!aliasName.startsWith('alias/')) throw aliasPrefixRequired()
  if (aliasName.startsWith('alias/aws/')) throw reservedAlias()
  if (aliasName.includes(':')) throw new AwsError('ValidationException', `${aliasName} contains invalid characters for an alias`)
}

/** An alias targets a key by key id or key ARN, never by another alias. */
export function aliasTargetKey(targetKeyId: string, ctx: CallContext): KmsKeyRecord {
  if (targetKeyId.startsWith('alias/') || parseArn(targetKeyId)?.resource.startsWith('alias/')) throw aliasTargetIsAlias()
  const { key } = resolveKey(ctx.store, targetKeyId, ctx)
  if (key.keyState === 'PendingDeletion') throw keyPendingDeletion(key.arn)
  return key
}

/** The alias record a caller names, which must exist. */
export function existingAlias(aliasName: string, ctx: CallContext): KmsAliasRecord {
  if (!aliasName.startsWith('alias/')) throw aliasPrefixRequired()
  const alias = aliasCollection(ctx.store).get(kmsScope(ctx.accountId, ctx.region), aliasName)
  if (!alias) throw aliasNotFound(aliasArn(ctx.region, ctx.accountId, aliasName))
  return alias
}

export function createAlias(input: AliasInput, ctx: CallContext): Record<string, never> {
  checkAliasName(input.AliasName)
  const key = aliasTargetKey(input.TargetKeyId, ctx)
  const arn = aliasArn(ctx.region, ctx.accountId, input.AliasName)
  const at = ctx.now.toISOString()
  const record: KmsAliasRecord = { aliasName: input.AliasName, aliasArn: arn, targetKeyId: key.keyId, creationDate: at, lastUpdatedDate: at }
  if (!aliasCollection(ctx.store).insert(kmsScope(ctx.accountId, ctx.region), input.AliasName, record)) throw aliasAlreadyExists(arn)
  ctx.audit.resources.push({ ARN: arn, type: 'AWS::KMS::Alias', name: input.AliasName }, { ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return {}
}

export function updateAlias(input: AliasInput, ctx: CallContext): Record<string, never> {
  checkAliasName(input.AliasName)
  const alias = existingAlias(input.AliasName, ctx)
  const key = aliasTargetKey(input.TargetKeyId, ctx)
  aliasCollection(ctx.store).put(kmsScope(ctx.accountId, ctx.region), alias.aliasName, {
    ...alias,
    targetKeyId: key.keyId,
    lastUpdatedDate: ctx.now.toISOString(),
  })
  ctx.audit.resources.push({ ARN: alias.aliasArn, type: 'AWS::KMS::Alias', name: alias.aliasName }, { ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return {}
}

export function deleteAlias(input: { AliasName: string }, ctx: CallContext): Record<string, never> {
  checkAliasName(input.AliasName)
  const alias = existingAlias(input.AliasName, ctx)
  aliasCollection(ctx.store).delete(kmsScope(ctx.accountId, ctx.region), alias.aliasName)
  ctx.audit.resources.push({ ARN: alias.aliasArn, type: 'AWS::KMS::Alias', name: alias.aliasName })
  return {}
}

/** Every alias of the account and Region, the predefined AWS aliases included (without a target before first use). */
export function listAliases(input: { KeyId?: string; Limit?: number; Marker?: string }, ctx: CallContext) {
  const stored = aliasCollection(ctx.store).list(kmsScope(ctx.accountId, ctx.region))
  let entries: Array<Record<string, unknown>>
  if (input.KeyId !== undefined) {
    const { key } = resolveKey(ctx.store, input.KeyId, ctx)
    entries = stored.filter((alias) => alias.targetKeyId === key.keyId).map(aliasEntry)
  } else {
    const names = new Set(stored.map((alias) => alias.aliasName))
    const predefined = PREDEFINED_ALIASES.filter((name) => !names.has(name)).map((name) => ({
      AliasName: name,
      AliasArn: aliasArn(ctx.region, ctx.accountId, name),
    }))
    entries = [...stored.map(aliasEntry), ...predefined].sort((a, b) => String(a.AliasName).localeCompare(String(b.AliasName)))
  }
  const start = input.Marker === undefined ? 0 : Number.parseInt(input.Marker, 10)
  if (!Number.isInteger(start) || start < 0 || start > entries.length) throw invalidMarker()
  const limit = input.Limit ?? 100
  const truncated = start + limit < entries.length
  return { Aliases: entries.slice(start, start + limit), Truncated: truncated, NextMarker: truncated ? String(start + limit) : undefined }
}

function aliasEntry(alias: KmsAliasRecord): Record<string, unknown> {
  return {
    AliasName: alias.aliasName,
    AliasArn: alias.aliasArn,
    TargetKeyId: alias.targetKeyId,
    CreationDate: alias.creationDate,
    LastUpdatedDate: alias.lastUpdatedDate,
  }
}
