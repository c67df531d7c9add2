//! Container dependsOn: when a container may start (START, COMPLETE, SUCCESS, HEALTHY), or that it never will
//! (ContainerDependency in the ECS API; ecs-agent engine/dependencygraph).
import type { ContainerDefinition } from '../store/index.js'
import type { ContainerState } from './agent-records.js'
import { dependencyNotSatisfied } from './stop-reasons.js'

export type DependencyVerdict = { ready: true } | { ready: false; blocked?: string }

export function dependencyVerdict(definition: ContainerDefinition, containers: readonly ContainerState[]): DependencyVerdict {
  for (const dependency of definition.dependsOn ?? []) {
    const other = containers.find((c) => c.name === dependency.containerName)
    if (!other) continue
    const started = other.startedAt !== undefined
    const exited = other.exited === true
    const blocked = { ready: false as const, blocked: dependencyNotSatisfied(definition.name, dependency.containerName, dependency.condition) }
    switch (dependency.condition) {
      case 'START':
      // taskrole runs no health checks: HEALTHY is taken as started (documented gap).
      case 'HEALTHY':
        if (!started) return exited ? blocked : { ready: false }
        break
      case 'COMPLETE':
        if (!exited) return { ready: false }
        break
      case 'SUCCESS':
        if (!exited) return { ready: false }
        if (other.exitCode !== 0) return blocked
        break
      default:
        return blocked
    }
  }
  return { ready: true }
}
