//! IAM's client errors with AWS's codes, statuses and exact messages (IAM API Reference, "Common errors"; the
//! messages are as AWS prints them in real responses).
import { AwsError } from '../../aws/index.js'

export type EntityKind = 'role' | 'user' | 'group'

const CAPITALISED: Record<EntityKind, string> = { role: 'Role', user: 'User', group: 'Group' }

/** "The role with name X cannot be found." (NoSuchEntity, 404) */
export function noSuchEntity(kind: EntityKind, name: string): AwsError {
  return new AwsError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`, { status: 404 })
}

/** "The role policy with name X cannot be found." — an inline policy the entity does not have. */
export function noSuchInlinePolicy(kind: EntityKind, policyName: string): AwsError {
  return new AwsError('NoSuchEntity', `The ${kind} policy with name ${policyName} cannot be found.`, { status: 404 })
}

/** "Policy arn:aws:iam::123456789012:policy/X was not found." (GetPolicy, DetachRolePolicy of a policy not attached) */
export function policyNotFound(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `Policy ${arn} was not found.`, { status: 404 })
}

/** "Policy arn:… does not exist or is not attachable." (Attach*Policy of an unknown policy) */
export function policyNotAttachable(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, { status: 404 })
}

/** "Scope ARN: arn:… does not exist or is not attachable." (a permissions boundary that names no managed policy) */
export function boundaryNotFound(arn: string): AwsError {
  return new AwsError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`, { status: 404 })
}

export function policyVersionNotFound(arn: string, versionId: string): AwsError {
  return new AwsError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`, { status: 404 })
}

/** "The Access Key with id AKIA… cannot be found." */
export function accessKeyNotFound(accessKeyId: string): AwsError {
  return new AwsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`, { status: 404 })
}

/** "Role with name X already exists." (EntityAlreadyExists, 409) */
export function entityAlreadyExists(kind: EntityKind, name: string): AwsError {
  return new AwsError('EntityAlreadyExists', `${CAPITALISED[kind]} with name ${name} already exists.`, { status: 409 })
}

/** "A policy called X already exists. Duplicate names are not allowed." */
export function policyAlreadyExists(name: string): AwsError {
  return new AwsError('EntityAlreadyExists', `A policy called ${name} already exists. Duplicate names are not allowed.`, { status: 409 })
}

/** DeleteConflict (409): "Cannot delete entity, must delete policies first." and its siblings. */
export function deleteConflict(message: DeleteConflictMessage): AwsError {
  return new AwsError('DeleteConflict', message, { status: 409 })
}

export type DeleteConflictMessage =
  | 'Cannot delete entity, must delete policies first.'
  | 'Cannot delete entity, must detach all policies first.'
  | 'Cannot delete entity, must delete access keys first.'
  | 'Cannot delete entity, must remove user from all groups first.'
  | 'Cannot delete entity, must remove users from group first.'
  | 'Cannot delete a policy attached to entities.'
  | "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."
  | 'Cannot delete the default version of a policy.'

/** LimitExceeded (409), e.g. "Cannot exceed quota for PoliciesPerRole: 10". */
export function quotaExceeded(quota: string, limit: number): AwsError {
  return new AwsError('LimitExceeded', `Cannot exceed quota for ${quota}: ${limit}`, { status: 409 })
}

/** "Maximum policy size of 10240 bytes exceeded for role X" — the aggregate of an entity's inline policies. */
export function inlinePolicySizeExceeded(kind: EntityKind, limit: number, name: string): AwsError {
  return new AwsError('LimitExceeded', `Maximum policy size of ${limit} bytes exceeded for ${kind} ${name}`, { status: 409 })
}

export function policyVersionLimitExceeded(): AwsError {
  return new AwsError(
    'LimitExceeded',
    'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    { status: 409 },
  )
}

export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message, { status: 400 })
}

export function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInput', message, { status: 400 })
}

/** "ARN x is not valid." — a PolicyArn that is no IAM policy ARN. */
export function invalidArn(arn: string): AwsError {
  return invalidInput(`ARN ${arn} is not valid.`)
}

export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message, { status: 400 })
}

/** GetUser / CreateAccessKey without UserName from a role session: AWS's wording. */
export function userNameRequired(): AwsError {
  return validationError('Must specify userName when calling with non-User credentials')
}

export function duplicateTagKeys(): AwsError {
  return invalidInput('Duplicate tag keys found. Please note that Tag keys are case insensitive.')
}

export function invalidMarker(): AwsError {
  return validationError('Invalid Marker.')
}

/** PolicyEvaluation (500) is what the simulator answers when a document cannot be evaluated. */
export function policyEvaluationFailed(message: string): AwsError {
  return new AwsError('PolicyEvaluation', message, { status: 500, senderFault: false })
}
