//! Errors the protocol layer itself answers with, in AWS's words; service errors live with their services.
import { AwsError } from '../aws/index.js'

/** Query services (IAM, STS, ELBv2) answer an unknown Action this way: 400 InvalidAction. */
export function invalidAction(action: string, version: string): AwsError {
  return new AwsError('InvalidAction', `Could not find operation ${action} for version ${version}`)
}

/** EC2's own wording for an unknown Action. */
export function ec2InvalidAction(action: string): AwsError {
  return new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`)
}

/** A query request without any Action parameter (botocore lists MissingAction among the common query errors). */
export function missingAction(): AwsError {
  return new AwsError('MissingAction', 'Missing Action')
}

/**
 * JSON services answer an unknown X-Amz-Target with a bare `{"__type":"UnknownOperationException"}` and 400
 * (as CloudWatch Logs does, aws/aws-sdk-net#1536); there is no message.
 */
export function unknownOperation(): AwsError {
  return new AwsError('UnknownOperationException', '')
}

/** A JSON body that is not JSON, or a value of the wrong JSON type for its member. */
export function serializationException(message: string): AwsError {
  return new AwsError('SerializationException', message)
}
