//! GetSecretValue and PutSecretValue: versions by id or staging label (AWSCURRENT by default), each read or
//! write checked against KMS for the caller. Values never reach the audit trail: SecretString and
//! SecretBinary are sensitive members, and responseElements are replaced.
import type { CallContext } from '../../dispatch/index.js'
import { markedForDeletion, stageNotFound, stageNotOnVersion, tokenInUse, tokenRequired, valueRequired, versionNotFound } from './errors.js'
import { lookupSecret, requireLiveSecret, requireSecret } from './find-secret.js'
import { decryptSecretValue, encryptSecretValue, sameValue, type SecretValue } from './secret-encryption.js'
import { accessDay, saveSecret, type SecretVersionRecord } from './secret-records.js'
import { checkValue } from './secrets.js'
import { addVersion } from './version-stages.js'

export interface GetSecretValueInput {
  SecretId: string
  VersionId?: string
  VersionStage?: string
}

export function getSecretValue(input: GetSecretValueInput, ctx: CallContext) {
  const secret = requireSecret(lookupSecret(ctx, input.SecretId))
  if (secret.deletedDate) throw markedForDeletion()
  let version: SecretVersionRecord | undefined
  if (input.VersionId !== undefined) {
    version = secret.versions.find((v) => v.versionId === input.VersionId)
    if (!version) throw versionNotFound(input.VersionId)
    if (input.VersionStage !== undefined && !version.stages.includes(input.VersionStage)) throw stageNotOnVersion()
  } else {
    const stage = input.VersionStage ?? 'AWSCURRENT'
    version = secret.versions.find((v) => v.stages.includes(stage))
    if (!version) throw stageNotFound(stage)
  }
  const value = decryptSecretValue(ctx, secret, version)
  const day = accessDay(ctx.now)
  saveSecret(ctx.store, {
    ...secret,
    lastAccessedDate: day,
    versions: secret.versions.map((v) => (v.versionId === version!.versionId ? { ...v, lastAccessedDate: day } : v)),
  })
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  ctx.audit.responseElements = null
  return {
    ARN: secret.arn,
    Name: secret.name,
    VersionId: version.versionId,
    ...value,
    VersionStages: version.stages,
    CreatedDate: version.createdDate,
  }
}

export interface PutSecretValueInput extends SecretValue {
  SecretId: string
  ClientRequestToken?: string
  VersionStages?: string[]
}

export function putSecretValue(input: PutSecretValueInput, ctx: CallContext) {
  checkValue(input)
  if (input.SecretString === undefined && input.SecretBinary === undefined) throw valueRequired()
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  if (!input.ClientRequestToken) throw tokenRequired()
  const versionId = input.ClientRequestToken
  const retried = secret.versions.find((version) => version.versionId === versionId)
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  if (retried) {
    if (!sameValue(ctx, secret, retried, input)) throw tokenInUse(versionId, secret.arn)
    return { ARN: secret.arn, Name: secret.name, VersionId: versionId, VersionStages: retried.stages }
  }
  const updated = { ...secret, versions: secret.versions.map((v) => ({ ...v })), lastChangedDate: ctx.now.toISOString() }
  addVersion(updated, { versionId, stages: [], createdDate: ctx.now.toISOString(), ...encryptSecretValue(ctx, secret, versionId, input) }, input.VersionStages)
  saveSecret(ctx.store, updated)
  const added = updated.versions.find((version) => version.versionId === versionId)!
  return { ARN: secret.arn, Name: secret.name, VersionId: versionId, VersionStages: added.stages }
}
