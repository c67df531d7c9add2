//! The secret lifecycle: CreateSecret, DescribeSecret, UpdateSecret, DeleteSecret (recovery window or
//! ForceDeleteWithoutRecovery) and RestoreSecret (Secrets Manager API Reference).
import type { CallContext } from '../../dispatch/index.js'
import {
  bothValues,
  forceWithRecoveryWindow,
  invalidParameter,
  markedForDeletion,
  recoveryWindowRange,
  scheduledForDeletion,
  secretExists,
  secretNotFound,
  tokenInUse,
  tokenRequired,
} from './errors.js'
import { checkSecretName, lookupSecret, newSecretArn, requireLiveSecret, requireSecret } from './find-secret.js'
import { encryptSecretValue, sameValue, secretKey, type SecretValue } from './secret-encryption.js'
import { isGone, saveSecret, secretCollection, secretScope, type SecretRecord, type SecretTag } from './secret-records.js'
import { addVersion, versionIdsToStages } from './version-stages.js'

export interface CreateSecretInput extends SecretValue {
  Name: string
  ClientRequestToken?: string
  Description?: string
  KmsKeyId?: string
  Tags?: SecretTag[]
  AddReplicaRegions?: unknown[]
}

// The ARN a CreateSecret call authorizes on is the one it then creates: chosen once per call.
const plannedArns = new WeakMap<object, string>()

export function plannedSecretArn(input: CreateSecretInput, ctx: CallContext): string {
  let arn = plannedArns.get(input)
  if (!arn) {
    arn = newSecretArn(ctx.region, ctx.accountId, input.Name)
    plannedArns.set(input, arn)
  }
  return arn
}

export function checkValue(value: SecretValue): void {
  if (value.SecretString !== undefined && value.SecretBinary !== undefined) throw bothValues()
}

function hasValue(value: SecretValue): boolean {
  return value.SecretString !== undefined || value.SecretBinary !== undefined
}

export function createSecret(input: CreateSecretInput, ctx: CallContext) {
  checkSecretName(input.Name)
  checkValue(input)
  if (input.AddReplicaRegions?.length) throw invalidParameter('taskrole does not replicate secrets to other Regions.')
  const collection = secretCollection(ctx.store)
  const scope = secretScope(ctx.accountId, ctx.region)
  const existing = collection.get(scope, input.Name)
  if (existing && !isGone(existing, ctx.now)) throw existing.deletedDate ? scheduledForDeletion() : secretExists(input.Name)
  if (hasValue(input) && !input.ClientRequestToken) throw tokenRequired()
  const at = ctx.now.toISOString()
  const secret: SecretRecord = {
    arn: plannedSecretArn(input, ctx),
    name: input.Name,
    accountId: ctx.accountId,
    region: ctx.region,
    description: input.Description,
    kmsKeyId: input.KmsKeyId || undefined,
    createdDate: at,
    lastChangedDate: at,
    tags: input.Tags ?? [],
    versions: [],
  }
  // The key must be usable even for a secret created without a value (Secrets Manager checks it up front).
  secretKey(ctx, secret)
  if (hasValue(input)) {
    const versionId = input.ClientRequestToken!
    addVersion(secret, { versionId, stages: [], createdDate: at, ...encryptSecretValue(ctx, secret, versionId, input) }, undefined)
  }
  saveSecret(ctx.store, secret)
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name, VersionId: hasValue(input) ? input.ClientRequestToken : undefined }
}

export function describeSecret(input: { SecretId: string }, ctx: CallContext) {
  const secret = requireSecret(lookupSecret(ctx, input.SecretId))
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    LastChangedDate: secret.lastChangedDate,
    LastAccessedDate: secret.lastAccessedDate,
    DeletedDate: secret.deletedDate,
    Tags: secret.tags.length ? secret.tags : undefined,
    VersionIdsToStages: versionIdsToStages(secret),
    CreatedDate: secret.createdDate,
  }
}

export interface UpdateSecretInput extends SecretValue {
  SecretId: string
  ClientRequestToken?: string
  Description?: string
  KmsKeyId?: string
}

/** New values become AWSCURRENT; a new KmsKeyId applies to versions created from now on. */
export function updateSecret(input: UpdateSecretInput, ctx: CallContext) {
  checkValue(input)
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  if (hasValue(input) && !input.ClientRequestToken) throw tokenRequired()
  const updated: SecretRecord = { ...secret, versions: secret.versions.map((v) => ({ ...v })), lastChangedDate: ctx.now.toISOString() }
  if (input.Description !== undefined) updated.description = input.Description
  if (input.KmsKeyId !== undefined) {
    updated.kmsKeyId = input.KmsKeyId || undefined
    secretKey(ctx, updated)
  }
  let versionId: string | undefined
  if (hasValue(input)) {
    versionId = input.ClientRequestToken!
    const retried = updated.versions.find((version) => version.versionId === versionId)
    if (retried) {
      // A retry with the same token and value changes nothing; another value under a used token is refused.
      if (!sameValue(ctx, secret, retried, input)) throw tokenInUse(versionId, secret.arn)
      return { ARN: secret.arn, Name: secret.name, VersionId: versionId }
    }
    addVersion(updated, { versionId, stages: [], createdDate: ctx.now.toISOString(), ...encryptSecretValue(ctx, updated, versionId, input) }, undefined)
  }
  saveSecret(ctx.store, updated)
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name, VersionId: versionId }
}

export function deleteSecret(input: { SecretId: string; RecoveryWindowInDays?: number; ForceDeleteWithoutRecovery?: boolean }, ctx: CallContext) {
  const window = input.RecoveryWindowInDays
  if (window !== undefined && (window < 7 || window > 30)) throw recoveryWindowRange()
  if (window !== undefined && input.ForceDeleteWithoutRecovery) throw forceWithRecoveryWindow()
  const lookup = lookupSecret(ctx, input.SecretId)
  if (!lookup.secret) {
    // Forcing the deletion of a secret that does not exist succeeds, as in AWS.
    if (input.ForceDeleteWithoutRecovery) return { ARN: lookup.arn, Name: input.SecretId, DeletionDate: ctx.now.toISOString() }
    throw secretNotFound()
  }
  const secret = lookup.secret
  if (secret.deletedDate && !input.ForceDeleteWithoutRecovery) throw markedForDeletion()
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  if (input.ForceDeleteWithoutRecovery) {
    secretCollection(ctx.store).delete(secretScope(secret.accountId, secret.region), secret.name)
    return { ARN: secret.arn, Name: secret.name, DeletionDate: ctx.now.toISOString() }
  }
  const deletionDate = new Date(ctx.now.getTime() + (window ?? 30) * 86_400_000).toISOString()
  saveSecret(ctx.store, { ...secret, deletedDate: ctx.now.toISOString(), deletionDate })
  return { ARN: secret.arn, Name: secret.name, DeletionDate: deletionDate }
}

export function restoreSecret(input: { SecretId: string }, ctx: CallContext) {
  const secret = requireSecret(lookupSecret(ctx, input.SecretId))
  const { deletedDate: _deleted, deletionDate: _deletion, ...restored } = secret
  saveSecret(ctx.store, { ...restored, lastChangedDate: ctx.now.toISOString() })
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name }
}
