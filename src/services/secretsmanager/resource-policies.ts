//! A secret's resource-based policy: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy (Secrets Manager
//! User Guide, "Resource-based policies"). Authorization attaches it to every call on the secret, so it can
//! grant principals of the same account or (with their own identity policies) of other accounts.
import type { CallContext } from '../../dispatch/index.js'
import { validatePolicyDocument } from '../../engine/index.js'
import { principalUniqueId } from '../kms/index.js'
import { malformedPolicy, publicPolicy } from './errors.js'
import { lookupSecret, requireLiveSecret, requireSecret } from './find-secret.js'
import { saveSecret } from './secret-records.js'

export function putResourcePolicy(input: { SecretId: string; ResourcePolicy: string; BlockPublicPolicy?: boolean }, ctx: CallContext) {
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  const validation = validatePolicyDocument(input.ResourcePolicy, 'resource', { resolvePrincipal: (arn) => principalUniqueId(ctx.store, arn) })
  if (!validation.ok) {
    throw malformedPolicy(
      validation.message.startsWith('Invalid principal in policy') ? 'This resource policy contains an unsupported principal.' : validation.message,
    )
  }
  if (input.BlockPublicPolicy && grantsEveryone(input.ResourcePolicy)) throw publicPolicy()
  saveSecret(ctx.store, { ...secret, resourcePolicy: input.ResourcePolicy, policyPrincipalIds: validation.principalUniqueIds })
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name }
}

export function getResourcePolicy(input: { SecretId: string }, ctx: CallContext) {
  const secret = requireSecret(lookupSecret(ctx, input.SecretId))
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name, ResourcePolicy: secret.resourcePolicy }
}

export function deleteResourcePolicy(input: { SecretId: string }, ctx: CallContext) {
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  const { resourcePolicy: _policy, policyPrincipalIds: _ids, ...rest } = secret
  saveSecret(ctx.store, rest)
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return { ARN: secret.arn, Name: secret.name }
}

/** An unconditional Allow to every principal ("*" or {"AWS":"*"}) is what BlockPublicPolicy refuses. */
function grantsEveryone(policy: string): boolean {
  const document = JSON.parse(policy) as { Statement: unknown }
  const statements = (Array.isArray(document.Statement) ? document.Statement : [document.Statement]) as Array<Record<string, unknown>>
  return statements.some((statement) => {
    if (statement['Effect'] !== 'Allow' || statement['Condition'] !== undefined) return false
    const principal = statement['Principal'] as unknown
    if (principal === '*') return true
    const aws = principal && typeof principal === 'object' ? (principal as Record<string, unknown>)['AWS'] : undefined
    return aws === '*' || (Array.isArray(aws) && aws.includes('*'))
  })
}
