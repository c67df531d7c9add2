//! CloudWatch Logs' client errors with AWS's codes and messages (CloudWatch Logs API Reference, "Errors" of each
//! action; messages as AWS prints them in real responses). Every one is HTTP 400, as the API Reference lists.
import { AwsError } from '../../aws/index.js'

/** "The specified log group does not exist." */
export function logGroupNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified log group does not exist.')
}

/** "The specified log stream does not exist." */
export function logStreamNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.')
}

/** A tagging call naming an ARN that is no log group of this account and Region. */
export function resourceNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', 'The specified resource does not exist.')
}

/** "The specified log group already exists" (no final period, as AWS prints it). */
export function logGroupAlreadyExists(): AwsError {
  return new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists')
}

/** "The specified log stream already exists" */
export function logStreamAlreadyExists(): AwsError {
  return new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists')
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message)
}

/** Model-style constraint failures in the wording the protocol layer uses for the service. */
export function constraintViolation(member: string, value: string | number, constraint: string): AwsError {
  return invalidParameter(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`)
}

/** "Log groups starting with AWS/ are reserved for AWS." (CreateLogGroup of `aws/…`, any case). */
export function reservedLogGroupName(): AwsError {
  return invalidParameter('Log groups starting with AWS/ are reserved for AWS.')
}

export function invalidNextToken(): AwsError {
  return invalidParameter('The specified nextToken is invalid.')
}

/** "Upload too large: 1049882 bytes exceeds limit of 1048576" (PutLogEvents batch over 1 MiB, 26 bytes per event counted). */
export function uploadTooLarge(bytes: number, limit: number): AwsError {
  return invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${limit}`)
}

/** "Log event too large: 292824 bytes exceeds limit of 262144" (the per-event limit is 1 MiB since 2025). */
export function logEventTooLarge(bytes: number, limit: number): AwsError {
  return invalidParameter(`Log event too large: ${bytes} bytes exceeds limit of ${limit}`)
}

export function notChronological(): AwsError {
  return invalidParameter('Log events in a single PutLogEvents request must be in chronological order.')
}

export function batchSpansMoreThan24Hours(): AwsError {
  return invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.')
}

/** DescribeLogStreams with orderBy LastEventTime and a prefix. */
export function cannotOrderByLastEventTimeWithPrefix(): AwsError {
  return invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.')
}

/** The API Reference: "You must include either logGroupIdentifier or logGroupName, but not both." (wording ours). */
export function logGroupNameOrIdentifier(): AwsError {
  return invalidParameter('You must include either logGroupIdentifier or logGroupName, but not both.')
}

/** TooManyTagsException carries the resource ARN (model member resourceName). */
export function tooManyTags(resourceArn: string): AwsError {
  return new AwsError('TooManyTagsException', 'A resource can have no more than 50 tags.', { fields: { resourceName: resourceArn } })
}

/** Deletion protection blocks every delete of the group and its streams until disabled (wording ours). */
export function deletionProtected(logGroupName: string): AwsError {
  return new AwsError('ValidationException', `Deletion protection is enabled for log group ${logGroupName}. Disable it before deleting.`)
}

/** CreateLogGroup with tags needs logs:TagResource or logs:TagLogGroup too (CreateLogGroup API Reference). */
export function notAuthorizedToTag(accountId: string): AwsError {
  return new AwsError('AccessDeniedException', `User with accountId: ${accountId} is not authorized to perform CreateLogGroup with Tags`)
}
