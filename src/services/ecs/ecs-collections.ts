//! The ECS collections of the store, typed, for the caller's account and region (shared with the agent).
import type { CallContext } from '../../dispatch/index.js'
import {
  ECS_COLLECTIONS,
  ecsScope,
  type ClusterRecord,
  type Collection,
  type ContainerInstanceRecord,
  type Store,
  type TaskDefinitionRecord,
  type TaskRecord,
} from '../../store/index.js'
import type { EcsLocation } from './arns.js'

export interface TaskDefinitionFamilyRecord {
  family: string
  /** Revisions are never reused, even after DeleteTaskDefinitions. */
  lastRevision: number
}

export interface ResourceTagsRecord {
  tags: Array<{ key: string; value: string }>
}

export interface EcsCollections {
  scope: string
  clusters: Collection<ClusterRecord>
  taskDefinitions: Collection<TaskDefinitionRecord>
  families: Collection<TaskDefinitionFamilyRecord>
  tasks: Collection<TaskRecord>
  containerInstances: Collection<ContainerInstanceRecord>
  /** Tags of task definitions (the other records carry their own `tags`). */
  tags: Collection<ResourceTagsRecord>
}

export function ecsCollections(store: Store, at: EcsLocation): EcsCollections {
  const documents = store.documents
  return {
    scope: ecsScope(at.account, at.region),
    clusters: documents.collection<ClusterRecord>(ECS_COLLECTIONS.clusters),
    taskDefinitions: documents.collection<TaskDefinitionRecord>(ECS_COLLECTIONS.taskDefinitions),
    families: documents.collection<TaskDefinitionFamilyRecord>(ECS_COLLECTIONS.taskDefinitionFamilies),
    tasks: documents.collection<TaskRecord>(ECS_COLLECTIONS.tasks),
    containerInstances: documents.collection<ContainerInstanceRecord>(ECS_COLLECTIONS.containerInstances),
    tags: documents.collection<ResourceTagsRecord>(ECS_COLLECTIONS.tags),
  }
}

/** Where a call acts: ECS resources live in the caller's account and the request's region. */
export function locationOf(ctx: Pick<CallContext, 'accountId' | 'region'>): EcsLocation {
  return { account: ctx.accountId, region: ctx.region }
}

export function collectionsOf(ctx: Pick<CallContext, 'store' | 'accountId' | 'region'>): EcsCollections {
  return ecsCollections(ctx.store, locationOf(ctx))
}

/** Store key of a task: `${clusterName}/${taskId}` (ECS_COLLECTIONS). */
export function taskKey(clusterName: string, taskId: string): string {
  return `${clusterName}/${taskId}`
}

/** Store key of a container instance: `${clusterName}/${containerInstanceId}`. */
export function containerInstanceKey(clusterName: string, instanceId: string): string {
  return `${clusterName}/${instanceId}`
}
