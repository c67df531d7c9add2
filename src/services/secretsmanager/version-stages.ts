//! Staging labels (Secrets Manager User Guide, "Secret versions"): each label is on at most one version;
//! moving AWSCURRENT to a version gives the previous current version AWSPREVIOUS. Versions without labels are
//! deprecated; Secrets Manager keeps about 100 of them.
import type { CallContext } from '../../dispatch/index.js'
import { invalidNextToken, invalidParameter } from './errors.js'
import { lookupSecret, requireLiveSecret, requireSecret } from './find-secret.js'
import { saveSecret, type SecretRecord, type SecretVersionRecord } from './secret-records.js'

const CURRENT = 'AWSCURRENT'
const PREVIOUS = 'AWSPREVIOUS'
const MAX_DEPRECATED = 100

/** Puts each label on the version, taking it from any other; AWSCURRENT leaves AWSPREVIOUS behind. */
export function attachStages(versions: SecretVersionRecord[], versionId: string, stages: string[]): void {
  const target = versions.find((version) => version.versionId === versionId)!
  if (stages.includes(CURRENT)) {
    const current = versions.find((version) => version !== target && version.stages.includes(CURRENT))
    if (current) {
      for (const version of versions) version.stages = version.stages.filter((stage) => stage !== PREVIOUS)
      current.stages = [...current.stages.filter((stage) => stage !== CURRENT), PREVIOUS]
    }
  }
  for (const version of versions) {
    if (version !== target) version.stages = version.stages.filter((stage) => !stages.includes(stage))
  }
  target.stages = [...new Set([...target.stages, ...stages])]
}

/** Adds a version (labelled AWSCURRENT unless told otherwise) and drops the oldest deprecated versions. */
export function addVersion(secret: SecretRecord, version: SecretVersionRecord, stages: string[] | undefined): void {
  secret.versions.push({ ...version, stages: [] })
  attachStages(secret.versions, version.versionId, stages?.length ? stages : [CURRENT])
  const deprecated = secret.versions.filter((v) => v.stages.length === 0)
  if (deprecated.length > MAX_DEPRECATED) {
    const drop = new Set(deprecated.slice(0, deprecated.length - MAX_DEPRECATED))
    secret.versions = secret.versions.filter((v) => !drop.has(v))
  }
}

export function versionIdsToStages(secret: SecretRecord): Record<string, string[]> | undefined {
  const labelled = secret.versions.filter((version) => version.stages.length > 0)
  if (!labelled.length) return undefined
  return Object.fromEntries(labelled.map((version) => [version.versionId, version.stages]))
}

export function updateSecretVersionStage(
  input: { SecretId: string; VersionStage: string; RemoveFromVersionId?: string; MoveToVersionId?: string },
  ctx: CallContext,
) {
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  const find = (id: string) => {
    const version = secret.versions.find((v) => v.versionId === id)
    if (!version) throw invalidParameter(`Not a valid version: ${id}`)
    return version
  }
  const holder = secret.versions.find((version) => version.stages.includes(input.VersionStage))
  if (input.RemoveFromVersionId !== undefined) {
    const from = find(input.RemoveFromVersionId)
    if (!from.stages.includes(input.VersionStage)) {
      throw invalidParameter(`Version stage ${input.VersionStage} not found in version ${input.RemoveFromVersionId}`)
    }
  }
  if (input.MoveToVersionId !== undefined) {
    find(input.MoveToVersionId)
    if (holder && holder.versionId !== input.MoveToVersionId && holder.versionId !== input.RemoveFromVersionId) {
      throw invalidParameter(
        `The parameter RemoveFromVersionId can't be empty. Staging label ${input.VersionStage} is currently attached to version ${holder.versionId}, so you must explicitly reference that version in RemoveFromVersionId.`,
      )
    }
    attachStages(secret.versions, input.MoveToVersionId, [input.VersionStage])
  } else if (input.RemoveFromVersionId !== undefined) {
    const from = find(input.RemoveFromVersionId)
    from.stages = from.stages.filter((stage) => stage !== input.VersionStage)
  }
  saveSecret(ctx.store, { ...secret, lastChangedDate: ctx.now.toISOString() })
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name }
}

export function listSecretVersionIds(
  input: { SecretId: string; MaxResults?: number; NextToken?: string; IncludeDeprecated?: boolean },
  ctx: CallContext,
) {
  const secret = requireSecret(lookupSecret(ctx, input.SecretId))
  const versions = secret.versions.filter((version) => input.IncludeDeprecated || version.stages.length > 0)
  const start = input.NextToken === undefined ? 0 : Number.parseInt(Buffer.from(input.NextToken, 'base64url').toString('utf8'), 10)
  if (!Number.isInteger(start) || start < 0 || start > versions.length) throw invalidNextToken()
  const max = input.MaxResults ?? 100
  const page = versions.slice(start, start + max)
  return {
    Versions: page.map((version) => ({
      VersionId: version.versionId,
      VersionStages: version.stages,
      CreatedDate: version.createdDate,
      LastAccessedDate: version.lastAccessedDate,
      KmsKeyIds: [version.keyArn],
    })),
    NextToken: start + max < versions.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
    ARN: secret.arn,
    Name: secret.name,
  }
}

