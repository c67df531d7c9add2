//! RegisterTaskDefinition's own checks, with ECS's ClientException messages (shared/research/ecs-agent.md §5.1
//! and public error reports; each message below was seen in a real AWS response unless its comment says otherwise).
import { parseArn } from '../../aws/index.js'
import type { ContainerDefinition } from '../../store/index.js'
import { invalidTaskDefinition, roleNotValid } from './errors.js'
import { isEcrImage } from './requires-attributes.js'
import { isFargateSize, parseCpu, parseMemory } from './task-size.js'

export interface TaskDefinitionInput {
  family: string
  taskRoleArn?: string
  executionRoleArn?: string
  networkMode?: string
  containerDefinitions: ContainerDefinition[]
  requiresCompatibilities?: string[]
  cpu?: string
  memory?: string
  ipcMode?: string
  pidMode?: string
  [other: string]: unknown
}

/** What validation learned that registration stores: sizes in units, roles as ARNs. */
export interface ValidatedSize {
  cpu?: number
  memory?: number
  taskRoleArn?: string
  executionRoleArn?: string
}

const NAME = /^[a-zA-Z0-9_-]{1,255}$/

export function validateTaskDefinition(input: TaskDefinitionInput, account: string): ValidatedSize {
  const fail = (message: string): never => {
    throw invalidTaskDefinition(message)
  }
  if (!input.family) fail('Family can not be blank.')
  if (!NAME.test(input.family)) fail('Family contains invalid characters.')
  const containers = input.containerDefinitions
  if (containers.length === 0) fail('Container list cannot be empty.')
  for (const container of containers) {
    if (!container || !container.name) fail('Container.name should not be null or empty.')
    if (!NAME.test(container.name)) fail('Container.name contains invalid characters.')
    if (!container.image) fail('Container.image should not be null or empty.')
  }
  // AWS-style: the real wording for duplicate names was not found.
  const names = new Set<string>()
  for (const container of containers) {
    if (names.has(container.name)) fail(`Duplicate container name: ${container.name}.`)
    names.add(container.name)
  }
  const taskRoleArn = resolveRoleArn(input.taskRoleArn, account)
  const executionRoleArn = resolveRoleArn(input.executionRoleArn, account)

  if (!containers.some((c) => c.essential !== false)) fail("Task definition doesn't have any essential container.")

  const cpu = input.cpu === undefined ? undefined : (parseCpu(input.cpu) ?? fail("Invalid 'cpu' setting for task."))
  const memory = input.memory === undefined ? undefined : (parseMemory(input.memory) ?? fail("Invalid 'memory' setting for task."))
  const fargate = input.requiresCompatibilities?.includes('FARGATE') ?? false
  if (fargate) {
    // The quotes around awsvpc are typographic in ECS's message.
    if (input.networkMode !== 'awsvpc') fail('Fargate only supports network mode \u2018awsvpc\u2019.')
    if (cpu === undefined) fail("Fargate requires that 'cpu' be defined at the task level.")
    // AWS-style: the memory twin of the real cpu message.
    if (memory === undefined) fail("Fargate requires that 'memory' be defined at the task level.")
    if (!isFargateSize(cpu!, memory!)) {
      fail(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`)
    }
    if (input.ipcMode) fail('Tasks using the Fargate launch type do not support ipcMode.')
  }

  let cpuSum = 0
  for (const container of containers) {
    checkContainerSize(container, memory, fail)
    cpuSum += container.cpu ?? 0
    checkPortMappings(container, input.networkMode ?? 'bridge', fail)
    checkLogConfiguration(container, fail)
    if (container.hostname !== undefined && input.networkMode === 'awsvpc') fail('hostname is not supported on container when networkMode=awsvpc.')
  }
  if (cpu !== undefined && cpuSum > cpu) fail("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.")

  for (const container of containers) {
    for (const dependency of container.dependsOn ?? []) {
      const target = containers.find((c) => c.name === dependency.containerName)
      if (target && target.essential !== false && (dependency.condition === 'SUCCESS' || dependency.condition === 'COMPLETE')) {
        fail('A dependency container with SUCCESS or COMPLETE condition cannot be an essential container')
      }
    }
  }

  if (!executionRoleArn) {
    const usesSecrets = containers.some((c) => (c.secrets?.length ?? 0) > 0 || (c.logConfiguration?.secretOptions?.length ?? 0) > 0)
    if (usesSecrets) fail("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.")
    if (containers.some((c) => c.repositoryCredentials)) {
      fail('Private repository authentication requires that the task definition specify a value for executionRoleArn.')
    }
    if (fargate && containers.some((c) => isEcrImage(c.image))) fail('Fargate requires task definition to have execution role ARN to support ECR images.')
    if (fargate && containers.some((c) => c.logConfiguration?.logDriver === 'awslogs')) {
      fail('Fargate requires task definition to have execution role ARN to support log driver awslogs.')
    }
  }
  return { cpu, memory, taskRoleArn, executionRoleArn }
}

/**
 * taskRoleArn / executionRoleArn accept "the short name or full ARN" (ECS API Reference). A value that is not an
 * ARN is expanded to `arn:aws:iam::<account>:role/<value>` before the PassRole check (aws/containers-roadmap#1390);
 * an ARN of anything but an IAM role is "Role is not valid".
 */
export function resolveRoleArn(value: string | undefined, account: string): string | undefined {
  if (value === undefined || value === '') return undefined
  const arn = parseArn(value)
  if (!arn) return `arn:aws:iam::${account}:role/${value}`
  if (arn.service !== 'iam' || !arn.resource.startsWith('role/') || arn.resource.length === 'role/'.length || !/^\d{12}$/.test(arn.account)) {
    throw roleNotValid()
  }
  return value
}

function checkContainerSize(container: ContainerDefinition, taskMemory: number | undefined, fail: (message: string) => never): void {
  const name = container.name
  // Real (ansible/ansible#67647): a container memory of 0; Docker needs at least 6 MiB.
  if (container.memory !== undefined && container.memory < 6) fail(`Invalid 'memory' setting for container '${name}'.`)
  if (container.memoryReservation !== undefined && (container.memoryReservation < 6 || (container.memory !== undefined && container.memoryReservation > container.memory))) {
    // AWS-style: the twin of the real 'memory' message.
    fail(`Invalid 'memoryReservation' setting for container '${name}'.`)
  }
  if (taskMemory === undefined && container.memory === undefined && container.memoryReservation === undefined) {
    fail(`Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`)
  }
  if (taskMemory !== undefined && container.memory !== undefined && container.memory > taskMemory) {
    fail(`The 'memory' setting for container '${name}' is greater than for the task.`)
  }
  if (container.cpu !== undefined && container.cpu < 0) fail(`Invalid 'cpu' setting for container '${name}'.`)
}

function checkPortMappings(container: ContainerDefinition, networkMode: string, fail: (message: string) => never): void {
  for (const mapping of container.portMappings ?? []) {
    const { containerPort, hostPort } = mapping
    const hasRange = typeof (mapping as { containerPortRange?: unknown }).containerPortRange === 'string'
    if (!hasRange && (containerPort === undefined || containerPort < 0 || containerPort > 65535)) {
      fail(`Invalid 'containerPort' setting for container '${container.name}'.`)
    }
    if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535)) fail(`Invalid 'hostPort' setting for container '${container.name}'.`)
    if ((networkMode === 'awsvpc' || networkMode === 'host') && hostPort !== undefined && hostPort !== 0 && hostPort !== containerPort) {
      fail(`When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`)
    }
  }
}

function checkLogConfiguration(container: ContainerDefinition, fail: (message: string) => never): void {
  const log = container.logConfiguration
  if (log?.logDriver !== 'awslogs') return
  const options = log.options ?? {}
  if (!options['awslogs-group'] || !options['awslogs-region']) fail('Log driver awslogs requires options: awslogs-region, awslogs-group')
}
