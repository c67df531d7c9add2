//! Container instance attributes: PutAttributes, DeleteAttributes, ListAttributes (ECS Developer Guide,
//! "Attributes": names up to 128 letters, numbers, hyphens, underscores, slashes and periods; values up to 128
//! characters, also @, colons and inner spaces; 10 custom attributes per resource).
import type { CallContext } from '../../dispatch/index.js'
import type { ContainerInstanceRecord } from '../../store/index.js'
import { requireCluster } from './clusters.js'
import { collectionsOf, containerInstanceKey } from './ecs-collections.js'
import { attributeLimitExceeded, attributeTargetRequired, invalidAttribute, targetNotFound } from './errors.js'
import { clusterNameOfArn, findInstance } from './find-container-instance.js'
import { pageOf } from './page-token.js'

export interface EcsAttribute {
  name: string
  value?: string
  targetType?: string
  targetId?: string
}

const NAME = /^[a-zA-Z0-9_./\\-]{1,128}$/
const VALUE = /^[a-zA-Z0-9_.@/\\:-]([a-zA-Z0-9_.@/\\: -]{0,126}[a-zA-Z0-9_.@/\\:-])?$/
const CUSTOM_LIMIT = 10

export function checkAttributes(attributes: readonly EcsAttribute[]): void {
  for (const attribute of attributes) {
    if (!NAME.test(attribute.name) || (attribute.value !== undefined && !VALUE.test(attribute.value))) throw invalidAttribute(attribute.name)
  }
}

/** Attributes the agent or ECS sets (ecs.*, com.amazonaws.ecs.*) do not count against the custom limit. */
function isCustom(name: string): boolean {
  return !name.startsWith('ecs.') && !name.startsWith('com.amazonaws.ecs.')
}

function targetOf(ctx: CallContext, clusterRef: string | undefined, attribute: EcsAttribute): ContainerInstanceRecord {
  if (!attribute.targetId) throw attributeTargetRequired(attribute.name)
  const cluster = requireCluster(ctx, clusterRef)
  const instance = findInstance(ctx, cluster, attribute.targetId)
  if (!instance || instance.status === 'INACTIVE') throw targetNotFound(attribute.targetId)
  return instance
}

function save(ctx: CallContext, instance: ContainerInstanceRecord): void {
  const c = collectionsOf(ctx)
  c.containerInstances.put(c.scope, containerInstanceKey(clusterNameOfArn(instance.clusterArn), instance.containerInstanceId), instance)
  ctx.audit.resources.push({ ARN: instance.containerInstanceArn, type: 'AWS::ECS::ContainerInstance', name: instance.containerInstanceArn })
}

export function putAttributes(input: { cluster?: string; attributes: EcsAttribute[] }, ctx: CallContext): { attributes: EcsAttribute[] } {
  checkAttributes(input.attributes)
  for (const attribute of input.attributes) {
    const instance = targetOf(ctx, input.cluster, attribute)
    const kept = instance.attributes.filter((a) => a.name !== attribute.name)
    const next = [...kept, attribute.value === undefined ? { name: attribute.name } : { name: attribute.name, value: attribute.value }]
    if (next.filter((a) => isCustom(a.name)).length > CUSTOM_LIMIT) throw attributeLimitExceeded()
    save(ctx, { ...instance, attributes: next, version: instance.version + 1 })
  }
  return { attributes: input.attributes }
}

export function deleteAttributes(input: { cluster?: string; attributes: EcsAttribute[] }, ctx: CallContext): { attributes: EcsAttribute[] } {
  for (const attribute of input.attributes) {
    const instance = targetOf(ctx, input.cluster, attribute)
    save(ctx, { ...instance, attributes: instance.attributes.filter((a) => a.name !== attribute.name), version: instance.version + 1 })
  }
  return { attributes: input.attributes }
}

export function listAttributes(
  input: { cluster?: string; targetType: string; attributeName?: string; attributeValue?: string; nextToken?: string; maxResults?: number },
  ctx: CallContext,
): { attributes: EcsAttribute[]; nextToken?: string } {
  const c = collectionsOf(ctx)
  const cluster = requireCluster(ctx, input.cluster)
  const entries = c.containerInstances
    .list(c.scope, { prefix: `${cluster.clusterName}/` })
    .filter((instance) => instance.status !== 'INACTIVE')
    .flatMap((instance) =>
      instance.attributes
        .filter((a) => input.attributeName === undefined || a.name === input.attributeName)
        .filter((a) => input.attributeValue === undefined || a.value === input.attributeValue)
        .map((a) => ({
          key: `${instance.containerInstanceId}/${a.name}`,
          attribute: { name: a.name, value: a.value, targetType: 'container-instance', targetId: instance.containerInstanceArn },
        })),
    )
  const page = pageOf(entries, (entry) => entry.key, input)
  return { attributes: page.items.map((entry) => entry.attribute), nextToken: page.nextToken }
}
