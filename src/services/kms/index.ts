//! AWS KMS: symmetric keys with real AES-GCM, key policies enforced as resource policies that must grant,
//! aliases, and the AWS managed keys aws/ssm and aws/secretsmanager. Also the key lookups and requirements that
//! Secrets Manager and SSM use to check kms:Decrypt/kms:Encrypt for their callers.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { createAlias, deleteAlias, listAliases, updateAlias } from './aliases.js'
import { KMS_AUTHORIZATION } from './authorization.js'
import { decrypt, encrypt, generateDataKey, generateDataKeyWithoutPlaintext, generateRandom } from './cryptography.js'
import { getKeyPolicy, listKeyPolicies, putKeyPolicy } from './key-policy-operations.js'
import { listResourceTags, tagResource, untagResource } from './key-tags.js'
import {
  cancelKeyDeletion,
  createKey,
  describeKey,
  disableKey,
  enableKey,
  listKeys,
  scheduleKeyDeletion,
  updateKeyDescription,
} from './keys.js'

export { resolveKey, aliasTarget, type KeyLocation, type ResolvedKey } from './find-key.js'
export { awsManagedKey } from './aws-managed-keys.js'
export { kmsKeyRequirement, viaServiceContext, encryptionContextKeys, type KmsContext } from './key-requirement.js'
export { encryptUnderKey, decryptUnderKey, blobKeyArn, type EncryptionContext } from './key-cipher.js'
export { cryptographyRefusal } from './key-state.js'
export { principalUniqueId } from './principal-unique-id.js'
export type { KmsKeyRecord } from './key-records.js'

const handlers: Record<string, OperationDefinition['handler']> = {
  CreateKey: createKey,
  DescribeKey: describeKey,
  ListKeys: listKeys,
  EnableKey: enableKey,
  DisableKey: disableKey,
  UpdateKeyDescription: updateKeyDescription,
  ScheduleKeyDeletion: scheduleKeyDeletion,
  CancelKeyDeletion: cancelKeyDeletion,
  GetKeyPolicy: getKeyPolicy,
  PutKeyPolicy: putKeyPolicy,
  ListKeyPolicies: listKeyPolicies,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListResourceTags: listResourceTags,
  Encrypt: encrypt,
  Decrypt: decrypt,
  GenerateDataKey: generateDataKey,
  GenerateDataKeyWithoutPlaintext: generateDataKeyWithoutPlaintext,
  GenerateRandom: generateRandom,
  CreateAlias: createAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
}

/** CloudTrail records KMS's cryptographic operations as read-only events. */
const READ_ONLY = new Set(['Encrypt', 'Decrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateRandom'])

export const kmsService: ServiceDefinition = {
  service: 'kms',
  eventSource: 'kms.amazonaws.com',
  accessDenied: { code: 'AccessDeniedException', status: 400 },
  operations: Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => {
      const authorization = KMS_AUTHORIZATION[name]
      if (!authorization) throw new Error(`kms:${name} has no authorization declaration`)
      const definition: OperationDefinition = { authorization, handler }
      if (READ_ONLY.has(name)) definition.readOnly = true
      return [name, definition]
    }),
  ),
  sensitiveInputMembers: ['Plaintext'],
}
