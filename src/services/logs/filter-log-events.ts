//! FilterLogEvents: events of a log group (all streams, named streams or a name prefix) in (timestamp, arrival)
//! order, filtered by time range and filter pattern, paged with nextToken. "If the results don't include a
//! nextToken, then pagination is finished."
import type { CallContext } from '../../dispatch/index.js'
import type { LogEventRow } from '../../store/index.js'
import { namedLogGroup } from './arns.js'
import { invalidParameter } from './errors.js'
import { eventId, formatFilterToken, gapAfter, parseFilterToken, type EventGap } from './event-tokens.js'
import { compileFilterPattern, requiredTerms } from './filter-pattern.js'
import { MAX_EVENTS_PER_PAGE, MAX_PAGE_BYTES } from './get-log-events.js'
import { EVENT_OVERHEAD_BYTES } from './put-log-events.js'
import { logsScope, requireLogGroup } from './records.js'

interface FilterLogEventsInput {
  logGroupName?: string
  logGroupIdentifier?: string
  logStreamNames?: string[]
  logStreamNamePrefix?: string
  startTime?: number
  endTime?: number
  filterPattern?: string
  nextToken?: string
  limit?: number
  /** "As of June 17, 2019, this parameter is ignored and the value is assumed to be true." */
  interleaved?: boolean
}

/** Rows read per query while filtering. */
const BATCH_ROWS = 1_000
/** Rows read per call (after the store's substring prefilter) before answering with what matched so far and a
 *  token ("A returned page might only be partially full, or even empty"), so one call stays bounded. */
export const SCAN_BUDGET_ROWS = 50_000

function filterLogEvents(input: FilterLogEventsInput, ctx: CallContext) {
  const ref = namedLogGroup(input, ctx.accountId, ctx.region)
  if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
    // "If you specify a value for both logStreamNames and logStreamNamePrefix, the action returns an InvalidParameterException error."
    throw invalidParameter('You cannot specify both logStreamNames and logStreamNamePrefix.')
  }
  const matches = compileFilterPattern(input.filterPattern)
  let cursor: EventGap | undefined = input.nextToken === undefined ? undefined : parseFilterToken(input.nextToken)
  requireLogGroup(ctx, ref)
  const limit = input.limit ?? MAX_EVENTS_PER_PAGE
  const query = {
    scope: logsScope(ref),
    logGroup: ref.name,
    logStreams: input.logStreamNames,
    logStreamPrefix: input.logStreamNamePrefix,
    messageContains: requiredTerms(input.filterPattern),
    startTime: input.startTime,
    // endTime is inclusive here ("Events with a timestamp later than this time are not returned").
    endTime: input.endTime === undefined ? undefined : input.endTime + 1,
  }
  const found: LogEventRow[] = []
  let bytes = 0
  let scanned = 0
  let more = true
  while (found.length < limit && scanned < SCAN_BUDGET_ROWS) {
    const rows = ctx.store.logEvents.query({ ...query, after: cursor, limit: BATCH_ROWS })
    let stop = false
    for (const row of rows) {
      scanned++
      if (matches(row.message)) {
        const size = Buffer.byteLength(row.message, 'utf8') + EVENT_OVERHEAD_BYTES
        if (found.length > 0 && bytes + size > MAX_PAGE_BYTES) {
          stop = true
          break
        }
        bytes += size
        found.push(row)
      }
      cursor = gapAfter(row)
      if (found.length >= limit) {
        stop = true
        break
      }
    }
    if (stop) break
    if (rows.length < BATCH_ROWS) {
      more = false
      break
    }
  }
  return {
    events: found.map((row) => ({
      logStreamName: row.logStream,
      timestamp: row.timestamp,
      message: row.message,
      ingestionTime: row.ingestionTime,
      eventId: eventId(row),
    })),
    // "As of May 15, 2020, this parameter is no longer supported. This parameter returns an empty list."
    searchedLogStreams: [],
    nextToken: more && cursor ? formatFilterToken(cursor) : undefined,
  }
}

export const filterLogEventsHandlers = { FilterLogEvents: filterLogEvents }
