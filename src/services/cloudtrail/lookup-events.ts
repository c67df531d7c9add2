//! LookupEvents: the caller's account's recorded management events, newest first, filtered by at most one lookup
//! attribute and a time range, in pages of up to 50 (CloudTrail API Reference, LookupEvents).
import type { AuthorizationRequirement, CallContext } from '../../dispatch/index.js'
import type { AuditQuery } from '../../store/index.js'
import { invalidLookupAttributes, invalidMaxResults, invalidNextToken, invalidTimeRange } from './errors.js'
import { eventSummary } from './event-summary.js'
import { decodeNextToken, encodeNextToken, queryFingerprint } from './next-token.js'

type LookupAttributeKey = NonNullable<AuditQuery['attribute']>['key']

interface LookupEventsInput {
  LookupAttributes?: Array<{ AttributeKey: LookupAttributeKey; AttributeValue: string }>
  StartTime?: Date
  EndTime?: Date
  EventCategory?: string
  MaxResults?: number
  NextToken?: string
}

const MAX_RESULTS = 50
/** Event history keeps the last 90 days (CloudTrail User Guide, "Working with CloudTrail event history"). */
const HISTORY_MS = 90 * 24 * 3_600 * 1_000

/** cloudtrail:LookupEvents takes no resource (Service Authorization Reference, AWS CloudTrail). */
export function lookupEventsAuthorization(): AuthorizationRequirement[] {
  return [{ action: 'cloudtrail:LookupEvents', resource: '*' }]
}

export function lookupEvents(input: LookupEventsInput, ctx: CallContext) {
  const attributes = input.LookupAttributes ?? []
  // "Currently the list can contain only one item."
  if (attributes.length > 1) throw invalidLookupAttributes('Only one lookup attribute is allowed.')
  const attribute = attributes[0]
  if (attribute?.AttributeKey === 'ReadOnly' && !/^(true|false)$/.test(attribute.AttributeValue)) {
    throw invalidLookupAttributes('The value of the ReadOnly lookup attribute must be true or false.')
  }
  if (input.StartTime && input.EndTime && input.StartTime.getTime() > input.EndTime.getTime()) throw invalidTimeRange()
  const maxResults = input.MaxResults ?? MAX_RESULTS
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS) throw invalidMaxResults()

  const filters = {
    account: ctx.accountId,
    attribute: attribute ? { key: attribute.AttributeKey, value: attribute.AttributeValue } : undefined,
    startTime: input.StartTime?.getTime(),
    endTime: input.EndTime?.getTime(),
    category: input.EventCategory,
  }
  const fingerprint = queryFingerprint(filters)
  const boundary = input.NextToken !== undefined ? decodeNextToken(input.NextToken, fingerprint) : undefined
  // The event a token stopped at is gone or another one after a reset: the token belongs to a trail that is no more.
  if (boundary && ctx.store.audit.eventIdAt(boundary.seq) !== boundary.eventId) throw invalidNextToken()
  // Insights events are never generated here: there are none to return.
  if (input.EventCategory === 'insight') return { Events: [] }

  const rows = ctx.store.audit.lookup({
    account: ctx.accountId,
    attribute: filters.attribute,
    // Event times have whole seconds, so an EndTime of 12:00:00 includes an event at 12:00:00.400.
    startTime: Math.max(floorToSecond(filters.startTime ?? 0), ctx.now.getTime() - HISTORY_MS),
    endTime: filters.endTime === undefined ? undefined : floorToSecond(filters.endTime) + 999,
    beforeSeq: boundary?.seq,
    limit: maxResults + 1,
  })
  const page = rows.slice(0, maxResults)
  const more = rows.length > maxResults
  return {
    Events: page.map(eventSummary),
    NextToken: more ? encodeNextToken(page[page.length - 1]!, fingerprint) : undefined,
  }
}

function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}
