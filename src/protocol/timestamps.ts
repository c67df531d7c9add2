//! Timestamps at the wire: ISO 8601 in XML protocols, epoch seconds in JSON, and what handlers may hand us.

/** Epoch numbers at or above this are milliseconds (1e11 seconds would be the year 5138). */
const MILLISECONDS_THRESHOLD = 1e11

/** Reads a request value: ISO 8601 (any precision, Z or offset) or epoch seconds, as botocore may send either. */
export function parseTimestamp(value: string | number): Date | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value * 1000) : undefined
  const trimmed = value.trim()
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return new Date(Number(trimmed) * 1000)
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined
  const date = new Date(trimmed)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** What a handler may return for a timestamp: Date, ISO string, or epoch seconds (milliseconds when that large). */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined
    return new Date(Math.abs(value) >= MILLISECONDS_THRESHOLD ? value : value * 1000)
  }
  if (typeof value === 'string') return parseTimestamp(value)
  return undefined
}

/** `2019-01-23T20:10:34Z` (IAM, STS) or `2016-08-15T18:07:05.000Z` (EC2, ELBv2). */
export function formatIso8601(date: Date, withMilliseconds: boolean): string {
  const iso = date.toISOString()
  return withMilliseconds ? iso : `${iso.slice(0, 19)}Z`
}

/** JSON protocols send epoch seconds, with milliseconds as a fraction when there are any. */
export function epochSeconds(date: Date): number {
  return date.getTime() / 1000
}
