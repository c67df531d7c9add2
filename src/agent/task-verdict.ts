//! What a task's containers call for once those that may start have started: ECS stops the task when an essential
//! container exited (or all did), and reports it RUNNING once every container runs or has finished (dependsOn
//! COMPLETE/SUCCESS sidecars).
import type { TaskDefinitionRecord } from '../store/index.js'
import type { ContainerState } from './agent-records.js'

export function taskVerdict(definition: TaskDefinitionRecord, containers: readonly ContainerState[]): 'stop' | 'running' | 'waiting' {
  const essentialExited = definition.containerDefinitions.some((def) => def.essential !== false && containers.find((c) => c.name === def.name)?.exited)
  if (essentialExited || containers.every((c) => c.exited)) return 'stop'
  return containers.every((c) => c.startedAt !== undefined || c.exited) ? 'running' : 'waiting'
}
