//! The steps before a task's containers start, in ECS's order: the backend assumes the roles; the agent creates
//! task resources (private-registry auth and secrets, which containers depend on) before pulling images; the log
//! driver creates its streams when the containers are created (research §1.7, §5.6, §8, §9).
import { assumeExecutionRole } from './assume-execution-role.js'
import { assumeTaskRole } from './assume-task-role.js'
import { createLogStreams } from './create-log-streams.js'
import { pullImages } from './pull-images.js'
import { resolveRegistryAuth } from './resolve-registry-auth.js'
import { resolveSecrets } from './resolve-secrets.js'
import type { TaskStep } from './task-step.js'

export const TASK_STEPS: readonly TaskStep[] = [
  assumeExecutionRole,
  assumeTaskRole,
  resolveRegistryAuth,
  resolveSecrets,
  pullImages,
  createLogStreams,
]
