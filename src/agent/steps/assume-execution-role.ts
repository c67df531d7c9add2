//! Assumes the task's execution role as ecs-tasks.amazonaws.com (session = task id); the agent itself uses it for
//! logs, secrets and pulls, and never serves it to a container (research §1.8).
import { isAwsError } from '../../aws/index.js'
import { unableToAssumeRole } from '../stop-reasons.js'
import { StepFailure, type StepContext, type TaskStep } from './task-step.js'

export const assumeExecutionRole: TaskStep = {
  name: 'assume-execution-role',
  phase: 'resources',
  run(context: StepContext) {
    const { task, state, credentials } = context
    const roleArn = task.executionRoleArn ?? task.overrides?.executionRoleArn ?? context.definition.executionRoleArn
    if (!roleArn) return
    if (state.executionCredentialsId && credentials.isFresh(state.executionCredentialsId)) return
    credentials.revoke(state.executionCredentialsId)
    try {
      const record = credentials.issue({
        taskArn: task.taskArn,
        accountId: task.accountId,
        region: task.region,
        roleArn,
        roleType: 'TaskExecution',
        sessionName: task.taskId,
      })
      state.executionCredentialsId = record.credentialsId
    } catch (error) {
      if (!isAwsError(error)) throw error
      context.log(`agent: task ${task.taskId}: AssumeRole of execution role ${roleArn} failed: ${error.code}: ${error.message}`)
      throw new StepFailure(unableToAssumeRole(roleArn))
    }
  },
}
