//! Parameter Store references to Secrets Manager (Systems Manager User Guide, "Referencing AWS Secrets Manager
//! secrets from Parameter Store parameters"): `/aws/reference/secretsmanager/<secret>[:<version id or label>]`,
//! read with WithDecryption=true only. Parameter Store fetches the secret by calling Secrets Manager's
//! GetSecretValue for the caller (a nested call through dispatch, audited as its own event and authorized
//! with the secret's policy and kms:Decrypt as any GetSecretValue is), so the caller needs
//! secretsmanager:GetSecretValue on the secret as well as ssm:GetParameter(s) on the reference.
import { isAwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { validation } from './errors.js'
import type { ParameterReference } from './parameter-names.js'

export const REFERENCE_PREFIX = '/aws/reference/secretsmanager/'

export function isSecretsManagerReference(reference: ParameterReference): boolean {
  return reference.key.startsWith(REFERENCE_PREFIX)
}

/** The secret as a SecureString parameter, or undefined when Secrets Manager has no such secret. */
export function readSecretReference(ctx: CallContext, reference: ParameterReference, withDecryption: boolean | undefined): Record<string, unknown> | undefined {
  if (!withDecryption) throw validation('WithDecryption flag must be True for retrieving a Secret Manager secret.')
  const input: Record<string, string> = { SecretId: reference.key.slice(REFERENCE_PREFIX.length) }
  // A selector is a version id (a UUID-like token of 32 or more characters) or a staging label.
  if (reference.selector !== undefined) input[reference.selector.length >= 32 ? 'VersionId' : 'VersionStage'] = reference.selector
  let secret: Record<string, any>
  try {
    secret = ctx.invoke('secretsmanager', 'GetSecretValue', input, { principal: ctx.principal, source: { viaService: 'ssm.amazonaws.com' } })
  } catch (error) {
    if (isAwsError(error) && error.code === 'ResourceNotFoundException') return undefined
    throw error
  }
  const value = secret.SecretString ?? (secret.SecretBinary as Buffer | undefined)?.toString('base64')
  return {
    Name: reference.requested,
    Type: 'SecureString',
    Value: value,
    Version: 0,
    Selector: reference.selector === undefined ? undefined : `:${reference.selector}`,
    SourceResult: JSON.stringify({
      ARN: secret.ARN,
      CreatedDate: secret.CreatedDate,
      Name: secret.Name,
      SecretString: secret.SecretString,
      VersionId: secret.VersionId,
      VersionStages: secret.VersionStages,
    }),
    LastModifiedDate: secret.CreatedDate,
    ARN: secret.ARN,
    DataType: 'text',
  }
}
