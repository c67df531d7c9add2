//! Assumes a task's role as ecs-tasks.amazonaws.com (session = task id); a refusal stops the task with ECS's
//! "unable to assume the role" reason. Shared by the task-role and execution-role steps.
import { isAwsError } from '../../aws/index.js'
import type { IssueRequest } from '../credentials/task-credentials.js'
import { unableToAssumeRole } from '../stop-reasons.js'
import { StepFailure, type StepContext } from './task-step.js'

export function issueRoleCredentials(context: StepContext, request: Pick<IssueRequest, 'roleArn' | 'roleType' | 'tokens'>): string {
  const { task, credentials } = context
  const { roleArn, roleType } = request
  try {
    return credentials.issue({ taskArn: task.taskArn, accountId: task.accountId, region: task.region, sessionName: task.taskId, ...request })
      .credentialsId
  } catch (error) {
    if (!isAwsError(error)) throw error
    const which = roleType === 'TaskApplication' ? 'task role' : 'execution role'
    context.log(`agent: task ${task.taskId}: AssumeRole of ${which} ${roleArn} failed: ${error.code}: ${error.message}`)
    throw new StepFailure(unableToAssumeRole(roleArn))
  }
}
