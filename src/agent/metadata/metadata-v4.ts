//! Task metadata endpoint v3/v4 bodies: `${ECS_CONTAINER_METADATA_URI_V4}`, `/task`, with the agent's field names
//! for the launch type (research §3.2/§3.3; ecs-agent tmds/handlers/v2/response.go, v4/state/response.go).
import { createHash } from 'node:crypto'
import type { TaskDefinitionRecord, TaskRecord } from '../../store/index.js'
import type { AgentTaskState, ContainerState } from '../agent-records.js'

export type MetadataVersion = 'v3' | 'v4'

export interface MetadataView {
  task: TaskRecord
  definition: TaskDefinitionRecord
  state: AgentTaskState
}

export function containerMetadata(view: MetadataView, container: ContainerState, version: MetadataVersion): Record<string, unknown> {
  const { task, definition } = view
  const def = definition.containerDefinitions.find((c) => c.name === container.name)
  const record = task.containers.find((c) => c.name === container.name)
  const fargate = task.launchType === 'FARGATE'
  const body: Record<string, unknown> = {
    DockerId: container.runtimeId,
    Name: container.name,
    // EC2: Docker's name `ecs-<family>-<revision>-<container>-<20 hex>`; Fargate shows the container name.
    DockerName: fargate ? container.name : `ecs-${definition.family}-${definition.revision}-${container.name}-${container.runtimeId.slice(0, 20)}`,
    Image: def?.image ?? '',
    // No image is pulled: a stable digest of the image reference stands in for the image id.
    ImageID: `sha256:${createHash('sha256').update(def?.image ?? '').digest('hex')}`,
  }
  const ports = (def?.portMappings ?? []).map((p) => ({
    ContainerPort: p.containerPort,
    Protocol: p.protocol ?? 'tcp',
    HostPort: definition.networkMode === 'awsvpc' ? p.containerPort : (p.hostPort ?? p.containerPort),
    HostIp: '0.0.0.0',
  }))
  if (ports.length) body.Ports = ports
  body.Labels = {
    'com.amazonaws.ecs.cluster': fargate ? task.clusterArn : task.clusterName,
    'com.amazonaws.ecs.container-name': container.name,
    'com.amazonaws.ecs.task-arn': task.taskArn,
    'com.amazonaws.ecs.task-definition-family': definition.family,
    'com.amazonaws.ecs.task-definition-version': String(definition.revision),
  }
  body.DesiredStatus = task.desiredStatus
  body.KnownStatus = record?.lastStatus ?? 'PENDING'
  if (container.exitCode !== undefined) body.ExitCode = container.exitCode
  // The agent reports CPU shares below 2 as 2 (Docker's minimum).
  body.Limits = { CPU: Math.max(def?.cpu ?? 0, 2), Memory: def?.memory ?? 0 }
  if (container.createdAt) body.CreatedAt = container.createdAt
  if (container.startedAt) body.StartedAt = container.startedAt
  if (container.finishedAt) body.FinishedAt = container.finishedAt
  body.Type = 'NORMAL'
  body.Networks = [networkOf(definition, version)]
  if (version === 'v4') {
    const logging = def?.logConfiguration
    if (logging) {
      body.LogDriver = logging.logDriver
      body.LogOptions = logOptions(logging.options ?? {}, container)
    }
    if (record?.containerArn) body.ContainerARN = record.containerArn
  }
  return body
}

export function taskMetadata(view: MetadataView, version: MetadataVersion): Record<string, unknown> {
  const { task, definition, state } = view
  const fargate = task.launchType === 'FARGATE'
  const body: Record<string, unknown> = {
    Cluster: fargate ? task.clusterArn : task.clusterName,
    TaskARN: task.taskArn,
    Family: definition.family,
    // A string, not a number (v2 TaskResponse.Revision).
    Revision: String(definition.revision),
    DesiredStatus: task.desiredStatus,
    KnownStatus: task.lastStatus,
  }
  const limits = taskLimits(task, definition)
  if (limits) body.Limits = limits
  if (task.pullStartedAt) body.PullStartedAt = task.pullStartedAt
  if (task.pullStoppedAt) body.PullStoppedAt = task.pullStoppedAt
  if (task.executionStoppedAt) body.ExecutionStoppedAt = task.executionStoppedAt
  body.AvailabilityZone = task.availabilityZone ?? `${task.region}a`
  if (task.group?.startsWith('service:')) body.ServiceName = task.group.slice('service:'.length)
  if (version === 'v4') body.LaunchType = task.launchType === 'EXTERNAL' ? 'EXTERNAL' : task.launchType
  body.Containers = state.containers.map((c) => containerMetadata(view, c, version))
  if (version === 'v4') {
    body.ClockDrift = { ClockErrorBound: 0.5, ReferenceTimestamp: new Date().toISOString(), ClockSynchronizationStatus: 'SYNCHRONIZED' }
    if (fargate) body.EphemeralStorageMetrics = { Utilized: 0, Reserved: 20496 }
    else body.FaultInjectionEnabled = false
  }
  return body
}

/** Task-level Limits only when the definition sets cpu/memory; Fargate expresses CPU in vCPUs. */
function taskLimits(task: TaskRecord, definition: TaskDefinitionRecord): Record<string, number> | undefined {
  const cpu = task.cpu ?? definition.cpu
  const memory = task.memory ?? definition.memory
  if (cpu === undefined && memory === undefined) return undefined
  const limits: Record<string, number> = {}
  if (cpu !== undefined) limits.CPU = Number(cpu) / 1024
  if (memory !== undefined) limits.Memory = Number(memory)
  return limits
}

/** awslogs options as the agent sees them: the backend has turned the prefix into `awslogs-stream` (§8). */
function logOptions(options: Record<string, string>, container: ContainerState): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(options)) if (key !== 'awslogs-stream-prefix') out[key] = value
  if (container.log) out['awslogs-stream'] = container.log.stream
  return out
}

/** Containers are local processes: they share the host's loopback, reported in the definition's network mode. */
function networkOf(definition: TaskDefinitionRecord, version: MetadataVersion): Record<string, unknown> {
  const mode = definition.networkMode ?? 'bridge'
  const network: Record<string, unknown> = { NetworkMode: mode, IPv4Addresses: ['127.0.0.1'] }
  if (mode === 'awsvpc' && version === 'v4') {
    Object.assign(network, {
      AttachmentIndex: 0,
      MACAddress: '0a:00:00:00:00:01',
      IPv4SubnetCIDRBlock: '127.0.0.0/8',
      DomainNameServers: ['127.0.0.53'],
      DomainNameSearchList: [],
      PrivateDNSName: 'localhost',
      SubnetGatewayIpv4Address: '127.0.0.1/8',
    })
  }
  return network
}
