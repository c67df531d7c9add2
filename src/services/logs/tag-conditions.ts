//! Tag condition keys for CloudWatch Logs requests: aws:RequestTag/*, aws:TagKeys and aws:ResourceTag/* (Service
//! Authorization Reference, CloudWatch Logs: log-group and log-stream resources carry aws:ResourceTag/${TagKey}).
import type { AuthorizationRequirement } from '../../dispatch/index.js'

export type ConditionContext = NonNullable<AuthorizationRequirement['context']>

/** Tags a request sets (CreateLogGroup, TagResource, TagLogGroup). */
export function tagConditionContext(tags: Record<string, string>): ConditionContext {
  const context: ConditionContext = { 'aws:TagKeys': Object.keys(tags) }
  for (const [key, value] of Object.entries(tags)) context[`aws:RequestTag/${key}`] = value
  return context
}

/** Tag keys a request removes (UntagResource, UntagLogGroup). */
export function tagKeysContext(keys: string[]): ConditionContext {
  return { 'aws:TagKeys': keys }
}

/** Tags the log group already has; a stream is judged by its group's tags. */
export function resourceTagContext(tags: Record<string, string> | undefined): ConditionContext {
  const context: ConditionContext = {}
  for (const [key, value] of Object.entries(tags ?? {})) context[`aws:ResourceTag/${key}`] = value
  return context
}
