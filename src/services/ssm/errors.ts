//! SSM Parameter Store's client errors with AWS's codes and messages (SSM API Reference, "Errors" of each
//! operation; texts as AWS prints them in public traces and AWS-validated emulator suites).
import { AwsError, requestId } from '../../aws/index.js'

/** GetParameter and DeleteParameter answer a missing parameter with no message at all. */
export function parameterNotFound(): AwsError {
  return new AwsError('ParameterNotFound', '')
}

export function referencedSecretNotFound(name: string): AwsError {
  return new AwsError('ParameterNotFound', `An error occurred (ParameterNotFound) when referencing Secrets Manager: Secret ${name} not found.`)
}

export function parameterVersionNotFound(selector: string, name: string): AwsError {
  return new AwsError('ParameterVersionNotFound', `Systems Manager could not find version ${selector} of ${name}. Verify the version and try again.`)
}

export function parameterAlreadyExists(): AwsError {
  return new AwsError('ParameterAlreadyExists', 'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.')
}

export function validation(message: string): AwsError {
  return new AwsError('ValidationException', message)
}

export const NAME_FORMAT_MESSAGE =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_'

export const RESERVED_PREFIX_MESSAGE = 'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive).'

export function reservedParameterName(name: string): AwsError {
  return new AwsError('AccessDeniedException', `No access to reserved parameter name: ${name}.`)
}

export function hierarchyTooDeep(): AwsError {
  return new AwsError(
    'HierarchyLevelLimitExceededException',
    'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.',
  )
}

export function patternMismatch(pattern: string): AwsError {
  return new AwsError('ParameterPatternMismatchException', `Parameter value, cannot be validated against allowedPattern: ${pattern}`)
}

export function invalidAllowedPattern(): AwsError {
  return new AwsError('InvalidAllowedPatternException', 'The allowed pattern is invalid.')
}

/**
 * Parameter Store passes KMS's answer on with the Java SDK's suffix, e.g. "Alias arn:…:alias/x is not found.
 * (Service: AWSKMS; Status Code: 400; Error Code: NotFoundException; Request ID: …; Proxy: null)".
 */
export function kmsFailure(code: string, kmsCode: string, kmsMessage: string): AwsError {
  return new AwsError(code, `${kmsMessage} (Service: AWSKMS; Status Code: 400; Error Code: ${kmsCode}; Request ID: ${requestId()}; Proxy: null)`)
}

export function invalidFilterKey(message: string): AwsError {
  return new AwsError('InvalidFilterKey', message)
}

export function invalidFilterOption(message: string): AwsError {
  return new AwsError('InvalidFilterOption', message)
}

export function invalidNextToken(): AwsError {
  return new AwsError('InvalidNextToken', 'The specified token is not valid.')
}

export function invalidResourceType(): AwsError {
  return new AwsError('InvalidResourceType', 'Invalid resource type')
}

export function invalidResourceId(): AwsError {
  return new AwsError('InvalidResourceId', 'Invalid resource id')
}
