//! GetLogEvents: a page of one stream's events in (timestamp, arrival) order, with AWS's forward and backward
//! tokens. When no event lies further in a token's direction, the same token comes back: clients (the SDK
//! paginators, `aws logs tail`-style loops) stop on that, so this must hold exactly.
import type { CallContext } from '../../dispatch/index.js'
import type { LogEventRow } from '../../store/index.js'
import { namedLogGroup } from './arns.js'
import { formatEventToken, gapAfter, gapBefore, parseEventToken, type EventGap } from './event-tokens.js'
import { EVENT_OVERHEAD_BYTES } from './put-log-events.js'
import { logsScope, requireLogGroup, requireLogStream } from './records.js'

interface GetLogEventsInput {
  logGroupName?: string
  logGroupIdentifier?: string
  logStreamName: string
  startTime?: number
  endTime?: number
  nextToken?: string
  limit?: number
  startFromHead?: boolean
}

/** "as many log events as can fit in a response size of 1 MB (up to 10,000 log events)" */
export const MAX_EVENTS_PER_PAGE = 10_000
export const MAX_PAGE_BYTES = 1_048_576

function getLogEvents(input: GetLogEventsInput, ctx: CallContext) {
  const ref = namedLogGroup(input, ctx.accountId, ctx.region)
  const token = input.nextToken === undefined ? undefined : parseEventToken(input.nextToken)
  requireLogGroup(ctx, ref)
  requireLogStream(ctx, ref, input.logStreamName)
  const limit = input.limit ?? MAX_EVENTS_PER_PAGE
  const base = {
    scope: logsScope(ref),
    logGroup: ref.name,
    logStreams: [input.logStreamName],
    // startTime inclusive, endTime exclusive ("Events with a timestamp equal to or later than this time are not included").
    startTime: input.startTime,
    endTime: input.endTime,
    limit,
  }
  // Without a token, startFromHead picks the end to read from (default: the latest events).
  const forward = token ? token.direction === 'f' : input.startFromHead === true
  const rows = forward
    ? ctx.store.logEvents.query({ ...base, after: token?.gap })
    : ctx.store.logEvents.query({ ...base, upTo: token?.gap, descending: true })
  const page = withinPageBytes(rows)
  if (!forward) page.reverse()

  let forwardToken: string
  let backwardToken: string
  if (page.length > 0) {
    forwardToken = formatEventToken('f', gapAfter(page[page.length - 1]!))
    backwardToken = formatEventToken('b', gapBefore(page[0]!))
  } else {
    // Nothing further this way: hand back the caller's token unchanged, and the opposite one from the same gap.
    const gap: EventGap = token?.gap ?? { timestamp: input.startTime ?? 0, seq: 0 }
    forwardToken = token?.direction === 'f' ? input.nextToken! : formatEventToken('f', gap)
    backwardToken = token?.direction === 'b' ? input.nextToken! : formatEventToken('b', gap)
  }
  return {
    events: page.map((row) => ({ timestamp: row.timestamp, message: row.message, ingestionTime: row.ingestionTime })),
    nextForwardToken: forwardToken,
    nextBackwardToken: backwardToken,
  }
}

/** Rows (in the order read) up to the 1 MB response budget; at least one row, whatever its size. */
export function withinPageBytes(rows: LogEventRow[]): LogEventRow[] {
  let bytes = 0
  for (let i = 0; i < rows.length; i++) {
    bytes += Buffer.byteLength(rows[i]!.message, 'utf8') + EVENT_OVERHEAD_BYTES
    if (bytes > MAX_PAGE_BYTES && i > 0) return rows.slice(0, i)
  }
  return rows
}

export const getLogEventsHandlers = { GetLogEvents: getLogEvents }
