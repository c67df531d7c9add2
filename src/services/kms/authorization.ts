//! What every KMS operation asks of IAM (Service Authorization Reference, "AWS Key Management Service"): key
//! operations on the key ARN with the key policy, which must grant; CreateKey, ListKeys, ListAliases and
//! GenerateRandom on `*` through IAM policies only; alias operations on the alias ARN and on the key(s).
import type { AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { aliasArn } from './key-records.js'
import { aliasTargetKey, checkAliasName, existingAlias } from './aliases.js'
import { decryptionKey } from './cryptography.js'
import { aliasTarget, resolveKey, type ResolvedKey } from './find-key.js'
import { encryptionContextKeys, kmsKeyRequirement, regionalServiceEndpoint, type KmsContext } from './key-requirement.js'
import type { EncryptionContext } from './key-cipher.js'

type Declaration = (input: any, ctx: CallContext) => AuthorizationRequirement[]

/** kms:CallerAccount always; kms:ViaService when another service calls KMS for its caller. */
function callerContext(ctx: CallContext): KmsContext {
  const context: KmsContext = { 'kms:CallerAccount': ctx.accountId }
  if (ctx.source.viaService) context['kms:ViaService'] = regionalServiceEndpoint(ctx.source.viaService, ctx.region)
  return context
}

function keyRequirement(ctx: CallContext, resolved: ResolvedKey, action: string, extra: KmsContext = {}): AuthorizationRequirement {
  const context = { ...callerContext(ctx), ...extra }
  if (resolved.alias) context['kms:RequestAlias'] = resolved.alias
  return kmsKeyRequirement(ctx.store, resolved.key, action, context)
}

/** An operation on the key named by the input's KeyId. */
function onKey(action: string, extra?: (input: any) => KmsContext): Declaration {
  return (input, ctx) => [keyRequirement(ctx, resolveKey(ctx.store, input.KeyId, ctx), action, extra?.(input))]
}

function onNothing(action: string): Declaration {
  return (_input, ctx) => [{ action, resource: '*', context: callerContext(ctx) }]
}

function cryptoContext(input: { EncryptionAlgorithm?: string; EncryptionContext?: EncryptionContext }): KmsContext {
  return { 'kms:EncryptionAlgorithm': input.EncryptionAlgorithm ?? 'SYMMETRIC_DEFAULT', ...encryptionContextKeys(input.EncryptionContext) }
}

function dataKeyContext(input: { EncryptionContext?: EncryptionContext }): KmsContext {
  return encryptionContextKeys(input.EncryptionContext)
}

function aliasRequirement(ctx: CallContext, action: string, aliasName: string): AuthorizationRequirement {
  return { action, resource: aliasArn(ctx.region, ctx.accountId, aliasName), context: callerContext(ctx) }
}

export const KMS_AUTHORIZATION: Record<string, Declaration> = {
  CreateKey: (input, ctx) => {
    const context: KmsContext = {
      ...callerContext(ctx),
      'kms:KeySpec': input.KeySpec ?? input.CustomerMasterKeySpec ?? 'SYMMETRIC_DEFAULT',
      'kms:KeyUsage': input.KeyUsage ?? 'ENCRYPT_DECRYPT',
      'kms:KeyOrigin': input.Origin ?? 'AWS_KMS',
      'kms:MultiRegion': input.MultiRegion ? 'true' : 'false',
      'kms:BypassPolicyLockoutSafetyCheck': input.BypassPolicyLockoutSafetyCheck ? 'true' : 'false',
    }
    const tags: Array<{ TagKey: string; TagValue: string }> = input.Tags ?? []
    for (const tag of tags) context[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue
    if (tags.length) context['aws:TagKeys'] = tags.map((tag) => tag.TagKey)
    return [{ action: 'kms:CreateKey', resource: '*', context }]
  },
  DescribeKey: onKey('kms:DescribeKey'),
  ListKeys: onNothing('kms:ListKeys'),
  EnableKey: onKey('kms:EnableKey'),
  DisableKey: onKey('kms:DisableKey'),
  UpdateKeyDescription: onKey('kms:UpdateKeyDescription'),
  ScheduleKeyDeletion: onKey('kms:ScheduleKeyDeletion'),
  CancelKeyDeletion: onKey('kms:CancelKeyDeletion'),
  GetKeyPolicy: onKey('kms:GetKeyPolicy'),
  PutKeyPolicy: onKey('kms:PutKeyPolicy', (input) => ({ 'kms:BypassPolicyLockoutSafetyCheck': input.BypassPolicyLockoutSafetyCheck ? 'true' : 'false' })),
  ListKeyPolicies: onKey('kms:ListKeyPolicies'),
  TagResource: onKey('kms:TagResource', (input: { Tags: Array<{ TagKey: string; TagValue: string }> }) => {
    const context: KmsContext = { 'aws:TagKeys': input.Tags.map((tag) => tag.TagKey) }
    for (const tag of input.Tags) context[`aws:RequestTag/${tag.TagKey}`] = tag.TagValue
    return context
  }),
  UntagResource: onKey('kms:UntagResource', (input: { TagKeys: string[] }) => ({ 'aws:TagKeys': input.TagKeys })),
  ListResourceTags: onKey('kms:ListResourceTags'),
  Encrypt: onKey('kms:Encrypt', cryptoContext),
  Decrypt: (input, ctx) => [keyRequirement(ctx, decryptionKey(input, ctx), 'kms:Decrypt', cryptoContext(input))],
  GenerateDataKey: onKey('kms:GenerateDataKey', dataKeyContext),
  GenerateDataKeyWithoutPlaintext: onKey('kms:GenerateDataKeyWithoutPlaintext', dataKeyContext),
  GenerateRandom: onNothing('kms:GenerateRandom'),
  ListAliases: onNothing('kms:ListAliases'),
  CreateAlias: (input, ctx) => {
    checkAliasName(input.AliasName)
    const key = aliasTargetKey(input.TargetKeyId, ctx)
    return [aliasRequirement(ctx, 'kms:CreateAlias', input.AliasName), keyRequirement(ctx, { key }, 'kms:CreateAlias')]
  },
  UpdateAlias: (input, ctx) => {
    checkAliasName(input.AliasName)
    const alias = existingAlias(input.AliasName, ctx)
    const current = aliasTarget(ctx.store, ctx.accountId, ctx.region, alias.aliasName, ctx.now)
    const next = aliasTargetKey(input.TargetKeyId, ctx)
    const requirements = [aliasRequirement(ctx, 'kms:UpdateAlias', input.AliasName)]
    if (current) requirements.push(keyRequirement(ctx, { key: current }, 'kms:UpdateAlias'))
    requirements.push(keyRequirement(ctx, { key: next }, 'kms:UpdateAlias'))
    return requirements
  },
  DeleteAlias: (input, ctx) => {
    checkAliasName(input.AliasName)
    const alias = existingAlias(input.AliasName, ctx)
    const target = aliasTarget(ctx.store, ctx.accountId, ctx.region, alias.aliasName, ctx.now)
    const requirements = [aliasRequirement(ctx, 'kms:DeleteAlias', input.AliasName)]
    if (target) requirements.push(keyRequirement(ctx, { key: target }, 'kms:DeleteAlias'))
    return requirements
  },
}
