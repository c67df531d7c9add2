//! What each ECS operation asks IAM, after the Service Authorization Reference for Amazon ECS: the action, the
//! resource ARN (cluster, task definition with its revision resolved, task, container instance; `*` where ECS has
//! no resource-level permissions), and the condition keys (ecs:cluster, aws:ResourceTag/…, aws:RequestTag/…,
//! ecs:CreateAction for tag-on-create). iam:PassRole is checked in the handlers (task-roles.ts).
import type { AuthorizationDeclaration, AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import { clusterArn, clusterNameOf, containerInstanceArn, parseChildReference, taskArn, taskDefinitionArn, type EcsLocation } from './arns.js'
import { collectionsOf, locationOf } from './ecs-collections.js'
import { taskDefinitionNotFound } from './errors.js'
import { findTaskDefinition } from './task-definitions.js'
import { currentTags, requestTagContext, resourceTagContext, type EcsTag } from './tags.js'

type Context = NonNullable<AuthorizationRequirement['context']>

function clusterArnOf(at: EcsLocation, reference: string | undefined): string {
  const name = clusterNameOf(at, reference)
  return name === undefined ? reference! : clusterArn(at, name)
}

function clusterNameFrom(at: EcsLocation, reference: string | undefined): string {
  return clusterNameOf(at, reference) ?? 'default'
}

function childArn(at: EcsLocation, kind: 'task' | 'container-instance', cluster: string | undefined, reference: string): string {
  if (reference.startsWith('arn:')) return reference
  const name = clusterNameFrom(at, cluster)
  return kind === 'task' ? taskArn(at, name, reference) : containerInstanceArn(at, name, parseChildReference(at, kind, reference)?.id ?? reference)
}

/** One requirement on an existing resource, with its tags as aws:ResourceTag/*. */
function onResource(ctx: CallContext, action: string, resource: string, context: Context = {}): AuthorizationRequirement {
  return { action, resource, context: { ...resourceTagContext(currentTags(ctx, resource)), ...context } }
}

/** Tag-on-create needs ecs:TagResource too, with ecs:CreateAction naming the creating call. */
function tagOnCreate(resource: string, createAction: string, tags: EcsTag[] | undefined): AuthorizationRequirement[] {
  if (!tags?.length) return []
  return [{ action: 'ecs:TagResource', resource, context: { 'ecs:CreateAction': createAction, ...requestTagContext(tags) } }]
}

function onCluster(action: string): AuthorizationDeclaration<{ cluster?: string }> {
  return (input, ctx) => [onResource(ctx, action, clusterArnOf(locationOf(ctx), input.cluster))]
}

const anyResource =
  (action: string): AuthorizationDeclaration<unknown> =>
  () => [{ action, resource: '*' }]

/** RunTask / StartTask: the task definition ARN with its revision resolved before authorization (API Reference note of March 21, 2024). */
function launchRequirements(operation: 'RunTask' | 'StartTask'): AuthorizationDeclaration<any> {
  return (input, ctx) => {
    const at = locationOf(ctx)
    const definition = findTaskDefinition(collectionsOf(ctx), at, input.taskDefinition)
    if (!definition) throw taskDefinitionNotFound()
    const cluster = clusterArnOf(at, input.cluster)
    const context: Context = {
      'ecs:cluster': cluster,
      'ecs:enable-execute-command': String(input.enableExecuteCommand ?? false),
      'ecs:enable-managed-tags': String(input.enableECSManagedTags ?? false),
      ...requestTagContext(input.tags),
    }
    if (input.propagateTags) context['ecs:propagate-tags'] = input.propagateTags
    if (definition.cpu) context['ecs:task-cpu'] = definition.cpu
    if (definition.memory) context['ecs:task-memory'] = definition.memory
    if (input.capacityProviderStrategy?.length) context['ecs:capacity-provider'] = input.capacityProviderStrategy.map((s: { capacityProvider: string }) => s.capacityProvider)
    if (operation === 'StartTask') context['ecs:container-instances'] = input.containerInstances.map((ref: string) => childArn(at, 'container-instance', input.cluster, ref))
    const newTasks = `arn:aws:ecs:${at.region}:${at.account}:task/${clusterNameFrom(at, input.cluster)}/*`
    return [onResource(ctx, `ecs:${operation}`, definition.taskDefinitionArn, context), ...tagOnCreate(newTasks, operation, input.tags)]
  }
}

export const ECS_AUTHORIZATION: Record<string, AuthorizationDeclaration<any>> = {
  CreateCluster: (input, ctx) => {
    const arn = clusterArn(locationOf(ctx), input.clusterName ?? 'default')
    return [{ action: 'ecs:CreateCluster', resource: arn, context: requestTagContext(input.tags) }, ...tagOnCreate(arn, 'CreateCluster', input.tags)]
  },
  DescribeClusters: (input, ctx) =>
    (input.clusters?.length ? input.clusters : ['default']).map((ref: string) => onResource(ctx, 'ecs:DescribeClusters', clusterArnOf(locationOf(ctx), ref))),
  ListClusters: anyResource('ecs:ListClusters'),
  DeleteCluster: onCluster('ecs:DeleteCluster'),
  UpdateCluster: onCluster('ecs:UpdateCluster'),
  UpdateClusterSettings: onCluster('ecs:UpdateClusterSettings'),

  RegisterTaskDefinition: (input, ctx) => {
    const at = locationOf(ctx)
    const c = collectionsOf(ctx)
    const next = taskDefinitionArn(at, input.family, (c.families.get(c.scope, input.family)?.lastRevision ?? 0) + 1)
    return [{ action: 'ecs:RegisterTaskDefinition', resource: '*', context: requestTagContext(input.tags) }, ...tagOnCreate(next, 'RegisterTaskDefinition', input.tags)]
  },
  DescribeTaskDefinition: anyResource('ecs:DescribeTaskDefinition'),
  ListTaskDefinitions: anyResource('ecs:ListTaskDefinitions'),
  ListTaskDefinitionFamilies: anyResource('ecs:ListTaskDefinitionFamilies'),
  DeregisterTaskDefinition: (input, ctx) => [onResource(ctx, 'ecs:DeregisterTaskDefinition', definitionArnOf(locationOf(ctx), input.taskDefinition))],
  DeleteTaskDefinitions: (input, ctx) =>
    input.taskDefinitions.map((ref: string) => onResource(ctx, 'ecs:DeleteTaskDefinitions', definitionArnOf(locationOf(ctx), ref))),

  RunTask: launchRequirements('RunTask'),
  StartTask: launchRequirements('StartTask'),
  StopTask: (input, ctx) => {
    const at = locationOf(ctx)
    return [onResource(ctx, 'ecs:StopTask', childArn(at, 'task', input.cluster, input.task), { 'ecs:cluster': clusterArnOf(at, input.cluster) })]
  },
  DescribeTasks: (input, ctx) => {
    const at = locationOf(ctx)
    const cluster = clusterArnOf(at, input.cluster)
    return input.tasks.map((ref: string) => onResource(ctx, 'ecs:DescribeTasks', childArn(at, 'task', input.cluster, ref), { 'ecs:cluster': cluster }))
  },
  // ListTasks is granted on "*" with the ecs:cluster condition (awsdocs/amazon-ecs-developer-guide#211).
  ListTasks: (input, ctx) => [{ action: 'ecs:ListTasks', resource: '*', context: { 'ecs:cluster': clusterArnOf(locationOf(ctx), input.cluster) } }],

  RegisterContainerInstance: (input, ctx) => {
    const arn = clusterArnOf(locationOf(ctx), input.cluster)
    return [onResource(ctx, 'ecs:RegisterContainerInstance', arn, requestTagContext(input.tags)), ...tagOnCreate(arn, 'RegisterContainerInstance', input.tags)]
  },
  DeregisterContainerInstance: onCluster('ecs:DeregisterContainerInstance'),
  ListContainerInstances: onCluster('ecs:ListContainerInstances'),
  DescribeContainerInstances: (input, ctx) => instanceRequirements(ctx, 'ecs:DescribeContainerInstances', input.cluster, input.containerInstances),
  UpdateContainerInstancesState: (input, ctx) => instanceRequirements(ctx, 'ecs:UpdateContainerInstancesState', input.cluster, input.containerInstances),
  PutAttributes: (input, ctx) => attributeRequirements(ctx, 'ecs:PutAttributes', input.cluster, input.attributes),
  DeleteAttributes: (input, ctx) => attributeRequirements(ctx, 'ecs:DeleteAttributes', input.cluster, input.attributes),
  ListAttributes: onCluster('ecs:ListAttributes'),

  TagResource: (input, ctx) => [onResource(ctx, 'ecs:TagResource', input.resourceArn, requestTagContext(input.tags))],
  UntagResource: (input, ctx) => [onResource(ctx, 'ecs:UntagResource', input.resourceArn, { 'aws:TagKeys': input.tagKeys })],
  ListTagsForResource: (input, ctx) => [onResource(ctx, 'ecs:ListTagsForResource', input.resourceArn)],
}

function definitionArnOf(at: EcsLocation, reference: string): string {
  if (reference.startsWith('arn:')) return reference
  const colon = reference.indexOf(':')
  const family = colon < 0 ? reference : reference.slice(0, colon)
  const revision = colon < 0 ? '' : reference.slice(colon + 1)
  return revision ? `arn:aws:ecs:${at.region}:${at.account}:task-definition/${family}:${revision}` : `arn:aws:ecs:${at.region}:${at.account}:task-definition/${family}`
}

function instanceRequirements(ctx: CallContext, action: string, cluster: string | undefined, references: string[]): AuthorizationRequirement[] {
  const at = locationOf(ctx)
  const context = { 'ecs:cluster': clusterArnOf(at, cluster) }
  return references.map((ref) => onResource(ctx, action, childArn(at, 'container-instance', cluster, ref), context))
}

function attributeRequirements(ctx: CallContext, action: string, cluster: string | undefined, attributes: Array<{ targetId?: string }>): AuthorizationRequirement[] {
  const at = locationOf(ctx)
  const context = { 'ecs:cluster': clusterArnOf(at, cluster) }
  const targets = [...new Set(attributes.map((a) => a.targetId))]
  return targets.map((target) =>
    target ? onResource(ctx, action, childArn(at, 'container-instance', cluster, target), context) : onResource(ctx, action, clusterArnOf(at, cluster), context),
  )
}
