//! From a container definition to a running process: the per-container directory, ids and token, the exact
//! command line (exec form, RunTask overrides applied) and environment.
import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ContainerDefinition, TaskRecord } from '../store/index.js'
import type { ContainerState } from './agent-records.js'
import { containerEnvironment, mergeEnvironment } from './container-environment.js'
import { ContainerStartError, type ContainerHandle, type ContainerSpec } from './runtime/container-runtime.js'

/** A fresh container: ids in ECS's shapes for the launch type, a random token, its own directory under the data dir. */
export function newContainerState(task: TaskRecord, name: string, dataDir: string): ContainerState {
  const fargate = task.launchType === 'FARGATE'
  // Fargate: DockerId = `<task id>-<10 digits>`, also the metadata endpoint id; EC2: a 64-hex Docker id and a UUID.
  const runtimeId = fargate ? `${task.taskId}-${randomInt(1_000_000_000, 4_294_967_295)}` : randomBytes(32).toString('hex')
  const dir = join(dataDir, 'agent', 'tasks', task.taskId, name)
  const homeDir = join(dir, 'home')
  mkdirSync(homeDir, { recursive: true })
  return {
    name,
    runtimeId,
    endpointId: fargate ? runtimeId : randomUUID(),
    // base64url: no character a header value could not carry (botocore rejects \r and \n, research §0.5).
    token: randomBytes(32).toString('base64url'),
    homeDir,
    outputPath: join(dir, 'output.log'),
    exitCodePath: join(dir, 'exit-code'),
  }
}

export interface LaunchInput {
  task: TaskRecord
  definition: ContainerDefinition
  container: ContainerState
  secrets: Record<string, string>
  credentialsId?: string
  agentEndpoint: string
  apiEndpoint: string
  hostEnv: NodeJS.ProcessEnv
}

/** The process to run; throws ContainerStartError when Docker would refuse to create the container. */
export function containerSpec(input: LaunchInput): ContainerSpec {
  const { task, definition, container } = input
  const override = task.overrides?.containerOverrides?.find((o) => o.name === definition.name)
  // Docker: ENTRYPOINT + CMD, where a RunTask command override replaces CMD.
  const argv = [...(definition.entryPoint ?? []), ...(override?.command ?? definition.command ?? [])]
  if (argv.length === 0) {
    throw new ContainerStartError('no command', 'CannotStartContainerError: Error response from daemon: No command specified')
  }
  mkdirSync(container.homeDir, { recursive: true })
  return {
    argv,
    cwd: container.homeDir,
    outputPath: container.outputPath,
    exitCodePath: container.exitCodePath,
    env: containerEnvironment({
      host: input.hostEnv,
      homeDir: container.homeDir,
      environment: mergeEnvironment(definition.environment, override?.environment),
      secrets: input.secrets,
      region: task.region,
      launchType: task.launchType,
      agentEndpoint: input.agentEndpoint,
      endpointId: container.endpointId,
      credentials: input.credentialsId ? { id: input.credentialsId, token: container.token } : undefined,
      apiEndpoint: input.apiEndpoint,
    }),
  }
}

/** The runtime handle of a container started earlier (possibly by a previous taskrole process). */
export function containerHandle(container: ContainerState): ContainerHandle {
  return {
    pid: container.pid!,
    pgid: container.pgid ?? container.pid!,
    startTime: container.processStartTime ?? '',
    outputPath: container.outputPath,
    exitCodePath: container.exitCodePath,
  }
}
