//! The key lifecycle: CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, UpdateKeyDescription,
//! ScheduleKeyDeletion and CancelKeyDeletion (KMS API Reference). taskrole keeps symmetric encryption keys only.
import { randomBytes, randomUUID } from 'node:crypto'
import { AwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { invalidMarker, keyNotPendingDeletion, keyPendingDeletion, unsupportedOperation } from './errors.js'
import { resolveKey } from './find-key.js'
import { keyMetadata } from './key-metadata.js'
import { defaultKeyPolicy } from './key-policies.js'
import { checkKeyPolicy } from './key-policy-document.js'
import { isDeleted, keyArn, keyCollection, kmsScope, saveKey, type KmsKeyRecord, type KmsTag } from './key-records.js'
import { assertNotPendingDeletion } from './key-state.js'
import { checkTags } from './key-tags.js'

export interface CreateKeyInput {
  Policy?: string
  Description?: string
  KeyUsage?: string
  CustomerMasterKeySpec?: string
  KeySpec?: string
  Origin?: string
  CustomKeyStoreId?: string
  BypassPolicyLockoutSafetyCheck?: boolean
  Tags?: KmsTag[]
  MultiRegion?: boolean
}

export function createKey(input: CreateKeyInput, ctx: CallContext) {
  const spec = input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT'
  if (spec !== 'SYMMETRIC_DEFAULT') throw unsupportedOperation(`taskrole supports symmetric encryption keys only; KeySpec ${spec} is not supported.`)
  if (input.KeyUsage !== undefined && input.KeyUsage !== 'ENCRYPT_DECRYPT') {
    throw new AwsError('ValidationException', `KeyUsage ${input.KeyUsage} is not compatible with KeySpec ${spec}`)
  }
  if (input.Origin !== undefined && input.Origin !== 'AWS_KMS') throw unsupportedOperation(`taskrole supports Origin AWS_KMS only; ${input.Origin} is not supported.`)
  if (input.CustomKeyStoreId !== undefined) throw unsupportedOperation('taskrole has no custom key stores.')
  if (input.MultiRegion) throw unsupportedOperation('taskrole has no multi-Region keys.')
  const tags = input.Tags ?? []
  checkTags(tags)
  const keyId = randomUUID()
  const key: KmsKeyRecord = {
    keyId,
    arn: keyArn(ctx.region, ctx.accountId, keyId),
    accountId: ctx.accountId,
    region: ctx.region,
    creationDate: ctx.now.toISOString(),
    description: input.Description ?? '',
    keyManager: 'CUSTOMER',
    keyState: 'Enabled',
    policy: defaultKeyPolicy(ctx.accountId),
    material: randomBytes(32).toString('base64'),
    materialId: randomBytes(32).toString('hex'),
    tags,
  }
  if (input.Policy !== undefined) {
    key.policyPrincipalIds = checkKeyPolicy(input.Policy, key, ctx, input.BypassPolicyLockoutSafetyCheck)
    key.policy = input.Policy
  }
  saveKey(ctx.store, key)
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return { KeyMetadata: keyMetadata(key) }
}

export function describeKey(input: { KeyId: string }, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return { KeyMetadata: keyMetadata(key) }
}

export function listKeys(input: { Limit?: number; Marker?: string }, ctx: CallContext) {
  const after = input.Marker === undefined ? '' : decodeMarker(input.Marker)
  const limit = input.Limit ?? 100
  const keys = keyCollection(ctx.store)
    .list(kmsScope(ctx.accountId, ctx.region), { after })
    .filter((key) => !isDeleted(key, ctx.now))
  const page = keys.slice(0, limit)
  const truncated = keys.length > limit
  return {
    Keys: page.map((key) => ({ KeyId: key.keyId, KeyArn: key.arn })),
    Truncated: truncated,
    NextMarker: truncated ? encodeMarker(page[page.length - 1]!.keyId) : undefined,
  }
}

export function enableKey(input: { KeyId: string }, ctx: CallContext): Record<string, never> {
  return changeKey(input.KeyId, ctx, (key) => ({ ...key, keyState: 'Enabled' }))
}

export function disableKey(input: { KeyId: string }, ctx: CallContext): Record<string, never> {
  return changeKey(input.KeyId, ctx, (key) => ({ ...key, keyState: 'Disabled' }))
}

export function updateKeyDescription(input: { KeyId: string; Description: string }, ctx: CallContext): Record<string, never> {
  return changeKey(input.KeyId, ctx, (key) => ({ ...key, description: input.Description }))
}

/** A waiting period of 7 to 30 days, 30 by default (KMS API Reference, ScheduleKeyDeletion). */
export function scheduleKeyDeletion(input: { KeyId: string; PendingWindowInDays?: number }, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  if (key.keyState === 'PendingDeletion') throw keyPendingDeletion(key.arn)
  const days = input.PendingWindowInDays ?? 30
  if (days < 7 || days > 30) {
    const bound = days < 7 ? 'greater than or equal to 7' : 'less than or equal to 30'
    throw new AwsError('ValidationException', `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`)
  }
  const deletionDate = new Date(ctx.now.getTime() + days * 86_400_000).toISOString()
  saveKey(ctx.store, { ...key, keyState: 'PendingDeletion', deletionDate, pendingWindowInDays: days })
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return { KeyId: key.arn, DeletionDate: deletionDate, KeyState: 'PendingDeletion', PendingWindowInDays: days }
}

/** A key whose deletion is cancelled comes back disabled (KMS Developer Guide, "Scheduling and canceling key deletion"). */
export function cancelKeyDeletion(input: { KeyId: string }, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  if (key.keyState !== 'PendingDeletion') throw keyNotPendingDeletion(key.arn)
  const { deletionDate: _deletionDate, pendingWindowInDays: _days, ...rest } = key
  saveKey(ctx.store, { ...rest, keyState: 'Disabled' })
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return { KeyId: key.arn }
}

function changeKey(keyId: string, ctx: CallContext, change: (key: KmsKeyRecord) => KmsKeyRecord): Record<string, never> {
  const { key } = resolveKey(ctx.store, keyId, ctx)
  assertNotPendingDeletion(key)
  saveKey(ctx.store, change(key))
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return {}
}

function encodeMarker(keyId: string): string {
  return Buffer.from(keyId, 'utf8').toString('base64url')
}

function decodeMarker(marker: string): string {
  const keyId = Buffer.from(marker, 'base64url').toString('utf8')
  if (!/^[0-9a-f-]{36}$/.test(keyId)) throw invalidMarker()
  return keyId
}
