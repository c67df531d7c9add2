//! Log group tags: TagResource, UntagResource, ListTagsForResource (by ARN, without the trailing `:*`) and the
//! older TagLogGroup, UntagLogGroup, ListTagsLogGroup (by name). A resource has at most 50 tags.
import type { CallContext } from '../../dispatch/index.js'
import { taggedLogGroupRef, type LogGroupRef } from './arns.js'
import { resourceNotFound, tooManyTags } from './errors.js'
import { auditLogGroup } from './log-groups.js'
import { logGroups, logsScope, ownRef, requireLogGroup } from './records.js'

export const MAX_TAGS = 50

/** The log group a tagging ARN names, if it is one of this account's in this Region. */
export function taggedLogGroup(ctx: CallContext, resourceArn: string): LogGroupRef {
  const ref = taggedLogGroupRef(resourceArn)
  if (!ref || ref.account !== ctx.accountId || ref.region !== ctx.region) throw resourceNotFound()
  return ref
}

function addTags(ctx: CallContext, ref: LogGroupRef, tags: Record<string, string>, resourceArn: string) {
  const group = requireLogGroup(ctx, ref)
  const merged = { ...group.tags, ...tags }
  if (Object.keys(merged).length > MAX_TAGS) throw tooManyTags(resourceArn)
  logGroups(ctx).put(logsScope(ref), ref.name, { ...group, tags: merged })
  auditLogGroup(ctx, ref)
  return {}
}

function removeTags(ctx: CallContext, ref: LogGroupRef, keys: string[]) {
  const group = requireLogGroup(ctx, ref)
  const tags = { ...group.tags }
  for (const key of keys) delete tags[key]
  logGroups(ctx).put(logsScope(ref), ref.name, { ...group, tags })
  auditLogGroup(ctx, ref)
  return {}
}

function tagResource(input: { resourceArn: string; tags: Record<string, string> }, ctx: CallContext) {
  return addTags(ctx, taggedLogGroup(ctx, input.resourceArn), input.tags, input.resourceArn)
}

function untagResource(input: { resourceArn: string; tagKeys: string[] }, ctx: CallContext) {
  return removeTags(ctx, taggedLogGroup(ctx, input.resourceArn), input.tagKeys)
}

function listTagsForResource(input: { resourceArn: string }, ctx: CallContext) {
  return { tags: requireLogGroup(ctx, taggedLogGroup(ctx, input.resourceArn)).tags }
}

function tagLogGroup(input: { logGroupName: string; tags: Record<string, string> }, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  return addTags(ctx, ref, input.tags, ref.name)
}

function untagLogGroup(input: { logGroupName: string; tags: string[] }, ctx: CallContext) {
  return removeTags(ctx, ownRef(ctx, input.logGroupName), input.tags)
}

function listTagsLogGroup(input: { logGroupName: string }, ctx: CallContext) {
  return { tags: requireLogGroup(ctx, ownRef(ctx, input.logGroupName)).tags }
}

export const tagHandlers = {
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
  TagLogGroup: tagLogGroup,
  UntagLogGroup: untagLogGroup,
  ListTagsLogGroup: listTagsLogGroup,
}
