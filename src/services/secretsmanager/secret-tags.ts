//! TagResource and UntagResource on secrets (Secrets Manager API Reference); tags feed aws:ResourceTag and
//! secretsmanager:ResourceTag conditions.
import type { CallContext } from '../../dispatch/index.js'
import { lookupSecret, requireLiveSecret } from './find-secret.js'
import { saveSecret, type SecretTag } from './secret-records.js'

export function tagResource(input: { SecretId: string; Tags: SecretTag[] }, ctx: CallContext): Record<string, never> {
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  const merged = new Map(secret.tags.map((tag) => [tag.Key, tag.Value]))
  for (const tag of input.Tags) merged.set(tag.Key, tag.Value)
  saveSecret(ctx.store, { ...secret, tags: [...merged].map(([Key, Value]) => ({ Key, Value })) })
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return {}
}

export function untagResource(input: { SecretId: string; TagKeys: string[] }, ctx: CallContext): Record<string, never> {
  const secret = requireLiveSecret(lookupSecret(ctx, input.SecretId))
  const removed = new Set(input.TagKeys)
  saveSecret(ctx.store, { ...secret, tags: secret.tags.filter((tag) => !removed.has(tag.Key)) })
  ctx.audit.resources.push({ ARN: secret.arn, type: 'AWS::SecretsManager::Secret', name: secret.name })
  return {}
}
