//! ECS's words for why a task or container stopped (research §5.5, §5.6, §8), one factory each.
import type { AwsError } from '../aws/index.js'

/** describe-tasks stoppedReason when an essential container exits (stopCode EssentialContainerExited). */
export const ESSENTIAL_CONTAINER_EXITED = 'Essential container in task exited'

/** StopTask without a reason (stopCode UserInitiated). */
export const TASK_STOPPED_BY_USER = 'Task stopped by user'

/** RunTask's text when ECS cannot assume a role for the task (research §5.2, real). */
export function unableToAssumeRole(roleArn: string): string {
  return (
    `ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being ` +
    'passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.'
  )
}

/**
 * Fargate's stoppedReason when the awslogs driver cannot create its stream with the execution role. Real text
 * (AWS Batch on Fargate, aws-sdk-go-v2 error rendering inside moby's awslogs driver):
 * `ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to
 * create Cloudwatch log stream: operation error CloudWatch Logs: CreateLogStream, https response error StatusCode: 400,
 * RequestID: …, api error AccessDeniedException: User: … is not authorized to perform: logs:CreateLogStream on
 * resource: … because no identity-based policy allows the logs:CreateLogStream action : exit status 1`.
 */
export function loggerInitializationError(operation: 'CreateLogStream' | 'CreateLogGroup', error: AwsError, requestId: string): string {
  const what = operation === 'CreateLogStream' ? 'failed to create Cloudwatch log stream' : 'failed to create Cloudwatch log group'
  return (
    `ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: ${what}: ` +
    `operation error CloudWatch Logs: ${operation}, https response error StatusCode: ${error.status}, RequestID: ${requestId}, ` +
    `api error ${error.code}: ${error.message} : exit status 1`
  )
}

/** A container whose dependsOn condition can no longer be met never starts (ecs-agent dependencygraph). */
export function dependencyNotSatisfied(container: string, dependency: string, condition: string): string {
  return `DependencyConditionNotSatisfied: dependency graph: failed to resolve the container ordering dependency [${dependency}] for target [${container}] as the ${condition} condition can no longer be met`
}
