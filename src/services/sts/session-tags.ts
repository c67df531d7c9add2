//! Session tags of a new role session: the tags passed, plus the transitive tags inherited from the calling session
//! (IAM User Guide, "Pass session tags in AWS STS": "Chaining roles with session tags").
import type { Principal } from '../../auth/index.js'
import type { ContextValue } from '../../engine/index.js'
import { duplicateTagKeys, transitiveTagConflict, transitiveTagKeyNotInTags } from './errors.js'

export interface SessionTagInput {
  Tags?: Array<{ Key: string; Value: string }>
  TransitiveTagKeys?: string[]
}

export interface SessionTags {
  /** Every tag of the new session: inherited transitive tags and the tags passed. */
  tags: Record<string, string>
  /** Keys that pass on to the next session in a chain: the inherited ones and those set transitive now. */
  transitiveTagKeys: string[]
  /** Transitive tags of the calling session (CloudTrail's incomingTransitiveTags). */
  inherited: Record<string, string>
  /** Tags reach the new session, so the trust policy must also allow sts:TagSession. */
  tagging: boolean
}

export function sessionTags(input: SessionTagInput, caller: Principal): SessionTags {
  const passed = input.Tags ?? []
  const passedKeys = new Set<string>()
  for (const tag of passed) {
    const key = tag.Key.toLowerCase()
    if (passedKeys.has(key)) throw duplicateTagKeys()
    passedKeys.add(key)
  }
  const inherited = inheritedTransitiveTags(caller)
  // An inherited transitive tag cannot be overridden further down the chain.
  for (const key of Object.keys(inherited)) if (passedKeys.has(key.toLowerCase())) throw transitiveTagConflict()
  const transitive = input.TransitiveTagKeys ?? []
  for (const key of transitive) if (!passedKeys.has(key.toLowerCase())) throw transitiveTagKeyNotInTags()

  const tags: Record<string, string> = { ...inherited }
  for (const tag of passed) tags[tag.Key] = tag.Value
  const transitiveTagKeys = [...Object.keys(inherited)]
  for (const key of transitive) {
    const spelled = passed.find((tag) => tag.Key.toLowerCase() === key.toLowerCase())!.Key
    if (!transitiveTagKeys.includes(spelled)) transitiveTagKeys.push(spelled)
  }
  return { tags, transitiveTagKeys, inherited, tagging: Object.keys(tags).length > 0 }
}

/** aws:RequestTag/<key>, aws:TagKeys and sts:TransitiveTagKeys for the trust policy's conditions. */
export function sessionTagContext(tags: SessionTags, input: SessionTagInput): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {}
  const keys = Object.keys(tags.tags)
  if (keys.length === 0) return context
  for (const key of keys) context[`aws:RequestTag/${key}`] = tags.tags[key]!
  context['aws:TagKeys'] = keys
  if (input.TransitiveTagKeys?.length) context['sts:TransitiveTagKeys'] = [...input.TransitiveTagKeys]
  return context
}

function inheritedTransitiveTags(caller: Principal): Record<string, string> {
  if (caller.type !== 'AssumedRole') return {}
  const inherited: Record<string, string> = {}
  for (const key of caller.session.transitiveTagKeys) {
    const value = caller.session.tags[key]
    if (value !== undefined) inherited[key] = value
  }
  return inherited
}
