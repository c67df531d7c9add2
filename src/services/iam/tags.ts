//! Tags on roles, users and policies: case-insensitive keys, 50 per resource, and the condition keys they feed
//! (IAM User Guide, "Tagging IAM resources" and "Controlling access to and for IAM users and roles using tags").
import type { Tag } from '../../store/index.js'
import { duplicateTagKeys, quotaExceeded } from './errors.js'
import { page, type PagingInput } from './paging.js'

export const TAGS_PER_RESOURCE = 50

/** Rejects two tags whose keys differ only in case: "Duplicate tag keys found. Please note that Tag keys are case insensitive." */
export function checkTags(tags: readonly Tag[] | undefined): Tag[] {
  const list = tags ?? []
  const seen = new Set<string>()
  for (const tag of list) {
    const key = tag.Key.toLowerCase()
    if (seen.has(key)) throw duplicateTagKeys()
    seen.add(key)
  }
  return list.map((tag) => ({ Key: tag.Key, Value: tag.Value ?? '' }))
}

/** Adds or overwrites tags; "Cannot exceed quota for TagsPerRole: 50" past the limit. */
export function mergeTags(existing: readonly Tag[], incoming: readonly Tag[] | undefined, quota: 'TagsPerRole' | 'TagsPerUser' | 'TagsPerPolicy'): Tag[] {
  const added = checkTags(incoming)
  const merged = existing.filter((tag) => !added.some((t) => t.Key.toLowerCase() === tag.Key.toLowerCase()))
  merged.push(...added)
  if (merged.length > TAGS_PER_RESOURCE) throw quotaExceeded(quota, TAGS_PER_RESOURCE)
  return merged
}

/** Removing a key that is not there is not an error (IAM API Reference, UntagRole). */
export function removeTags(existing: readonly Tag[], keys: readonly string[]): Tag[] {
  const drop = new Set(keys.map((key) => key.toLowerCase()))
  return existing.filter((tag) => !drop.has(tag.Key.toLowerCase()))
}

/** ListRoleTags / ListUserTags / ListPolicyTags output, paged in the order the tags were added. */
export function listTags(tags: readonly Tag[], input: PagingInput): { Tags: Tag[]; IsTruncated: boolean; Marker?: string } {
  const indexed = tags.map((tag, index) => ({ tag, key: String(index).padStart(4, '0') }))
  const result = page(indexed, input, (entry) => entry.key)
  return { Tags: result.items.map((entry) => entry.tag), IsTruncated: result.IsTruncated, Marker: result.Marker }
}

/** aws:RequestTag/<key> for each tag sent and aws:TagKeys for their keys. */
export function requestTagContext(tags: readonly Tag[] | undefined): Record<string, string | string[]> {
  if (!tags || tags.length === 0) return {}
  const context: Record<string, string | string[]> = { 'aws:TagKeys': tags.map((tag) => tag.Key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value ?? ''
  return context
}

/** aws:ResourceTag/<key> for each tag the resource already carries. */
export function resourceTagContext(tags: readonly Tag[] | undefined): Record<string, string> {
  const context: Record<string, string> = {}
  for (const tag of tags ?? []) context[`aws:ResourceTag/${tag.Key}`] = tag.Value
  return context
}

/** Tags appear in outputs only when there are some. */
export function tagsOutput(tags: readonly Tag[]): Tag[] | undefined {
  return tags.length ? [...tags] : undefined
}
