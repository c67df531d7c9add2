//! Tags on clusters, task definitions, tasks and container instances: TagResource, UntagResource,
//! ListTagsForResource, and the condition keys tags feed (ECS Developer Guide, "Tagging your Amazon ECS
//! resources": 50 per resource, case-sensitive keys, the aws: prefix reserved).
import { parseArn } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { taskDefinitionKey, type TaskDefinitionRecord } from '../../store/index.js'
import { parseChildReference, parseTaskDefinitionReference } from './arns.js'
import { collectionsOf, containerInstanceKey, locationOf, taskKey, type EcsCollections } from './ecs-collections.js'
import { clusterNameOfArn } from './find-container-instance.js'
import { clusterNotFound, invalidResourceArn, reservedTagKey, resourceNotFound, tooManyTags } from './errors.js'

export interface EcsTag {
  key: string
  value: string
}

export const TAGS_PER_RESOURCE = 50

/** aws:RequestTag/<key> for each tag sent and aws:TagKeys for their keys. */
export function requestTagContext(tags: readonly EcsTag[] | undefined): Record<string, string | string[]> {
  if (!tags || tags.length === 0) return {}
  const context: Record<string, string | string[]> = { 'aws:TagKeys': tags.map((tag) => tag.key) }
  for (const tag of tags) context[`aws:RequestTag/${tag.key}`] = tag.value ?? ''
  return context
}

/** aws:ResourceTag/<key> for each tag the resource already carries. */
export function resourceTagContext(tags: readonly EcsTag[] | undefined): Record<string, string> {
  const context: Record<string, string> = {}
  for (const tag of tags ?? []) context[`aws:ResourceTag/${tag.key}`] = tag.value
  return context
}

/** New tags replace old ones with the same key; the aws: prefix and a 51st tag are refused. */
export function mergeTags(existing: readonly EcsTag[], incoming: readonly EcsTag[] | undefined): EcsTag[] {
  const added = (incoming ?? []).map((tag) => ({ key: tag.key, value: tag.value ?? '' }))
  if (added.some((tag) => tag.key.toLowerCase().startsWith('aws:'))) throw reservedTagKey()
  const merged = existing.map((tag) => added.find((t) => t.key === tag.key) ?? tag)
  for (const tag of added) if (!merged.some((t) => t.key === tag.key)) merged.push(tag)
  if (merged.length > TAGS_PER_RESOURCE) throw tooManyTags()
  return merged
}

/** Where a taggable resource keeps its tags. */
interface TagHolder {
  tags: EcsTag[]
  save(tags: EcsTag[]): void
}

/** The resource an ARN names, or the error ECS gives for it. */
export function tagHolder(ctx: CallContext, resourceArn: string): TagHolder {
  const at = locationOf(ctx)
  const c = collectionsOf(ctx)
  const arn = parseArn(resourceArn)
  if (!arn || arn.service !== 'ecs') throw invalidResourceArn(resourceArn)
  if (arn.account !== at.account || arn.region !== at.region) throw resourceNotFound()
  const [type] = arn.resource.split('/')
  switch (type) {
    case 'cluster': {
      const name = arn.resource.slice('cluster/'.length)
      const cluster = c.clusters.get(c.scope, name)
      if (!cluster || cluster.status !== 'ACTIVE') throw clusterNotFound()
      return { tags: cluster.tags, save: (tags) => c.clusters.put(c.scope, name, { ...cluster, tags }) }
    }
    case 'task-definition': {
      const ref = parseTaskDefinitionReference(at, resourceArn)
      if (!ref?.revision) throw invalidResourceArn(resourceArn)
      const record = c.taskDefinitions.get(c.scope, taskDefinitionKey(ref.family, ref.revision))
      if (!record || record.status === 'DELETE_IN_PROGRESS') throw resourceNotFound()
      return taskDefinitionTags(c, record)
    }
    case 'task': {
      const ref = parseChildReference(at, 'task', resourceArn)
      if (!ref) throw invalidResourceArn(resourceArn)
      const task = ref.clusterName
        ? c.tasks.get(c.scope, taskKey(ref.clusterName, ref.id))
        : c.tasks.list(c.scope).find((t) => t.taskId === ref.id)
      if (!task) throw resourceNotFound()
      return { tags: task.tags, save: (tags) => c.tasks.put(c.scope, taskKey(task.clusterName, task.taskId), { ...task, tags }) }
    }
    case 'container-instance': {
      const ref = parseChildReference(at, 'container-instance', resourceArn)
      if (!ref) throw invalidResourceArn(resourceArn)
      const entry = c.containerInstances
        .list(c.scope)
        .find((i) => i.containerInstanceId === ref.id && (!ref.clusterName || i.clusterArn.endsWith(`:cluster/${ref.clusterName}`)))
      if (!entry || entry.status === 'INACTIVE') throw resourceNotFound()
      const key = containerInstanceKey(clusterNameOfArn(entry.clusterArn), entry.containerInstanceId)
      return { tags: entry.tags, save: (tags) => c.containerInstances.put(c.scope, key, { ...entry, tags }) }
    }
    default:
      throw invalidResourceArn(resourceArn)
  }
}

export function taskDefinitionTags(c: EcsCollections, record: TaskDefinitionRecord): TagHolder {
  const key = record.taskDefinitionArn
  return {
    tags: c.tags.get(c.scope, key)?.tags ?? [],
    save: (tags) => (tags.length ? c.tags.put(c.scope, key, { tags }) : void c.tags.delete(c.scope, key)),
  }
}

/** The tags a resource carries now, for aws:ResourceTag in authorization; none when it does not exist. */
export function currentTags(ctx: CallContext, resourceArn: string): EcsTag[] {
  try {
    return tagHolder(ctx, resourceArn).tags
  } catch {
    return []
  }
}

export function tagResource(input: { resourceArn: string; tags: EcsTag[] }, ctx: CallContext): Record<string, never> {
  const holder = tagHolder(ctx, input.resourceArn)
  holder.save(mergeTags(holder.tags, input.tags))
  ctx.audit.resources.push({ ARN: input.resourceArn, name: input.resourceArn })
  return {}
}

export function untagResource(input: { resourceArn: string; tagKeys: string[] }, ctx: CallContext): Record<string, never> {
  const holder = tagHolder(ctx, input.resourceArn)
  const drop = new Set(input.tagKeys)
  holder.save(holder.tags.filter((tag) => !drop.has(tag.key)))
  ctx.audit.resources.push({ ARN: input.resourceArn, name: input.resourceArn })
  return {}
}

export function listTagsForResource(input: { resourceArn: string }, ctx: CallContext): { tags: EcsTag[] } {
  return { tags: tagHolder(ctx, input.resourceArn).tags }
}
