//! The capability attributes RegisterTaskDefinition writes into `requiresAttributes`, as real
//! DescribeTaskDefinition outputs show them (shared/research/ecs-agent.md §5.4): a container instance must
//! carry every one of them, or placement there fails with reason ATTRIBUTE.
import type { ContainerDefinition } from '../../store/index.js'

const CAPABILITY = 'com.amazonaws.ecs.capability'

export const TASK_IAM_ROLE_CAPABILITY = `${CAPABILITY}.task-iam-role`

/** Docker API versions the agent needs for each log driver (amazon-ecs-agent, agent/app/agent_capability.go). */
const LOG_DRIVER_API: Record<string, string> = {
  'json-file': '1.18',
  syslog: '1.18',
  journald: '1.19',
  gelf: '1.20',
  fluentd: '1.20',
  awslogs: '1.19',
  splunk: '1.22',
  logentries: '1.25',
}

export interface AttributeSource {
  taskRoleArn?: string
  executionRoleArn?: string
  networkMode?: string
  containerDefinitions: ContainerDefinition[]
}

/** `<account>.dkr.ecr.<region>.amazonaws.com/<repo>[:tag|@digest]` (ECR User Guide, "Private registry"). */
export function isEcrImage(image: string): boolean {
  return /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//.test(image)
}

export function requiredAttributes(definition: AttributeSource): Array<{ name: string }> {
  const names = new Set<string>()
  const containers = definition.containerDefinitions
  const drivers = new Set(containers.map((c) => c.logConfiguration?.logDriver).filter((d): d is string => !!d))
  const hasExecutionRole = !!definition.executionRoleArn

  if (drivers.has('awslogs')) {
    names.add(`${CAPABILITY}.logging-driver.awslogs`)
    if (hasExecutionRole) names.add('ecs.capability.execution-role-awslogs')
  }
  const ecrImages = containers.some((c) => typeof c.image === 'string' && isEcrImage(c.image))
  if (ecrImages) names.add(`${CAPABILITY}.ecr-auth`)
  for (const driver of drivers) {
    if (driver !== 'awslogs') names.add(`${CAPABILITY}.logging-driver.${driver}`)
    const api = LOG_DRIVER_API[driver]
    if (api) names.add(`${CAPABILITY}.docker-remote-api.${api}`)
  }
  const secrets = containers.flatMap((c) => c.secrets ?? [])
  if (secrets.some((s) => isSecretsManagerArn(s.valueFrom))) names.add('ecs.capability.secrets.asm.environment-variables')
  if (secrets.some((s) => !isSecretsManagerArn(s.valueFrom))) names.add('ecs.capability.secrets.ssm.environment-variables')
  if (containers.some((c) => c.repositoryCredentials)) names.add(`${CAPABILITY}.private-registry-authentication.secretsmanager`)
  if (containers.some((c) => Array.isArray(c.environmentFiles) && c.environmentFiles.length > 0)) names.add('ecs.capability.env-files.s3')
  if (containers.some((c) => c.dependsOn?.length)) names.add('ecs.capability.container-ordering')
  if (containers.some((c) => c.healthCheck)) names.add('ecs.capability.container-health-check')
  if (definition.taskRoleArn) {
    names.add(TASK_IAM_ROLE_CAPABILITY)
    // Host-network tasks need the agent's separate opt-in (ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST).
    if (definition.networkMode === 'host') names.add(`${CAPABILITY}.task-iam-role-network-host`)
  }
  if (ecrImages && hasExecutionRole) names.add('ecs.capability.execution-role-ecr-pull')
  if (definition.networkMode === 'awsvpc') {
    names.add(`${CAPABILITY}.docker-remote-api.1.18`)
    names.add('ecs.capability.task-eni')
  }
  // Seen on every real definition whose awslogs options include awslogs-create-group.
  if (containers.some((c) => c.logConfiguration?.logDriver === 'awslogs' && c.logConfiguration.options?.['awslogs-create-group'] !== undefined)) {
    names.add(`${CAPABILITY}.docker-remote-api.1.29`)
  }
  return [...names].map((name) => ({ name }))
}

function isSecretsManagerArn(valueFrom: string): boolean {
  return valueFrom.startsWith('arn:') && valueFrom.split(':')[2] === 'secretsmanager'
}
