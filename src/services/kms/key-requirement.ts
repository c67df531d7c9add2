//! The authorization of one use of a KMS key: the key ARN as resource, the key policy as a resource policy that
//! must grant (IAM User Guide, "Policy evaluation logic": a KMS key policy must allow explicitly; its root-account
//! grant delegates to IAM policies), and KMS's condition keys (Service Authorization Reference, "AWS Key
//! Management Service": kms:CallerAccount, kms:ViaService, kms:EncryptionContext:*, kms:ResourceAliases …).
//! Secrets Manager and SSM import this to check kms:Decrypt/kms:Encrypt/kms:GenerateDataKey as their callers.
import type { AuthorizationRequirement } from '../../dispatch/index.js'
import type { ContextValue } from '../../engine/index.js'
import type { Store } from '../../store/index.js'
import type { EncryptionContext } from './key-cipher.js'
import { aliasesOf, type KmsKeyRecord } from './key-records.js'

export type KmsContext = Record<string, ContextValue>

export function kmsKeyRequirement(store: Store, key: KmsKeyRecord, action: string, context: KmsContext = {}): AuthorizationRequirement {
  const keyContext: KmsContext = {
    'kms:KeyOrigin': 'AWS_KMS',
    'kms:KeySpec': 'SYMMETRIC_DEFAULT',
    'kms:KeyUsage': 'ENCRYPT_DECRYPT',
    'kms:MultiRegion': 'false',
  }
  const aliases = aliasesOf(store, key).map((alias) => alias.aliasName)
  if (aliases.length) keyContext['kms:ResourceAliases'] = aliases
  for (const tag of key.tags) keyContext[`aws:ResourceTag/${tag.TagKey}`] = tag.TagValue
  return {
    action,
    resource: key.arn,
    resourceAccount: key.accountId,
    context: { ...keyContext, ...context },
    resourcePolicy: {
      id: key.arn,
      document: key.policy,
      type: 'Resource Policy',
      principalUniqueIds: key.policyPrincipalIds,
      mustGrant: true,
    },
  }
}

/** kms:EncryptionContext:<key> for every pair and kms:EncryptionContextKeys for the key names. */
export function encryptionContextKeys(context: EncryptionContext | undefined): KmsContext {
  const keys: KmsContext = {}
  const names = Object.keys(context ?? {})
  for (const name of names) keys[`kms:EncryptionContext:${name}`] = context![name]!
  if (names.length) keys['kms:EncryptionContextKeys'] = names
  return keys
}

/**
 * The context of a KMS call a service makes for its caller (a forward access session): kms:ViaService names the
 * service's regional endpoint, kms:CallerAccount the caller's account, aws:ViaAWSService is true.
 */
export function viaServiceContext(options: {
  service: 'secretsmanager' | 'ssm'
  region: string
  callerAccount: string
  encryptionContext: EncryptionContext
}): KmsContext {
  return {
    'kms:CallerAccount': options.callerAccount,
    'kms:ViaService': `${options.service}.${options.region}.amazonaws.com`,
    'aws:ViaAWSService': 'true',
    'kms:EncryptionAlgorithm': 'SYMMETRIC_DEFAULT',
    ...encryptionContextKeys(options.encryptionContext),
  }
}

/** `secretsmanager.amazonaws.com` (how dispatch names a calling service) -> `secretsmanager.<region>.amazonaws.com`. */
export function regionalServiceEndpoint(viaService: string, region: string): string {
  const suffix = '.amazonaws.com'
  if (!viaService.endsWith(suffix)) return viaService
  const name = viaService.slice(0, -suffix.length)
  return name.endsWith(`.${region}`) ? viaService : `${name}.${region}${suffix}`
}
