//! SecureString values and KMS (Systems Manager User Guide, "How Parameter Store uses AWS KMS"): a standard
//! parameter's value is encrypted with kms:Encrypt and read with kms:Decrypt, both for the caller, through
//! ssm.<region>.amazonaws.com, with the encryption context {"PARAMETER_ARN": <parameter ARN>}. The key is the
//! caller's KeyId or the AWS managed key alias/aws/ssm, whose policy grants the whole account via SSM; a customer
//! managed key's policy usually delegates to IAM, so the caller's identity policy must allow the KMS action.
import { isAwsError, type AwsError } from '../../aws/index.js'
import type { CallContext } from '../../dispatch/index.js'
import {
  cryptographyRefusal,
  decryptUnderKey,
  encryptUnderKey,
  kmsKeyRequirement,
  resolveKey,
  viaServiceContext,
  type KmsKeyRecord,
} from '../kms/index.js'
import { kmsFailure } from './errors.js'
import type { ParameterRecord, ParameterVersionRecord } from './parameter-records.js'

export const MANAGED_KEY_ALIAS = 'alias/aws/ssm'

/** The key a SecureString is encrypted under; an unknown key is InvalidKeyId with KMS's own words. */
export function secureStringKey(ctx: CallContext, keyId: string | undefined): KmsKeyRecord {
  try {
    return resolveKey(ctx.store, keyId ?? MANAGED_KEY_ALIAS, ctx).key
  } catch (error) {
    if (isAwsError(error)) throw kmsFailure('InvalidKeyId', error.code, error.message)
    throw error
  }
}

export function encryptParameterValue(ctx: CallContext, key: KmsKeyRecord, parameterArn: string, value: string): string {
  const context = { PARAMETER_ARN: parameterArn }
  authorizeKeyUse(ctx, key, 'kms:Encrypt', context)
  refuseUnusable(key)
  return encryptUnderKey(key, Buffer.from(value, 'utf8'), context).toString('base64')
}

export function decryptParameterValue(ctx: CallContext, parameter: ParameterRecord, version: ParameterVersionRecord): string {
  let key: KmsKeyRecord
  try {
    key = resolveKey(ctx.store, version.keyArn!, { accountId: parameter.accountId, region: parameter.region, now: ctx.now }).key
  } catch (error) {
    if (isAwsError(error)) throw kmsFailure('InvalidKeyId', error.code, error.message)
    throw error
  }
  const context = { PARAMETER_ARN: parameter.arn }
  authorizeKeyUse(ctx, key, 'kms:Decrypt', context)
  refuseUnusable(key)
  const plaintext = decryptUnderKey(key, Buffer.from(version.value, 'base64'), context)
  if (!plaintext) throw kmsFailure('InvalidKeyId', 'InvalidCiphertextException', '')
  return plaintext.toString('utf8')
}

function refuseUnusable(key: KmsKeyRecord): void {
  const refusal: AwsError | undefined = cryptographyRefusal(key)
  if (refusal) throw kmsFailure('InvalidKeyId', refusal.code, refusal.message)
}

function authorizeKeyUse(ctx: CallContext, key: KmsKeyRecord, action: string, context: Record<string, string>): void {
  const requirement = kmsKeyRequirement(
    ctx.store,
    key,
    action,
    viaServiceContext({ service: 'ssm', region: ctx.region, callerAccount: ctx.accountId, encryptionContext: context }),
  )
  try {
    ctx.authorize(requirement)
  } catch (error) {
    if (isAwsError(error) && error.code === 'AccessDeniedException') throw kmsFailure('AccessDeniedException', 'AccessDeniedException', error.message)
    throw error
  }
}
