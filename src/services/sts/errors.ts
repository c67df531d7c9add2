//! STS's client errors with AWS's codes, statuses and exact messages (STS API Reference, "Common Errors" and the
//! operations' Errors sections; the messages are as AWS prints them in real responses).
import { AwsError } from '../../aws/index.js'

function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message, { status: 400 })
}

function accessDenied(message: string): AwsError {
  return new AwsError('AccessDenied', message, { status: 403 })
}

function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message, { status: 400 })
}

/** "arn:aws:iam:123:role/x is invalid": a RoleArn that is not shaped like an ARN at all (an ARN-shaped one that
 *  names no role is an AccessDenied instead, so a caller learns nothing about other accounts' roles). */
export function invalidRoleArn(roleArn: string): AwsError {
  return validationError(`${roleArn} is invalid`)
}

export function durationExceedsMaxSessionDuration(): AwsError {
  return validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.')
}

/** Role chaining caps sessions at one hour (IAM User Guide, "Role chaining"). */
export function durationExceedsChainingLimit(): AwsError {
  return validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.')
}

/** AssumeRole of a role that does not exist, when enforcement let the trust check's denial through (audit/off). */
export function notAuthorizedToAssume(callerArn: string, roleArn: string): AwsError {
  return accessDenied(`User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`)
}

/** The root user cannot assume roles, whatever the trust policy says. */
export function rootCannotAssumeRoles(): AwsError {
  return accessDenied('Roles may not be assumed by root accounts.')
}

/** GetSessionToken must be called with long-term credentials (STS API Reference, GetSessionToken). */
export function sessionCredentialsNotAllowed(operation: string): AwsError {
  return accessDenied(`Cannot call ${operation} with session credentials`)
}

/** taskrole has no MFA devices, so every SerialNumber/TokenCode pair fails as a wrong code does on AWS. */
export function mfaFailed(): AwsError {
  return accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code. ')
}

export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message, { status: 400 })
}

/** The old model constraint on AssumeRole's Policy, which STS still enforces server-side. */
export function sessionPolicyTooLong(policy: string, limit: number): AwsError {
  return validationError(
    `1 validation error detected: Value '${policy}' at 'policy' failed to satisfy constraint: Member must have length less than or equal to ${limit}`,
  )
}

export function packedPolicyTooLarge(percent: number): AwsError {
  return new AwsError('PackedPolicyTooLarge', `Packed policy consumes ${percent}% of allotted space`, { status: 400 })
}

export function packedSessionTagsTooLarge(percent: number): AwsError {
  return new AwsError('PackedPolicyTooLarge', `Packed size of session tags consumes ${percent}% of allotted space.`, { status: 400 })
}

export function duplicateTagKeys(): AwsError {
  return invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
}

export function transitiveTagConflict(): AwsError {
  return invalidParameterValue(
    "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
  )
}

export function transitiveTagKeyNotInTags(): AwsError {
  return invalidParameterValue('The specified transitive tag key must be included in the requested tags.')
}

/** A PolicyArns entry naming no managed policy of the role's account. AWS's wording for this case is not
 *  documented; taskrole uses IAM's AttachRolePolicy wording for an unknown policy. */
export function sessionPolicyArnNotFound(arn: string): AwsError {
  return invalidParameterValue(`Policy ${arn} does not exist or is not attachable.`)
}

/** AWS decodes the account from any key id; taskrole knows only the keys it issued, so it says so. */
export function unknownAccessKeyId(accessKeyId: string): AwsError {
  return invalidParameterValue(`The access key ID ${accessKeyId} was not issued by taskrole, so its account is unknown.`)
}
