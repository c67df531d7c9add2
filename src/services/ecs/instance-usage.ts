//! What the tasks of a cluster reserve on its container instances, read from the stored tasks (the agent marks
//! them STOPPED), so placement and DescribeContainerInstances see the same remaining resources.
import { taskDefinitionKey, type ContainerInstanceRecord, type TaskDefinitionRecord, type TaskRecord } from '../../store/index.js'
import type { EcsLocation } from './arns.js'
import { parseTaskDefinitionReference } from './arns.js'
import type { EcsCollections } from './ecs-collections.js'
import { candidateFrom, needsOf, type PlacementCandidate, type ResourceNeeds } from './placement.js'

export type InstanceUsage = Map<string, Array<{ task: TaskRecord; needs: ResourceNeeds }>>

/** Non-STOPPED tasks of a cluster by the container instance ARN they were placed on. */
export function usageOf(c: EcsCollections, at: EcsLocation, clusterName: string): InstanceUsage {
  const usage: InstanceUsage = new Map()
  const definitions = new Map<string, TaskDefinitionRecord | undefined>()
  for (const task of c.tasks.list(c.scope, { prefix: `${clusterName}/` })) {
    if (!task.containerInstanceArn || task.lastStatus === 'STOPPED') continue
    if (!definitions.has(task.taskDefinitionArn)) {
      const ref = parseTaskDefinitionReference(at, task.taskDefinitionArn)
      definitions.set(task.taskDefinitionArn, ref?.revision ? c.taskDefinitions.get(c.scope, taskDefinitionKey(ref.family, ref.revision)) : undefined)
    }
    const definition = definitions.get(task.taskDefinitionArn)
    const needs = definition ? needsOf(definition, task.overrides) : { cpu: 0, memory: 0, tcpPorts: [], udpPorts: [] }
    const list = usage.get(task.containerInstanceArn) ?? []
    list.push({ task, needs })
    usage.set(task.containerInstanceArn, list)
  }
  return usage
}

export function candidatesOf(instances: ContainerInstanceRecord[], usage: InstanceUsage): PlacementCandidate[] {
  return instances.map((instance) => candidateFrom(instance, usage.get(instance.containerInstanceArn) ?? []))
}

type Resource = ContainerInstanceRecord['remainingResources'][number]

/** registeredResources minus what the tasks there reserve (ports: reserved + bound, as ECS lists them). */
export function remainingResources(instance: ContainerInstanceRecord, usage: InstanceUsage): Resource[] {
  const candidate = candidateFrom(instance, usage.get(instance.containerInstanceArn) ?? [])
  return instance.registeredResources.map((resource) => {
    switch (resource.name) {
      case 'CPU':
        return { ...resource, integerValue: candidate.remainingCpu }
      case 'MEMORY':
        return { ...resource, integerValue: candidate.remainingMemory }
      case 'PORTS':
        return { ...resource, stringSetValue: [...candidate.usedTcp].map(String) }
      case 'PORTS_UDP':
        return { ...resource, stringSetValue: [...candidate.usedUdp].map(String) }
      default:
        return { ...resource }
    }
  })
}
