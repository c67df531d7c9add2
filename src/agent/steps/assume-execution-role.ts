//! Assumes the task's execution role as ecs-tasks.amazonaws.com (session = task id); the agent itself uses it for
//! logs, secrets and pulls, and never serves it to a container (research §1.8).
import { issueRoleCredentials } from './issue-role-credentials.js'
import type { StepContext, TaskStep } from './task-step.js'

export const assumeExecutionRole: TaskStep = {
  name: 'assume-execution-role',
  phase: 'resources',
  run(context: StepContext) {
    const { task, state, credentials } = context
    const roleArn = task.executionRoleArn ?? task.overrides?.executionRoleArn ?? context.definition.executionRoleArn
    if (!roleArn) return
    if (state.executionCredentialsId && credentials.isFresh(state.executionCredentialsId)) return
    credentials.revoke(state.executionCredentialsId)
    state.executionCredentialsId = issueRoleCredentials(context, { roleArn, roleType: 'TaskExecution' })
  },
}
