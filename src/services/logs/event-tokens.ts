//! Paging tokens over log events. GetLogEvents' tokens look like AWS's (`f/<56 digits>/s`, `b/<56 digits>/s`) and
//! name a gap between two events in read order; FilterLogEvents' nextToken and the event ids are opaque.
import { invalidNextToken } from './errors.js'

/**
 * A place between events: right after the event whose (timestamp, seq) this is. Events are read in
 * (timestamp, seq) order; `after` selects the events past the gap, `upTo` the events before it.
 */
export interface EventGap {
  timestamp: number
  seq: number
}

export type TokenDirection = 'f' | 'b'

export interface EventToken {
  direction: TokenDirection
  gap: EventGap
}

const TOKEN = /^([fb])\/(\d{20})(\d{36})(?:\/s)?$/

/** The gap just after an event and the one just before it (seq values are positive integers). */
export function gapAfter(event: { timestamp: number; seq: number }): EventGap {
  return { timestamp: event.timestamp, seq: event.seq }
}

export function gapBefore(event: { timestamp: number; seq: number }): EventGap {
  return { timestamp: event.timestamp, seq: event.seq - 1 }
}

/** AWS's tokens are 56 digits between a direction letter and `/s`; ours are the gap's timestamp and seq, padded. */
export function formatEventToken(direction: TokenDirection, gap: EventGap): string {
  return `${direction}/${digits(gap)}/s`
}

export function parseEventToken(token: string): EventToken {
  const match = TOKEN.exec(token)
  if (!match) throw invalidNextToken()
  const timestamp = Number(match[2])
  const seq = Number(match[3])
  if (!Number.isSafeInteger(timestamp) || !Number.isSafeInteger(seq)) throw invalidNextToken()
  return { direction: match[1] as TokenDirection, gap: { timestamp, seq } }
}

/** FilterLogEvents' eventId: a 56-digit string, unique per event, like AWS's. */
export function eventId(event: { timestamp: number; seq: number }): string {
  return digits(event)
}

const FILTER_TOKEN_PREFIX = 'taskrole-filter:'

/** FilterLogEvents' nextToken: where the next page starts, opaque to clients. */
export function formatFilterToken(gap: EventGap): string {
  return Buffer.from(`${FILTER_TOKEN_PREFIX}${gap.timestamp}.${gap.seq}`, 'utf8').toString('base64url')
}

export function parseFilterToken(token: string): EventGap {
  const text = Buffer.from(token, 'base64url').toString('utf8')
  const match = text.startsWith(FILTER_TOKEN_PREFIX) ? /^(\d+)\.(\d+)$/.exec(text.slice(FILTER_TOKEN_PREFIX.length)) : null
  if (!match) throw invalidNextToken()
  const timestamp = Number(match[1])
  const seq = Number(match[2])
  if (!Number.isSafeInteger(timestamp) || !Number.isSafeInteger(seq)) throw invalidNextToken()
  return { timestamp, seq }
}

function digits(key: { timestamp: number; seq: number }): string {
  return String(key.timestamp).padStart(20, '0') + String(key.seq).padStart(36, '0')
}
