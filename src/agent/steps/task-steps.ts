//! The steps before a task's containers start, in ECS's order: the backend assumes the roles; the agent creates
//! task resources (private-registry auth and secrets, which containers depend on) before pulling images; the log
//! driver creates its streams when the containers are created (research §1.7, §5.6, §8, §9).
import { assumeExecutionRole } from './assume-execution-role.js'
import { assumeTaskRole } from './assume-task-role.js'
import { createLogStreams } from './create-log-streams.js'
import type { TaskStep } from './task-step.js'

export const TASK_STEPS: readonly TaskStep[] = [
  assumeExecutionRole,
  assumeTaskRole,
  // resolveRegistryAuth (phase 'resources'): repositoryCredentials via Secrets Manager as the execution role.
  // resolveSecrets (phase 'resources'): secrets[] via SSM / Secrets Manager / KMS into context.secrets.
  // authorizeImagePull (phase 'pull'): ECR GetAuthorizationToken + image/layer calls as the execution role.
  createLogStreams,
]
