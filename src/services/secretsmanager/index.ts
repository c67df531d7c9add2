//! AWS Secrets Manager: secrets with versions and staging labels, encrypted under KMS keys (kms:GenerateDataKey
//! and kms:Decrypt checked for the caller), resource policies enforced in authorization, deletion with a
//! recovery window. Secret values never reach the audit trail.
import type { OperationDefinition, ServiceDefinition } from '../../dispatch/index.js'
import { SECRETS_MANAGER_AUTHORIZATION } from './authorization.js'
import { listSecrets } from './list-secrets.js'
import { getRandomPassword } from './random-password.js'
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './resource-policies.js'
import { tagResource, untagResource } from './secret-tags.js'
import { getSecretValue, putSecretValue } from './secret-values.js'
import { createSecret, deleteSecret, describeSecret, restoreSecret, updateSecret } from './secrets.js'
import { listSecretVersionIds, updateSecretVersionStage } from './version-stages.js'

const handlers: Record<string, OperationDefinition['handler']> = {
  CreateSecret: createSecret,
  DescribeSecret: describeSecret,
  GetSecretValue: getSecretValue,
  PutSecretValue: putSecretValue,
  UpdateSecret: updateSecret,
  DeleteSecret: deleteSecret,
  RestoreSecret: restoreSecret,
  ListSecrets: listSecrets,
  ListSecretVersionIds: listSecretVersionIds,
  UpdateSecretVersionStage: updateSecretVersionStage,
  PutResourcePolicy: putResourcePolicy,
  GetResourcePolicy: getResourcePolicy,
  DeleteResourcePolicy: deleteResourcePolicy,
  TagResource: tagResource,
  UntagResource: untagResource,
  GetRandomPassword: getRandomPassword,
}

export const secretsManagerService: ServiceDefinition = {
  service: 'secretsmanager',
  eventSource: 'secretsmanager.amazonaws.com',
  accessDenied: { code: 'AccessDeniedException', status: 400 },
  operations: Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => {
      const authorization = SECRETS_MANAGER_AUTHORIZATION[name]
      // INVARIANT: nothing defaults to `*` (STYLE.md rule 6); an operation without a declaration is a bug.
      if (!authorization) throw new Error(`secretsmanager:${name} has no authorization declaration`)
      return [name, { authorization, handler }]
    }),
  ),
  sensitiveInputMembers: ['SecretString', 'SecretBinary'],
}
