//! Task placement on container instances (EC2 launch type), pure: what a task needs, what each instance has
//! left, and the instance chosen for each task or the reason each instance was refused, with the reasons RunTask
//! reports in failures[] (ECS Developer Guide, "API failure reasons": AGENT, ATTRIBUTE, RESOURCE:CPU|MEMORY|PORTS|
//! PORTS_UDP). Remaining resources are recomputed from the tasks on an instance, never kept as counters.
import type { ContainerInstanceRecord, TaskDefinitionRecord, TaskRecord } from '../../store/index.js'
import { matchesClusterQuery, type ClusterQuery } from './cluster-query.js'
import { TASK_IAM_ROLE_CAPABILITY } from './requires-attributes.js'

export interface ResourceNeeds {
  cpu: number
  memory: number
  tcpPorts: number[]
  udpPorts: number[]
}

/** CPU units and MiB a task reserves (task-level values, else the containers' sum) and the host ports it binds. */
export function needsOf(definition: TaskDefinitionRecord, overrides: TaskRecord['overrides'] = {}): ResourceNeeds {
  const containerOverride = (name: string) => overrides.containerOverrides?.find((o) => o.name === name) as
    | { cpu?: number; memory?: number; memoryReservation?: number }
    | undefined
  const containers = definition.containerDefinitions
  const taskCpu = overrides.cpu ?? definition.cpu
  const taskMemory = overrides.memory ?? definition.memory
  const cpu = taskCpu !== undefined ? Number(taskCpu) : containers.reduce((sum, c) => sum + (containerOverride(c.name)?.cpu ?? c.cpu ?? 0), 0)
  const memory =
    taskMemory !== undefined
      ? Number(taskMemory)
      : containers.reduce((sum, c) => {
          const o = containerOverride(c.name)
          return sum + (o?.memory ?? c.memory ?? o?.memoryReservation ?? c.memoryReservation ?? 0)
        }, 0)
  const tcpPorts: number[] = []
  const udpPorts: number[] = []
  // awsvpc tasks get their own network interface; `none` binds nothing on the host.
  if (definition.networkMode !== 'awsvpc' && definition.networkMode !== 'none') {
    for (const container of containers) {
      for (const mapping of container.portMappings ?? []) {
        const hostPort = definition.networkMode === 'host' ? (mapping.hostPort ?? mapping.containerPort) : mapping.hostPort
        if (!hostPort) continue // 0 / absent: a dynamic port from the ephemeral range
        ;(mapping.protocol === 'udp' ? udpPorts : tcpPorts).push(hostPort)
      }
    }
  }
  return { cpu, memory, tcpPorts, udpPorts }
}

/** One container instance as placement sees it. */
export interface PlacementCandidate {
  arn: string
  status: string
  agentConnected: boolean
  attributes: Map<string, string | undefined>
  ec2InstanceId?: string
  agentVersion?: string
  registeredAt: string
  remainingCpu: number
  remainingMemory: number
  usedTcp: Set<number>
  usedUdp: Set<number>
  /** Groups of the tasks there, and how many tasks (for distinctInstance, task:group and spread). */
  taskGroups: Set<string>
  taskCount: number
}

/** An instance with the tasks placed on it that are not STOPPED (each with what it reserves). */
export function candidateFrom(instance: ContainerInstanceRecord, tasks: Array<{ task: TaskRecord; needs: ResourceNeeds }>): PlacementCandidate {
  const attributes = new Map(instance.attributes.map((a) => [a.name, a.value] as [string, string | undefined]))
  const resource = (name: string) => instance.registeredResources.find((r) => r.name === name)
  const usedTcp = new Set(reservedPorts(instance, 'PORTS'))
  const usedUdp = new Set(reservedPorts(instance, 'PORTS_UDP'))
  let cpu = resource('CPU')?.integerValue ?? 0
  let memory = resource('MEMORY')?.integerValue ?? 0
  for (const { needs } of tasks) {
    cpu -= needs.cpu
    memory -= needs.memory
    needs.tcpPorts.forEach((port) => usedTcp.add(port))
    needs.udpPorts.forEach((port) => usedUdp.add(port))
  }
  return {
    arn: instance.containerInstanceArn,
    status: instance.status,
    agentConnected: instance.agentConnected,
    attributes,
    ec2InstanceId: instance.ec2InstanceId,
    agentVersion: (instance.versionInfo as { agentVersion?: string } | undefined)?.agentVersion,
    registeredAt: instance.registeredAt,
    remainingCpu: cpu,
    remainingMemory: memory,
    usedTcp,
    usedUdp,
    taskGroups: new Set(tasks.map(({ task }) => task.group)),
    taskCount: tasks.length,
  }
}

/**
 * The host ports an instance keeps for itself: those it registered as reserved, plus port 80 on a Windows
 * instance with task IAM roles, where the credentials proxy listens (amazon-ecs-agent config_windows.go; ECS
 * Developer Guide, "IAM roles for tasks on Windows"). Linux redirects 169.254.170.2:80 with iptables instead.
 */
export function reservedPorts(instance: ContainerInstanceRecord, name: 'PORTS' | 'PORTS_UDP'): number[] {
  const registered = instance.registeredResources.find((r) => r.name === name)?.stringSetValue ?? []
  const ports = registered.map(Number).filter((port) => Number.isInteger(port))
  const attribute = (key: string) => instance.attributes.find((a) => a.name === key)
  if (name === 'PORTS' && attribute('ecs.os-type')?.value === 'windows' && attribute(TASK_IAM_ROLE_CAPABILITY) && !ports.includes(80)) {
    ports.push(80)
  }
  return ports
}

export interface PlacementRequest {
  needs: ResourceNeeds
  requiresAttributes: Array<{ name: string; value?: string }>
  /** memberOf expressions already parsed (task definition's and the call's). */
  memberOf: ClusterQuery[]
  distinctInstance: boolean
  group: string
  count: number
  strategy?: Array<{ type?: string; field?: string }>
}

export interface PlacementResult {
  /** The instance ARN chosen for each placed task, in order. */
  placements: string[]
  /** Why instances were refused, when fewer tasks than asked could be placed. */
  failures: Array<{ arn: string; reason: string }>
}

export function placeTasks(candidates: PlacementCandidate[], request: PlacementRequest): PlacementResult {
  const refused = new Map<string, string>()
  const placements: string[] = []
  const pool = candidates.filter((candidate) => candidate.status === 'ACTIVE')
  for (let i = 0; i < request.count; i++) {
    const eligible = pool.filter((candidate) => {
      const reason = refusal(candidate, request, true)
      if (reason) refused.set(candidate.arn, reason)
      return !reason
    })
    const chosen = choose(eligible, request.strategy)
    if (!chosen) break
    reserve(chosen, request)
    placements.push(chosen.arn)
  }
  const failures = placements.length < request.count ? [...refused].map(([arn, reason]) => ({ arn, reason })) : []
  return { placements, failures }
}

/** StartTask: the caller names the instance; placement constraints do not apply, resources and attributes do. */
export function placeOnInstance(candidate: PlacementCandidate, request: PlacementRequest): string | undefined {
  if (candidate.status !== 'ACTIVE') return 'INACTIVE'
  const reason = refusal(candidate, request, false)
  if (!reason) reserve(candidate, request)
  return reason
}

function refusal(candidate: PlacementCandidate, request: PlacementRequest, withConstraints: boolean): string | undefined {
  const { needs } = request
  if (!candidate.agentConnected) return 'AGENT'
  const attributes = candidate.attributes
  if (request.requiresAttributes.some((required) => !attributes.has(required.name) || (required.value !== undefined && attributes.get(required.name) !== required.value))) {
    return 'ATTRIBUTE'
  }
  if (withConstraints) {
    const subject = { ...candidate, runningTasksCount: candidate.taskCount }
    if (!request.memberOf.every((query) => matchesClusterQuery(query, subject))) return 'MemberOf placement constraint unsatisfied.'
    if (request.distinctInstance && candidate.taskGroups.has(request.group)) return 'DistinctInstance placement constraint unsatisfied.'
  }
  if (needs.cpu > candidate.remainingCpu) return 'RESOURCE:CPU'
  if (needs.memory > candidate.remainingMemory) return 'RESOURCE:MEMORY'
  if (needs.tcpPorts.some((port) => candidate.usedTcp.has(port)) || new Set(needs.tcpPorts).size < needs.tcpPorts.length) return 'RESOURCE:PORTS'
  if (needs.udpPorts.some((port) => candidate.usedUdp.has(port))) return 'RESOURCE:PORTS_UDP'
  return undefined
}

function reserve(candidate: PlacementCandidate, request: PlacementRequest): void {
  candidate.remainingCpu -= request.needs.cpu
  candidate.remainingMemory -= request.needs.memory
  request.needs.tcpPorts.forEach((port) => candidate.usedTcp.add(port))
  request.needs.udpPorts.forEach((port) => candidate.usedUdp.add(port))
  candidate.taskGroups.add(request.group)
  candidate.taskCount++
}

/** binpack (least remaining of the field), random, or by default spread (fewest tasks); ties by ARN. */
function choose(eligible: PlacementCandidate[], strategy: PlacementRequest['strategy']): PlacementCandidate | undefined {
  if (eligible.length === 0) return undefined
  const first = strategy?.[0]
  if (first?.type === 'random') return eligible[Math.floor(Math.random() * eligible.length)]
  const score =
    first?.type === 'binpack'
      ? (c: PlacementCandidate) => (first.field?.toLowerCase() === 'cpu' ? c.remainingCpu : c.remainingMemory)
      : (c: PlacementCandidate) => c.taskCount
  return [...eligible].sort((a, b) => score(a) - score(b) || (a.arn < b.arn ? -1 : 1))[0]
}
