//! Compiles each policy text once: the hot path looks compiled policies up by their source and text.
import { compilePolicy, type CompiledPolicy, type PolicySourceInfo } from '../engine/index.js'

const MAX_ENTRIES = 20_000

interface Entry {
  text: string
  compiled: CompiledPolicy
}

export class CompiledPolicyCache {
  /** source (type, id, principal ids) -> the text last compiled for it: a lookup hashes the short source key
   *  and compares the text, instead of hashing a key that holds the whole document on every call. */
  private readonly latest = new Map<string, Entry>()
  /** source + text -> compiled, for sources seen with several texts (an inline policy name used by many users). */
  private readonly byText = new Map<string, CompiledPolicy>()

  get(text: string, source: PolicySourceInfo, principalUniqueIds?: Record<string, string>): CompiledPolicy {
    const ids = principalUniqueIds && Object.keys(principalUniqueIds).length ? JSON.stringify(principalUniqueIds) : ''
    const sourceKey = `${source.type}\u0000${source.id}\u0000${ids}`
    const latest = this.latest.get(sourceKey)
    if (latest !== undefined && latest.text === text) return latest.compiled
    const textKey = `${sourceKey}\u0000${text}`
    let compiled = this.byText.get(textKey)
    if (!compiled) {
      // Bounded: when full, start over rather than track recency on the hot path.
      if (this.byText.size >= MAX_ENTRIES) this.byText.clear()
      compiled = compilePolicy(text, source, ids ? { principalUniqueIds } : undefined)
      this.byText.set(textKey, compiled)
    }
    if (this.latest.size >= MAX_ENTRIES) this.latest.clear()
    this.latest.set(sourceKey, { text, compiled })
    return compiled
  }
}
