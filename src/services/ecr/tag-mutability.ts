//! Whether a tag may be moved to another image (ECR User Guide, "Image tag mutability"): IMMUTABLE repositories
//! refuse, MUTABLE ones allow, and the *_WITH_EXCLUSION settings flip the rule for tags matching a wildcard filter.
import type { RepositoryRecord } from './records.js'

export function tagIsImmutable(repository: RepositoryRecord, tag: string): boolean {
  const excluded = (repository.imageTagMutabilityExclusionFilters ?? []).some((filter) => wildcardMatches(filter.filter, tag))
  switch (repository.imageTagMutability) {
    case 'IMMUTABLE':
      return true
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded
    default:
      return false
  }
}

/** WILDCARD filters: `*` matches any run of characters, everything else itself. */
function wildcardMatches(filter: string, tag: string): boolean {
  const pattern = filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')
  return new RegExp(`^${pattern}$`).test(tag)
}
