//! What every Secrets Manager operation asks of IAM (Service Authorization Reference, "AWS Secrets Manager"):
//! the secret's ARN with secretsmanager:SecretId and its tags, the secret's resource policy attached; CreateSecret
//! on the ARN it is about to create; ListSecrets and GetRandomPassword on `*`. Reading a value also needs
//! kms:Decrypt, checked when the handler decrypts (secret-encryption.ts).
import type { AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import type { ContextValue } from '../../engine/index.js'
import { checkSecretName, lookupSecret, type SecretLookup } from './find-secret.js'
import type { SecretTag } from './secret-records.js'
import { plannedSecretArn } from './secrets.js'

type Declaration = (input: any, ctx: CallContext) => AuthorizationRequirement[]
type Context = Record<string, ContextValue>

export function secretRequirement(lookup: SecretLookup, action: string, extra: Context = {}): AuthorizationRequirement {
  const secret = lookup.secret
  const context: Context = { 'secretsmanager:SecretId': lookup.arn }
  for (const tag of secret?.tags ?? []) {
    context[`aws:ResourceTag/${tag.Key}`] = tag.Value
    context[`secretsmanager:ResourceTag/${tag.Key}`] = tag.Value
  }
  return {
    action,
    resource: lookup.arn,
    resourceAccount: lookup.account,
    context: { ...context, ...extra },
    resourcePolicy: secret?.resourcePolicy
      ? { id: secret.arn, document: secret.resourcePolicy, type: 'Resource Policy', principalUniqueIds: secret.policyPrincipalIds }
      : undefined,
  }
}

function onSecret(action: string, extra?: (input: any) => Context): Declaration {
  return (input, ctx) => [secretRequirement(lookupSecret(ctx, input.SecretId), action, extra?.(input))]
}

function requestTags(tags: SecretTag[] | undefined): Context {
  const context: Context = {}
  for (const tag of tags ?? []) context[`aws:RequestTag/${tag.Key}`] = tag.Value
  if (tags?.length) context['aws:TagKeys'] = tags.map((tag) => tag.Key)
  return context
}

function defined(context: Record<string, ContextValue | undefined>): Context {
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)) as Context
}

export const SECRETS_MANAGER_AUTHORIZATION: Record<string, Declaration> = {
  CreateSecret: (input, ctx) => {
    checkSecretName(input.Name)
    const arn = plannedSecretArn(input, ctx)
    const context = defined({
      'secretsmanager:Name': input.Name,
      'secretsmanager:Description': input.Description,
      'secretsmanager:KmsKeyId': input.KmsKeyId,
      ...requestTags(input.Tags),
    })
    return [{ action: 'secretsmanager:CreateSecret', resource: arn, context: { 'secretsmanager:SecretId': arn, ...context } }]
  },
  DescribeSecret: onSecret('secretsmanager:DescribeSecret'),
  GetSecretValue: onSecret('secretsmanager:GetSecretValue', (input) =>
    defined({ 'secretsmanager:VersionId': input.VersionId, 'secretsmanager:VersionStage': input.VersionStage }),
  ),
  PutSecretValue: onSecret('secretsmanager:PutSecretValue'),
  UpdateSecret: onSecret('secretsmanager:UpdateSecret', (input) =>
    defined({ 'secretsmanager:Description': input.Description, 'secretsmanager:KmsKeyId': input.KmsKeyId }),
  ),
  DeleteSecret: onSecret('secretsmanager:DeleteSecret', (input) =>
    defined({
      'secretsmanager:RecoveryWindowInDays': input.RecoveryWindowInDays,
      'secretsmanager:ForceDeleteWithoutRecovery': input.ForceDeleteWithoutRecovery === undefined ? undefined : String(input.ForceDeleteWithoutRecovery),
    }),
  ),
  RestoreSecret: onSecret('secretsmanager:RestoreSecret'),
  ListSecrets: () => [{ action: 'secretsmanager:ListSecrets', resource: '*' }],
  ListSecretVersionIds: onSecret('secretsmanager:ListSecretVersionIds'),
  UpdateSecretVersionStage: onSecret('secretsmanager:UpdateSecretVersionStage'),
  PutResourcePolicy: onSecret('secretsmanager:PutResourcePolicy', (input) => ({
    'secretsmanager:BlockPublicPolicy': input.BlockPublicPolicy ? 'true' : 'false',
  })),
  GetResourcePolicy: onSecret('secretsmanager:GetResourcePolicy'),
  DeleteResourcePolicy: onSecret('secretsmanager:DeleteResourcePolicy'),
  TagResource: onSecret('secretsmanager:TagResource', (input) => requestTags(input.Tags)),
  UntagResource: onSecret('secretsmanager:UntagResource', (input) => ({ 'aws:TagKeys': input.TagKeys })),
  GetRandomPassword: () => [{ action: 'secretsmanager:GetRandomPassword', resource: '*' }],
}
