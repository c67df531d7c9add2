//! IAM's list paging: MaxItems (default 100) and an opaque Marker; IsTruncated says whether more follow
//! (IAM API Reference, "Common parameters" of the List* operations).
import { invalidMarker } from './errors.js'

export interface PagingInput {
  Marker?: string
  MaxItems?: number
}

export interface Page<T> {
  items: T[]
  IsTruncated: boolean
  Marker?: string
}

const DEFAULT_MAX_ITEMS = 100

/** The page of `items` after Marker; the marker names the next item's position, so it survives deletions before it. */
export function page<T>(items: readonly T[], input: PagingInput, keyOf: (item: T) => string): Page<T> {
  const max = input.MaxItems ?? DEFAULT_MAX_ITEMS
  let start = 0
  if (input.Marker !== undefined) {
    const after = decodeMarker(input.Marker)
    start = items.findIndex((item) => keyOf(item) >= after)
    if (start < 0) start = items.length
  }
  const slice = items.slice(start, start + max)
  const next = items[start + max]
  if (next === undefined) return { items: slice, IsTruncated: false }
  return { items: slice, IsTruncated: true, Marker: encodeMarker(keyOf(next)) }
}

/** Index-based paging for results without natural keys (simulation results). */
export function pageByIndex<T>(items: readonly T[], input: PagingInput): Page<T> {
  const indexed = items.map((item, index) => ({ item, key: String(index).padStart(10, '0') }))
  const result = page(indexed, input, (entry) => entry.key)
  return { ...result, items: result.items.map((entry) => entry.item) }
}

function encodeMarker(key: string): string {
  return Buffer.from('taskrole:' + key, 'utf8').toString('base64')
}

function decodeMarker(marker: string): string {
  const text = Buffer.from(marker, 'base64').toString('utf8')
  if (!text.startsWith('taskrole:')) throw invalidMarker()
  return text.slice('taskrole:'.length)
}
