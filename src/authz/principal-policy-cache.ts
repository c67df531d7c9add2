//! The policies of a principal, kept across calls while none of the IAM records they were read from has been
//! written since: a call then reads no user, group, role or managed policy record to authorize (DESIGN.md §6:
//! hot paths do no needless work), and the first call after a change reads them again.
import type { Principal } from '../auth/index.js'
import type { PrincipalPolicies, RecordReads } from './applicable-policies.js'
import type { RecordVersions } from './record-versions.js'

const MAX_ENTRIES = 10_000

interface Entry {
  reads: RecordReads
  versions: number[]
  policies: PrincipalPolicies
}

export class PrincipalPolicyCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly versions: RecordVersions) {}

  get(principal: Principal, load: (reads: RecordReads) => PrincipalPolicies): PrincipalPolicies {
    const key = principalKey(principal)
    const entry = this.entries.get(key)
    if (entry && this.unchanged(entry)) return entry.policies
    const reads: RecordReads = []
    const policies = load(reads)
    // Bounded: when full, start over rather than track recency on the hot path.
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear()
    this.entries.set(key, { reads, versions: reads.map((id) => this.versions.version(id)), policies })
    return policies
  }

  /** Forgets everything (after the store was wiped by a reset). */
  clear(): void {
    this.entries.clear()
  }

  private unchanged(entry: Entry): boolean {
    for (let i = 0; i < entry.reads.length; i++) if (this.versions.version(entry.reads[i]!) !== entry.versions[i]) return false
    return true
  }
}

/** A session's policies depend on its session policies too, which belong to its access key. */
function principalKey(principal: Principal): string {
  return principal.type === 'AWSService' ? `service ${principal.service}` : `${principal.arn} ${principal.accessKeyId}`
}
