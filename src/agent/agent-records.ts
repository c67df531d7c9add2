//! What the agent persists besides ECS's TaskRecord: per-task runtime state and issued task credentials, so a
//! restarted taskrole re-attaches to running processes and answers the same credential ids and tokens at once.
import type { Collection, Store } from '../store/index.js'

/** scope '' (global); keys are task ARNs and credentials ids, both unique across accounts. */
export const AGENT_COLLECTIONS = {
  tasks: 'agent.task',
  credentials: 'agent.credentials',
  /** key `${taskArn}#${containerName}` -> bytes of the output file already in CloudWatch Logs */
  logOffsets: 'agent.log-offset',
} as const

export interface ContainerState {
  name: string
  /** DockerId / containers[].runtimeId: Fargate `<task-id>-<10 digits>`, EC2 64 hex (research §3.2). */
  runtimeId: string
  /** The v3/v4 metadata endpoint id; ECS uses the same id for v3, v4 and the agent API (research §4). */
  endpointId: string
  /** AWS_CONTAINER_AUTHORIZATION_TOKEN: random per container, bound to the task's credentials id. */
  token: string
  homeDir: string
  /** stdout and stderr both append here, so their lines keep their order. */
  outputPath: string
  /** Written by the wrapper shell when the command exits, even while taskrole is down. */
  exitCodePath: string
  createdAt?: string
  startedAt?: string
  finishedAt?: string
  pid?: number
  pgid?: number
  /** The process start time as the OS reports it; with the pid it identifies the process across restarts. */
  processStartTime?: string
  /** Set when a stop signal was sent (SIGTERM, then SIGKILL after stopTimeout). */
  termSentAt?: string
  killSentAt?: string
  exitCode?: number
  exited?: boolean
  /** It exited while taskrole was down: its process group id is not ours to signal any more. */
  exitedLate?: boolean
  /** awslogs destination, once its stream exists (how far it was shipped is kept under AGENT_COLLECTIONS.logOffsets). */
  log?: { group: string; stream: string; region: string }
}

export interface AgentTaskState {
  taskArn: string
  /** The task role's credentials id (absent when the task has no task role). */
  credentialsId?: string
  /** The execution role's credentials id: used by the agent itself (logs, secrets, pulls), served to no container. */
  executionCredentialsId?: string
  containers: ContainerState[]
}

export interface CredentialsRecord {
  credentialsId: string
  taskArn: string
  roleType: 'TaskApplication' | 'TaskExecution'
  roleArn: string
  /** Who ECS assumes the role for: the task's account, region and session name (the task id). */
  accountId: string
  region: string
  sessionName: string
  accessKeyId?: string
  secretAccessKey?: string
  sessionToken?: string
  /** YYYY-MM-DDTHH:MM:SSZ, as served. */
  expiration?: string
  issuedAt?: string
  /** Container tokens that may read these credentials. */
  tokens: string[]
}

export interface LogOffsetRecord {
  offset: number
}

export interface AgentRecords {
  tasks: Collection<AgentTaskState>
  credentials: Collection<CredentialsRecord>
  logOffsets: Collection<LogOffsetRecord>
}

export function agentRecords(store: Store): AgentRecords {
  return {
    tasks: store.documents.collection<AgentTaskState>(AGENT_COLLECTIONS.tasks),
    credentials: store.documents.collection<CredentialsRecord>(AGENT_COLLECTIONS.credentials),
    logOffsets: store.documents.collection<LogOffsetRecord>(AGENT_COLLECTIONS.logOffsets),
  }
}

/** Key of a container's shipped offset in AGENT_COLLECTIONS.logOffsets. */
export function logOffsetKey(taskArn: string, containerName: string): string {
  return `${taskArn}#${containerName}`
}
