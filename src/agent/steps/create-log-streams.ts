//! The awslogs driver's start-up calls, made with the execution role's session: CreateLogStream (and CreateLogGroup
//! with awslogs-create-group=true) per container; a refusal stops the task before any container runs (research §8).
import { AwsError, isAwsError, requestId as newRequestId } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import type { ContainerDefinition, TaskRecord } from '../../store/index.js'
import type { ContainerState } from '../agent-records.js'
import { loggerInitializationError } from '../stop-reasons.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

export const createLogStreams: TaskStep = {
  name: 'create-log-streams',
  phase: 'create',
  run(context: StepContext) {
    for (const definition of context.definition.containerDefinitions) {
      const logging = definition.logConfiguration
      if (logging?.logDriver !== 'awslogs') continue
      const container = context.state.containers.find((c) => c.name === definition.name)
      if (!container || container.log) continue
      const principal = context.executionPrincipal()
      if (!principal) {
        // EC2 without an execution role: Docker would use the instance role, which taskrole does not model.
        context.log(`agent: task ${context.task.taskId}: container ${definition.name} uses awslogs without an execution role; its output stays in ${container.outputPath}`)
        continue
      }
      const destination = awslogsDestination(context.task, definition, container)
      createStream(context, principal, destination, logging.options ?? {})
      container.log = destination
    }
  },
}

/** awslogs-stream-prefix becomes `<prefix>/<container>/<task-id>`; without one Docker names the stream after the container id. */
export function awslogsDestination(task: TaskRecord, definition: ContainerDefinition, container: ContainerState) {
  const options = definition.logConfiguration?.options ?? {}
  const prefix = options['awslogs-stream-prefix']
  return {
    group: options['awslogs-group'] ?? '',
    stream: options['awslogs-stream'] ?? (prefix ? `${prefix}/${definition.name}/${task.taskId}` : container.runtimeId),
    region: options['awslogs-region'] ?? task.region,
  }
}

function createStream(context: StepContext, principal: Principal, log: { group: string; stream: string; region: string }, options: Record<string, string>) {
  if (options['awslogs-create-stream'] === 'false') return
  const call = (operation: 'CreateLogStream' | 'CreateLogGroup') => {
    const requestId = newRequestId()
    try {
      const input = operation === 'CreateLogStream' ? { logGroupName: log.group, logStreamName: log.stream } : { logGroupName: log.group }
      context.aws.call({ service: 'logs', operation, input, principal, region: log.region, requestId })
      return undefined
    } catch (error) {
      if (!isAwsError(error)) throw error
      // moby tolerates "already exists" for both the stream and the group.
      if (error.code === 'ResourceAlreadyExistsException') return undefined
      return { error, requestId }
    }
  }
  let failure = call('CreateLogStream')
  if (failure?.error.code === 'ResourceNotFoundException' && options['awslogs-create-group'] === 'true') {
    const groupFailure = call('CreateLogGroup')
    if (groupFailure) throw stepFailure('CreateLogGroup', groupFailure.error, groupFailure.requestId)
    failure = call('CreateLogStream')
  }
  if (failure) throw stepFailure('CreateLogStream', failure.error, failure.requestId)
}

function stepFailure(operation: 'CreateLogStream' | 'CreateLogGroup', error: AwsError, requestId: string): StepFailure {
  return new StepFailure(loggerInitializationError(operation, error, requestId))
}
