//! Assumes the task role as ecs-tasks.amazonaws.com (session = task id) under a credentials id that every container
//! of the task gets in AWS_CONTAINER_CREDENTIALS_FULL_URI (research §1.7); the id stays the same on refresh.
import { issueRoleCredentials } from './issue-role-credentials.js'
import type { StepContext, TaskStep } from './task-step.js'

export const assumeTaskRole: TaskStep = {
  name: 'assume-task-role',
  phase: 'resources',
  run(context: StepContext) {
    const { task, state, credentials } = context
    const roleArn = task.taskRoleArn ?? task.overrides?.taskRoleArn ?? context.definition.taskRoleArn
    if (!roleArn) return
    // After a restart the id (and the tokens containers already hold) must stay: the registry refreshes it.
    if (state.credentialsId && credentials.get(state.credentialsId)) return
    // The containers' tokens are bound now, in this step's commit (binding each when its container starts was a
    // commit of its own); only the container is given its token, so none is usable earlier.
    const tokens = state.containers.map((c) => c.token)
    state.credentialsId = issueRoleCredentials(context, { roleArn, roleType: 'TaskApplication', tokens })
  },
}
