//! What a task step is: one thing ECS does for a task before its containers start (assume a role, fetch secrets,
//! authorize a pull, create log streams), run in ECS's order by the task runner (steps/task-steps.ts).
import type { Clock } from '../../aws/index.js'
import type { Principal } from '../../auth/index.js'
import type { Store, TaskDefinitionRecord, TaskRecord } from '../../store/index.js'
import type { AgentTaskState } from '../agent-records.js'
import type { AgentAwsClient } from '../aws-client.js'
import type { TaskCredentials } from '../credentials/task-credentials.js'

/**
 * ECS's phases before a container starts: task resources (roles, registry auth, secrets), then image pulls
 * (between the task's pullStartedAt and pullStoppedAt), then container creation (the log driver's streams).
 */
export type StepPhase = 'resources' | 'pull' | 'create'

export interface StepContext {
  readonly task: TaskRecord
  readonly definition: TaskDefinitionRecord
  /** The agent's persisted state of this task; steps record ids they create here (the runner saves it). */
  readonly state: AgentTaskState
  readonly aws: AgentAwsClient
  readonly credentials: TaskCredentials
  readonly clock: Clock
  /** Read-only use: the task's network (the VPC endpoints its calls go through). */
  readonly store: Store
  /** The execution role's session once `assume-execution-role` ran (undefined when the task has no execution role). */
  executionPrincipal(): Principal | undefined
  /** Extra environment per container name (resolved `secrets`), merged by the runner when containers start. */
  readonly secrets: Map<string, Record<string, string>>
  log(line: string): void
}

export interface TaskStep {
  readonly name: string
  readonly phase: StepPhase
  /** Throws StepFailure to stop the task before any container starts; must be safe to run again after a
   *  taskrole restart (ids already in `state` are reused, "already exists" answers are fine). */
  run(context: StepContext): void | Promise<void>
}

/** The task stops with stopCode TaskFailedToStart and this stoppedReason; no container runs. */
export class StepFailure extends Error {
  constructor(
    readonly stoppedReason: string,
    /** containers[].reason of the containers concerned (all of them when absent). */
    readonly containerReasons?: Record<string, string>,
  ) {
    super(stoppedReason)
  }
}
