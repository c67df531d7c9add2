//! Secrets Manager's client errors with AWS's codes and exact messages (as recorded from AWS in LocalStack's
//! validated snapshots, tests/aws/services/secretsmanager/test_secretsmanager.snapshot.json, and public traces).
import { AwsError } from '../../aws/index.js'

export function secretNotFound(): AwsError {
  return new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.")
}

export function stageNotFound(stage: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for staging label: ${stage}`)
}

export function versionNotFound(versionId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Secrets Manager can't find the specified secret value for VersionId: ${versionId}`)
}

export function stageNotOnVersion(): AwsError {
  return new AwsError('InvalidRequestException', 'You provided a VersionStage that is not associated to the provided VersionId.')
}

export function markedForDeletion(): AwsError {
  return new AwsError('InvalidRequestException', "You can't perform this operation on the secret because it was marked for deletion.")
}

export function scheduledForDeletion(): AwsError {
  return new AwsError('InvalidRequestException', "You can't create this secret because a secret with this name is already scheduled for deletion.")
}

export function secretExists(name: string): AwsError {
  return new AwsError('ResourceExistsException', `The operation failed because the secret ${name} already exists.`)
}

export function tokenInUse(token: string, arn: string): AwsError {
  return new AwsError('ResourceExistsException', `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`)
}

export function tokenRequired(): AwsError {
  return new AwsError('InvalidRequestException', 'You must provide a ClientRequestToken value. We recommend a UUID-type value.')
}

export function invalidName(): AwsError {
  return new AwsError('ValidationException', 'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!')
}

export function bothValues(): AwsError {
  return new AwsError('InvalidParameterException', "You can't specify both a binary secret value and a string secret value in the same secret.")
}

export function valueRequired(): AwsError {
  return new AwsError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.')
}

export function recoveryWindowRange(): AwsError {
  return new AwsError('InvalidParameterException', 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).')
}

export function forceWithRecoveryWindow(): AwsError {
  return new AwsError('InvalidParameterException', "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.")
}

/** What Secrets Manager answers when KMS refuses the caller (or cannot find the key). */
export function kmsAccessNotAllowed(): AwsError {
  return new AwsError('AccessDeniedException', 'Access to KMS is not allowed')
}

export function encryptionFailure(): AwsError {
  return new AwsError(
    'EncryptionFailure',
    "Secrets Manager can't encrypt the protected secret text using the provided KMS key. Check that the KMS key is available, enabled, and not in an invalid state.",
  )
}

export function decryptionFailure(): AwsError {
  return new AwsError('DecryptionFailure', "Secrets Manager can't decrypt the protected secret text using the provided KMS key.")
}

export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicyDocumentException', message)
}

export function publicPolicy(): AwsError {
  return new AwsError('PublicPolicyException', 'This resource policy contains a statement that allows broad access to the secret.')
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message)
}

export function invalidNextToken(): AwsError {
  return new AwsError('InvalidNextTokenException', 'The NextToken value is not valid.')
}
