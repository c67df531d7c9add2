//! AddTagsToResource, RemoveTagsFromResource and ListTagsForResource for parameters (ResourceType "Parameter",
//! ResourceId the parameter's name); tags feed aws:ResourceTag and ssm:resourceTag conditions.
import type { CallContext } from '../../dispatch/index.js'
import { invalidResourceId, invalidResourceType } from './errors.js'
import { findParameter } from './get-parameters.js'
import { parameterReference } from './parameter-names.js'
import { parameterCollection, parameterScope, type ParameterRecord, type ParameterTag } from './parameter-records.js'

interface TagTarget {
  ResourceType: string
  ResourceId: string
}

export function taggedParameter(input: TagTarget, ctx: CallContext): { parameter: ParameterRecord; key: string } {
  if (input.ResourceType !== 'Parameter') throw invalidResourceType()
  let reference
  try {
    reference = parameterReference(input.ResourceId, ctx)
  } catch {
    throw invalidResourceId()
  }
  const parameter = findParameter(ctx, reference)
  if (!parameter) throw invalidResourceId()
  return { parameter, key: reference.key }
}

export function addTagsToResource(input: TagTarget & { Tags: ParameterTag[] }, ctx: CallContext): Record<string, never> {
  const { parameter, key } = taggedParameter(input, ctx)
  const merged = new Map(parameter.tags.map((tag) => [tag.Key, tag.Value]))
  for (const tag of input.Tags) merged.set(tag.Key, tag.Value)
  parameterCollection(ctx.store).put(parameterScope(ctx.accountId, ctx.region), key, { ...parameter, tags: [...merged].map(([Key, Value]) => ({ Key, Value })) })
  ctx.audit.resources.push({ ARN: parameter.arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  return {}
}

export function removeTagsFromResource(input: TagTarget & { TagKeys: string[] }, ctx: CallContext): Record<string, never> {
  const { parameter, key } = taggedParameter(input, ctx)
  const removed = new Set(input.TagKeys)
  parameterCollection(ctx.store).put(parameterScope(ctx.accountId, ctx.region), key, { ...parameter, tags: parameter.tags.filter((tag) => !removed.has(tag.Key)) })
  ctx.audit.resources.push({ ARN: parameter.arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  return {}
}

export function listTagsForResource(input: TagTarget, ctx: CallContext) {
  return { TagList: taggedParameter(input, ctx).parameter.tags }
}
