//! KMS's client errors with AWS's codes and exact messages (KMS API Reference, "Errors"; messages as recorded
//! from AWS in LocalStack's validated snapshots, tests/aws/services/kms/test_kms.snapshot.json).
import { AwsError } from '../../aws/index.js'

/** "Invalid keyId 'fake-key-id'": an identifier that is neither a key id, key ARN, alias name nor alias ARN. */
export function invalidKeyId(keyId: string): AwsError {
  return new AwsError('NotFoundException', `Invalid keyId '${keyId}'`)
}

/** "Key 'arn:aws:kms:us-east-1:111122223333:key/…' does not exist" */
export function keyNotFound(keyArn: string): AwsError {
  return new AwsError('NotFoundException', `Key '${keyArn}' does not exist`)
}

/** "Alias arn:aws:kms:us-east-1:111122223333:alias/x is not found." */
export function aliasNotFound(aliasArn: string): AwsError {
  return new AwsError('NotFoundException', `Alias ${aliasArn} is not found.`)
}

/** A key ARN of another Region: "Invalid arn us-west-2". */
export function invalidArnRegion(region: string): AwsError {
  return new AwsError('NotFoundException', `Invalid arn ${region}`)
}

export function invalidArn(arn: string): AwsError {
  return new AwsError('InvalidArnException', `Invalid arn ${arn}`)
}

/** "arn:aws:kms:…:key/… is disabled." */
export function keyDisabled(keyArn: string): AwsError {
  return new AwsError('DisabledException', `${keyArn} is disabled.`)
}

/** "arn:aws:kms:…:key/… is pending deletion." */
export function keyPendingDeletion(keyArn: string): AwsError {
  return new AwsError('KMSInvalidStateException', `${keyArn} is pending deletion.`)
}

export function keyNotPendingDeletion(keyArn: string): AwsError {
  return new AwsError('KMSInvalidStateException', `${keyArn} is not pending deletion.`)
}

/** KMS answers a ciphertext it cannot use (wrong context, tampered, not a KMS blob) with no message at all. */
export function invalidCiphertext(): AwsError {
  return new AwsError('InvalidCiphertextException', '')
}

export function incorrectKey(): AwsError {
  return new AwsError('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.')
}

export function aliasPrefixRequired(): AwsError {
  return new AwsError(
    'ValidationException',
    'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
  )
}

/** Aliases beginning with alias/aws/ are reserved for AWS managed keys; KMS answers with no message. */
export function reservedAlias(): AwsError {
  return new AwsError('NotAuthorizedException', '')
}

export function aliasTargetIsAlias(): AwsError {
  return new AwsError('ValidationException', 'Aliases must refer to keys. Not aliases')
}

/** "An alias with the name arn:aws:kms:us-east-1:111122223333:alias/x already exists" */
export function aliasAlreadyExists(aliasArn: string): AwsError {
  return new AwsError('AlreadyExistsException', `An alias with the name ${aliasArn} already exists`)
}

export function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicyDocumentException', message)
}

export const LOCKOUT_MESSAGE = 'The new key policy will not allow you to update the key policy in the future.'
export const INVALID_PRINCIPALS_MESSAGE = 'Policy contains a statement with one or more invalid principals.'

export function policyNameNotFound(): AwsError {
  return new AwsError('NotFoundException', 'No such policy exists')
}

export function dataKeySizeRequired(): AwsError {
  return new AwsError('ValidationException', 'Please specify either number of bytes or key spec.')
}

export function numberOfBytesRequired(): AwsError {
  return new AwsError('ValidationException', 'NumberOfBytes is required.')
}

export function unsupportedOperation(message: string): AwsError {
  return new AwsError('UnsupportedOperationException', message)
}

export function dryRun(): AwsError {
  return new AwsError('DryRunOperationException', 'The request would have succeeded, but the DryRun option is set.')
}

export function invalidMarker(): AwsError {
  return new AwsError('InvalidMarkerException', 'Invalid marker')
}

export function reservedTag(): AwsError {
  return new AwsError('TagException', 'Tags beginning with aws: are reserved')
}

export function duplicateTagKeys(): AwsError {
  return new AwsError('TagException', 'Duplicate tag keys')
}

export function tooManyTags(): AwsError {
  return new AwsError('TagException', 'Too many tags')
}
