//! ListSecrets with filters and paging (Secrets Manager API Reference, ListSecrets; User Guide, "Find secrets"):
//! values match by prefix, of the whole text or of any word in it; a leading ! negates; values of one filter
//! are alternatives, filters must all match. Secrets scheduled for deletion appear only with IncludePlannedDeletion.
import type { CallContext } from '../../dispatch/index.js'
import { invalidNextToken } from './errors.js'
import { isGone, secretCollection, secretScope, type SecretRecord } from './secret-records.js'
import { versionIdsToStages } from './version-stages.js'

export interface ListSecretsInput {
  IncludePlannedDeletion?: boolean
  MaxResults?: number
  NextToken?: string
  Filters?: Array<{ Key?: string; Values?: string[] }>
  SortOrder?: 'asc' | 'desc'
  SortBy?: 'created-date' | 'last-accessed-date' | 'last-changed-date' | 'name'
}

export function listSecrets(input: ListSecretsInput, ctx: CallContext) {
  const secrets = secretCollection(ctx.store)
    .list(secretScope(ctx.accountId, ctx.region))
    .filter((secret) => !isGone(secret, ctx.now) && (input.IncludePlannedDeletion || !secret.deletedDate))
    .filter((secret) => (input.Filters ?? []).every((filter) => matchesFilter(secret, filter.Key ?? 'all', filter.Values ?? [])))
  const sorted = sortSecrets(secrets, input.SortBy ?? 'created-date', input.SortOrder ?? 'asc')
  const start = input.NextToken === undefined ? 0 : decodeToken(input.NextToken)
  if (start > sorted.length) throw invalidNextToken()
  const max = input.MaxResults ?? 100
  const page = sorted.slice(start, start + max)
  return {
    SecretList: page.map(listEntry),
    NextToken: start + max < sorted.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  }
}

function listEntry(secret: SecretRecord) {
  return {
    ARN: secret.arn,
    Name: secret.name,
    Description: secret.description,
    KmsKeyId: secret.kmsKeyId,
    LastChangedDate: secret.lastChangedDate,
    LastAccessedDate: secret.lastAccessedDate,
    DeletedDate: secret.deletedDate,
    Tags: secret.tags.length ? secret.tags : undefined,
    SecretVersionsToStages: versionIdsToStages(secret),
    CreatedDate: secret.createdDate,
  }
}

function matchesFilter(secret: SecretRecord, key: string, values: string[]): boolean {
  const texts = filterTexts(secret, key)
  const positive = values.filter((value) => !value.startsWith('!'))
  const negative = values.filter((value) => value.startsWith('!')).map((value) => value.slice(1))
  if (negative.some((value) => texts.some((text) => matchesPrefix(text, value)))) return false
  return positive.length === 0 || positive.some((value) => texts.some((text) => matchesPrefix(text, value)))
}

function filterTexts(secret: SecretRecord, key: string): string[] {
  const description = secret.description ? [secret.description] : []
  const tagKeys = secret.tags.map((tag) => tag.Key)
  const tagValues = secret.tags.map((tag) => tag.Value)
  switch (key) {
    case 'name':
      return [secret.name]
    case 'description':
      return description
    case 'tag-key':
      return tagKeys
    case 'tag-value':
      return tagValues
    case 'primary-region':
      return [secret.region]
    case 'owning-service':
      return []
    default:
      return [secret.name, ...description, ...tagKeys, ...tagValues]
  }
}

function matchesPrefix(text: string, value: string): boolean {
  return text.startsWith(value) || text.split(/[\s/_+=.@-]+/).some((word) => word.startsWith(value))
}

function sortSecrets(secrets: SecretRecord[], by: string, order: 'asc' | 'desc'): SecretRecord[] {
  const field = (secret: SecretRecord): string => {
    switch (by) {
      case 'name':
        return secret.name
      case 'last-accessed-date':
        return secret.lastAccessedDate ?? ''
      case 'last-changed-date':
        return secret.lastChangedDate
      default:
        return secret.createdDate
    }
  }
  const sorted = [...secrets].sort((a, b) => field(a).localeCompare(field(b)) || a.name.localeCompare(b.name))
  return order === 'desc' ? sorted.reverse() : sorted
}

function decodeToken(token: string): number {
  const start = Number.parseInt(Buffer.from(token, 'base64url').toString('utf8'), 10)
  if (!Number.isInteger(start) || start < 0) throw invalidNextToken()
  return start
}
