//! Compiles each policy text once: the hot path looks compiled policies up by their text and source.
import { compilePolicy, type CompiledPolicy, type PolicySourceInfo } from '../engine/index.js'

const MAX_ENTRIES = 20_000

export class CompiledPolicyCache {
  private readonly entries = new Map<string, CompiledPolicy>()

  get(text: string, source: PolicySourceInfo, principalUniqueIds?: Record<string, string>): CompiledPolicy {
    const ids = principalUniqueIds && Object.keys(principalUniqueIds).length ? JSON.stringify(principalUniqueIds) : ''
    const key = `${source.type}\u0000${source.id}\u0000${ids}\u0000${text}`
    let compiled = this.entries.get(key)
    if (!compiled) {
      // A bounded cache: when full, start over rather than track recency on the hot path.
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
      compiled = compilePolicy(text, source, ids ? { principalUniqueIds } : undefined)
      this.entries.set(key, compiled)
    }
    return compiled
  }
}
