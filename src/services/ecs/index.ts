//! Amazon ECS control plane: clusters, task definitions, tasks (RunTask / StartTask / StopTask / DescribeTasks /
//! ListTasks), container instances and their attributes, and tags. Tasks are stored as PROVISIONING and handed
//! to the embedded agent through `hooks.taskChanged`, called after the transaction commits.
import type { CallContext, OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { deleteAttributes, listAttributes, putAttributes } from './attributes.js'
import { ECS_AUTHORIZATION } from './authorization.js'
import { createCluster, deleteCluster, describeClusters, listClusters, updateClusterSettings } from './clusters.js'
import {
  deregisterContainerInstance,
  describeContainerInstances,
  listContainerInstances,
  registerContainerInstance,
  updateContainerInstancesState,
} from './container-instances.js'
import { describeTasks } from './describe-tasks.js'
import { listTasks } from './list-tasks.js'
import { runTask } from './run-task.js'
import { startTask } from './start-task.js'
import { stopTask } from './stop-task.js'
import { listTagsForResource, tagResource, untagResource } from './tags.js'
import { listTaskDefinitionFamilies, listTaskDefinitions } from './task-definition-lists.js'
import { deleteTaskDefinitions, deregisterTaskDefinition, describeTaskDefinition, registerTaskDefinition } from './task-definitions.js'

export interface EcsHooks {
  /** A task was stored as PROVISIONING or asked to stop: the agent should look at it. */
  taskChanged(taskArn: string): void
}

type Handler = (input: any, ctx: CallContext) => unknown

/** Every implemented operation's handler, by the model's operation name. */
export function ecsHandlers(hooks: EcsHooks): Record<string, Handler> {
  const wake = (taskArn: string) => hooks.taskChanged(taskArn)
  return {
    CreateCluster: createCluster,
    DescribeClusters: describeClusters,
    ListClusters: listClusters,
    DeleteCluster: deleteCluster,
    UpdateCluster: updateClusterSettings,
    UpdateClusterSettings: updateClusterSettings,
    RegisterTaskDefinition: registerTaskDefinition,
    DescribeTaskDefinition: describeTaskDefinition,
    ListTaskDefinitions: listTaskDefinitions,
    ListTaskDefinitionFamilies: listTaskDefinitionFamilies,
    DeregisterTaskDefinition: deregisterTaskDefinition,
    DeleteTaskDefinitions: deleteTaskDefinitions,
    RunTask: (input, ctx) => runTask(input, ctx, wake),
    StartTask: (input, ctx) => startTask(input, ctx, wake),
    StopTask: (input, ctx) => stopTask(input, ctx, wake),
    DescribeTasks: describeTasks,
    ListTasks: listTasks,
    RegisterContainerInstance: registerContainerInstance,
    DeregisterContainerInstance: deregisterContainerInstance,
    DescribeContainerInstances: describeContainerInstances,
    ListContainerInstances: listContainerInstances,
    UpdateContainerInstancesState: updateContainerInstancesState,
    PutAttributes: putAttributes,
    DeleteAttributes: deleteAttributes,
    ListAttributes: listAttributes,
    TagResource: tagResource,
    UntagResource: untagResource,
    ListTagsForResource: listTagsForResource,
  }
}

export function createEcsService(hooks: EcsHooks): ServiceDefinition {
  const operations: Record<string, OperationDefinition> = {}
  for (const [name, handler] of Object.entries(ecsHandlers(hooks))) {
    const authorization = ECS_AUTHORIZATION[name]
    if (!authorization) throw new Error(`ecs:${name} has no authorization declaration`)
    operations[name] = { authorization, handler }
  }
  return {
    service: 'ecs',
    eventSource: 'ecs.amazonaws.com',
    accessDenied: { code: 'AccessDeniedException', status: 400 },
    operations,
  }
}
