//! GetParameter, GetParameters and GetParameterHistory (SSM API Reference). Parameters are named by name or ARN,
//! optionally with `:<version>` or `:<label>`; GetParameters lists the names it cannot answer in
//! InvalidParameters. WithDecryption decrypts SecureStrings (kms:Decrypt for the caller); without it the
//! ciphertext is returned. Values never reach the audit trail (these are read-only events).
import { isAwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import { invalidNextToken, parameterNotFound, parameterVersionNotFound, referencedSecretNotFound } from './errors.js'
import { parameterReference, type ParameterReference } from './parameter-names.js'
import { parameterCollection, parameterScope, type ParameterRecord, type ParameterVersionRecord } from './parameter-records.js'
import { isSecretsManagerReference, readSecretReference } from './secrets-manager-reference.js'
import { decryptParameterValue } from './secure-string.js'

export function findParameter(ctx: CallContext, reference: ParameterReference): ParameterRecord | undefined {
  // Parameters shared from other accounts (advanced tier, through AWS RAM) are not modelled.
  if (reference.account !== ctx.accountId || reference.region !== ctx.region) return undefined
  return parameterCollection(ctx.store).get(parameterScope(ctx.accountId, ctx.region), reference.key)
}

export function versionValue(ctx: CallContext, parameter: ParameterRecord, version: ParameterVersionRecord, withDecryption: boolean | undefined): string {
  return version.type === 'SecureString' && withDecryption ? decryptParameterValue(ctx, parameter, version) : version.value
}

/** The parameter as GetParameter(s) shows it, or undefined when there is none. */
export function readParameter(ctx: CallContext, reference: ParameterReference, withDecryption: boolean | undefined): Record<string, unknown> | undefined {
  if (isSecretsManagerReference(reference)) return readSecretReference(ctx, reference, withDecryption)
  const parameter = findParameter(ctx, reference)
  if (!parameter) return undefined
  const version = selectVersion(parameter, reference)
  ctx.audit.resources.push({ ARN: parameter.arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  return {
    Name: reference.byArn ? parameter.name : reference.requested,
    Type: version.type,
    Value: versionValue(ctx, parameter, version, withDecryption),
    Version: version.version,
    Selector: reference.selector === undefined ? undefined : `:${reference.selector}`,
    LastModifiedDate: version.lastModifiedDate,
    ARN: parameter.arn,
    DataType: version.dataType,
  }
}

function selectVersion(parameter: ParameterRecord, reference: ParameterReference): ParameterVersionRecord {
  const selector = reference.selector
  if (selector === undefined) return parameter.versions[parameter.versions.length - 1]!
  const found = /^\d+$/.test(selector)
    ? parameter.versions.find((version) => version.version === Number(selector))
    : [...parameter.versions].reverse().find((version) => version.labels.includes(selector))
  if (!found) throw parameterVersionNotFound(selector, reference.requested)
  return found
}

export function getParameter(input: { Name: string; WithDecryption?: boolean }, ctx: CallContext) {
  const reference = parameterReference(input.Name, ctx)
  const parameter = readParameter(ctx, reference, input.WithDecryption)
  if (!parameter) throw isSecretsManagerReference(reference) ? referencedSecretNotFound(reference.key) : parameterNotFound()
  ctx.audit.responseElements = null
  return { Parameter: parameter }
}

export function getParameters(input: { Names: string[]; WithDecryption?: boolean }, ctx: CallContext) {
  const parameters: Array<Record<string, unknown>> = []
  const invalid: string[] = []
  for (const name of new Set(input.Names)) {
    let found: Record<string, unknown> | undefined
    try {
      found = readParameter(ctx, parameterReference(name, ctx), input.WithDecryption)
    } catch (error) {
      // A name that cannot be a parameter, or a version it does not have, is reported rather than thrown.
      if (!isAwsError(error) || !['ValidationException', 'ParameterVersionNotFound'].includes(error.code) || isWithDecryptionError(error.message)) throw error
    }
    if (found) parameters.push(found)
    else invalid.push(name)
  }
  ctx.audit.responseElements = null
  return { Parameters: parameters, InvalidParameters: invalid }
}

function isWithDecryptionError(message: string): boolean {
  return message.startsWith('WithDecryption flag')
}

export function getParameterHistory(input: { Name: string; WithDecryption?: boolean; MaxResults?: number; NextToken?: string }, ctx: CallContext) {
  const reference = parameterReference(input.Name, ctx)
  const parameter = findParameter(ctx, reference)
  if (!parameter) throw parameterNotFound()
  const start = input.NextToken === undefined ? 0 : Number.parseInt(Buffer.from(input.NextToken, 'base64url').toString('utf8'), 10)
  if (!Number.isInteger(start) || start < 0 || start > parameter.versions.length) throw invalidNextToken()
  const max = input.MaxResults ?? 50
  const page = parameter.versions.slice(start, start + max)
  ctx.audit.resources.push({ ARN: parameter.arn, type: 'AWS::SSM::Parameter', name: parameter.name })
  ctx.audit.responseElements = null
  return {
    Parameters: page.map((version) => ({
      Name: parameter.name,
      Type: version.type,
      KeyId: version.keyId,
      LastModifiedDate: version.lastModifiedDate,
      LastModifiedUser: version.lastModifiedUser,
      Description: version.description,
      Value: versionValue(ctx, parameter, version, input.WithDecryption),
      AllowedPattern: version.allowedPattern,
      Version: version.version,
      Labels: version.labels,
      Tier: version.tier,
      Policies: [],
      DataType: version.dataType,
    })),
    NextToken: start + max < parameter.versions.length ? Buffer.from(String(start + max)).toString('base64url') : undefined,
  }
}
