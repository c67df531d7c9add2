//! A write counter per IAM record, bumped by dispatch whenever a call writes the record (and again when that call
//! fails, for its writes were rolled back): what lets a cached lookup know that nothing it read has changed since.
const SEPARATOR = '\u0000'

/** One record's identity: collection, scope and key. */
export function recordId(collection: string, scope: string, key: string): string {
  return `${collection}${SEPARATOR}${scope}${SEPARATOR}${key}`
}

export class RecordVersions {
  private readonly versions = new Map<string, number>()

  /** 0 for a record never written since the process started. */
  version(id: string): number {
    return this.versions.get(id) ?? 0
  }

  bump(id: string): void {
    this.versions.set(id, this.version(id) + 1)
  }
}
