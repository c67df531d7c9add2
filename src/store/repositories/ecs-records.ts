//! ECS's records as stored, shared by the ECS control plane (services/ecs) and the embedded agent (agent/).
//! Field names follow the ECS API (DescribeTasks / DescribeTaskDefinition) so records render as they are.

/** scope = `${account}/${region}` for every ECS collection. */
export const ECS_COLLECTIONS = {
  clusters: 'ecs.cluster', // key: cluster name
  taskDefinitions: 'ecs.task-definition', // key: `${family}:${revision padded to 8 digits}`
  taskDefinitionFamilies: 'ecs.task-definition-family', // key: family -> { family, lastRevision }
  tasks: 'ecs.task', // key: `${clusterName}/${taskId}`
  containerInstances: 'ecs.container-instance', // key: `${clusterName}/${containerInstanceId}`
  tags: 'ecs.tags', // key: resource ARN -> { tags: [{key, value}] }
} as const

export function ecsScope(account: string, region: string): string {
  return `${account}/${region}`
}

export function taskDefinitionKey(family: string, revision: number): string {
  return `${family}:${String(revision).padStart(8, '0')}`
}

export type TaskStatus = 'PROVISIONING' | 'PENDING' | 'ACTIVATING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED'

export interface ClusterRecord {
  clusterArn: string
  clusterName: string
  status: 'ACTIVE' | 'INACTIVE'
  settings: Array<{ name: string; value: string }>
  tags: Array<{ key: string; value: string }>
  createdAt: string
  /** Kept for DescribeClusters' optional fields. */
  configuration?: unknown
  capacityProviders?: string[]
  defaultCapacityProviderStrategy?: unknown[]
}

/** A registered revision, exactly as DescribeTaskDefinition returns `taskDefinition` (ISO strings for dates). */
export interface TaskDefinitionRecord {
  taskDefinitionArn: string
  family: string
  revision: number
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS'
  taskRoleArn?: string
  executionRoleArn?: string
  networkMode?: string
  containerDefinitions: ContainerDefinition[]
  requiresAttributes: Array<{ name: string; value?: string; targetType?: string }>
  requiresCompatibilities?: string[]
  compatibilities: string[]
  cpu?: string
  memory?: string
  registeredAt: string
  registeredBy: string
  deregisteredAt?: string
  [other: string]: unknown
}

export interface ContainerDefinition {
  name: string
  image: string
  essential?: boolean
  entryPoint?: string[]
  command?: string[]
  environment?: Array<{ name: string; value: string }>
  secrets?: Array<{ name: string; valueFrom: string }>
  portMappings?: Array<{ containerPort?: number; hostPort?: number; protocol?: string }>
  logConfiguration?: { logDriver: string; options?: Record<string, string>; secretOptions?: Array<{ name: string; valueFrom: string }> }
  repositoryCredentials?: { credentialsParameter: string }
  dependsOn?: Array<{ containerName: string; condition: string }>
  stopTimeout?: number
  cpu?: number
  memory?: number
  memoryReservation?: number
  workingDirectory?: string
  [other: string]: unknown
}

export interface ContainerRecord {
  containerArn: string
  taskArn: string
  name: string
  image: string
  lastStatus: TaskStatus | string
  exitCode?: number
  reason?: string
  runtimeId?: string
  networkBindings?: Array<{ bindIP?: string; containerPort?: number; hostPort?: number; protocol?: string }>
  healthStatus?: string
  cpu?: string
  memory?: string
}

export interface TaskRecord {
  taskArn: string
  taskId: string
  clusterArn: string
  clusterName: string
  accountId: string
  region: string
  taskDefinitionArn: string
  launchType: 'FARGATE' | 'EC2' | 'EXTERNAL'
  containerInstanceArn?: string
  lastStatus: TaskStatus
  desiredStatus: 'RUNNING' | 'STOPPED'
  createdAt: string
  startedAt?: string
  stoppingAt?: string
  stoppedAt?: string
  pullStartedAt?: string
  pullStoppedAt?: string
  executionStoppedAt?: string
  connectivity?: string
  connectivityAt?: string
  stopCode?: 'TaskFailedToStart' | 'EssentialContainerExited' | 'UserInitiated' | 'ServiceSchedulerInitiated' | 'SpotInterruption' | 'TerminationNotice'
  stoppedReason?: string
  startedBy?: string
  group: string
  cpu?: string
  memory?: string
  overrides: { taskRoleArn?: string; executionRoleArn?: string; containerOverrides?: Array<{ name: string; command?: string[]; environment?: Array<{ name: string; value: string }> }>; [other: string]: unknown }
  /** The roles in effect (definition's, or overrides'). */
  taskRoleArn?: string
  executionRoleArn?: string
  networkConfiguration?: { awsvpcConfiguration?: { subnets: string[]; securityGroups?: string[]; assignPublicIp?: string } }
  attachments: unknown[]
  tags: Array<{ key: string; value: string }>
  containers: ContainerRecord[]
  version: number
  availabilityZone?: string
  platformVersion?: string
  platformFamily?: string
  enableExecuteCommand?: boolean
}

export interface ContainerInstanceRecord {
  containerInstanceArn: string
  containerInstanceId: string
  clusterArn: string
  ec2InstanceId?: string
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'REGISTERING' | 'DEREGISTERING' | 'REGISTRATION_FAILED'
  agentConnected: boolean
  attributes: Array<{ name: string; value?: string; targetType?: string; targetId?: string }>
  registeredResources: Array<{ name: string; type: string; integerValue?: number; stringSetValue?: string[]; doubleValue?: number; longValue?: number }>
  remainingResources: Array<{ name: string; type: string; integerValue?: number; stringSetValue?: string[]; doubleValue?: number; longValue?: number }>
  versionInfo?: unknown
  registeredAt: string
  runningTasksCount: number
  pendingTasksCount: number
  tags: Array<{ key: string; value: string }>
  version: number
}
