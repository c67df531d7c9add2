//! Key tags: TagResource, UntagResource, ListResourceTags, and the checks CreateKey's Tags share (KMS API
//! Reference, "TagResource": at most 50 tags; keys beginning with aws: are reserved).
import type { CallContext } from '../../dispatch/index.js'
import { duplicateTagKeys, invalidMarker, reservedTag, tooManyTags } from './errors.js'
import { resolveKey } from './find-key.js'
import { saveKey, type KmsTag } from './key-records.js'
import { assertNotPendingDeletion } from './key-state.js'

const MAX_TAGS = 50

export function checkTags(tags: KmsTag[]): void {
  const seen = new Set<string>()
  for (const tag of tags) {
    if (tag.TagKey.toLowerCase().startsWith('aws:')) throw reservedTag()
    if (seen.has(tag.TagKey)) throw duplicateTagKeys()
    seen.add(tag.TagKey)
  }
  if (tags.length > MAX_TAGS) throw tooManyTags()
}

export function tagResource(input: { KeyId: string; Tags: KmsTag[] }, ctx: CallContext): Record<string, never> {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  assertNotPendingDeletion(key)
  checkTags(input.Tags)
  const merged = new Map(key.tags.map((tag) => [tag.TagKey, tag.TagValue]))
  for (const tag of input.Tags) merged.set(tag.TagKey, tag.TagValue)
  const tags = [...merged].map(([TagKey, TagValue]) => ({ TagKey, TagValue }))
  checkTags(tags)
  saveKey(ctx.store, { ...key, tags })
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return {}
}

export function untagResource(input: { KeyId: string; TagKeys: string[] }, ctx: CallContext): Record<string, never> {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  assertNotPendingDeletion(key)
  const removed = new Set(input.TagKeys)
  saveKey(ctx.store, { ...key, tags: key.tags.filter((tag) => !removed.has(tag.TagKey)) })
  ctx.audit.resources.push({ ARN: key.arn, type: 'AWS::KMS::Key', name: key.arn })
  return {}
}

export function listResourceTags(input: { KeyId: string; Limit?: number; Marker?: string }, ctx: CallContext) {
  const { key } = resolveKey(ctx.store, input.KeyId, ctx)
  const start = input.Marker === undefined ? 0 : Number.parseInt(input.Marker, 10)
  if (!Number.isInteger(start) || start < 0 || start > key.tags.length) throw invalidMarker()
  const limit = input.Limit ?? 50
  const page = key.tags.slice(start, start + limit)
  const truncated = start + limit < key.tags.length
  return { Tags: page, Truncated: truncated, NextMarker: truncated ? String(start + limit) : undefined }
}
