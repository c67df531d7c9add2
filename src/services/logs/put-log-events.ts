//! PutLogEvents: checks a batch as the API Reference describes, stores the accepted events in the call's one
//! transaction and reports rejected ones in rejectedLogEventsInfo.
import type { CallContext } from '../../dispatch/index.js'
import { batchSpansMoreThan24Hours, logEventTooLarge, notChronological, uploadTooLarge } from './errors.js'
import { auditLogGroup } from './log-groups.js'
import { sequenceToken } from './log-streams.js'
import { logGroups, logStreamKey, logStreams, logsScope, ownRef, requireLogGroup, requireLogStream } from './records.js'

interface PutLogEventsInput {
  logGroupName: string
  logStreamName: string
  logEvents: Array<{ timestamp: number; message: string }>
  /** "The sequenceToken parameter is now ignored in PutLogEvents actions." */
  sequenceToken?: string
}

/** "The maximum batch size is 1,048,576 bytes … the sum of all event messages in UTF-8, plus 26 bytes for each log event." */
export const MAX_BATCH_BYTES = 1_048_576
export const EVENT_OVERHEAD_BYTES = 26
/** "Each log event can be no larger than 1 MB." */
export const MAX_EVENT_BYTES = 1_048_576

const HOUR = 3_600_000
const DAY = 24 * HOUR

export interface RejectedLogEventsInfo {
  tooNewLogEventStartIndex?: number
  tooOldLogEventEndIndex?: number
  expiredLogEventEndIndex?: number
}

function putLogEvents(input: PutLogEventsInput, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  const group = requireLogGroup(ctx, ref)
  const stream = requireLogStream(ctx, ref, input.logStreamName)
  const sizes = checkBatch(input.logEvents)
  const now = ctx.now.getTime()
  const { accepted, rejected } = classify(input.logEvents, now, group.retentionInDays)
  // "For valid events (within 14 days in the past to 2 hours in future), the time span in a single batch cannot
  // exceed 24 hours. Otherwise, the operation fails."
  if (accepted.length > 0 && input.logEvents[accepted[accepted.length - 1]!]!.timestamp - input.logEvents[accepted[0]!]!.timestamp > DAY) {
    throw batchSpansMoreThan24Hours()
  }
  const scope = logsScope(ref)
  const events = accepted.map((index) => input.logEvents[index]!)
  const bytes = accepted.reduce((sum, index) => sum + sizes[index]!, 0)
  ctx.store.logEvents.append(scope, ref.name, input.logStreamName, events, now)
  const uploads = stream.uploads + 1
  const first = events[0]?.timestamp
  const last = events[events.length - 1]?.timestamp
  logStreams(ctx).put(scope, logStreamKey(ref.name, input.logStreamName), {
    ...stream,
    firstEventTimestamp: first === undefined ? stream.firstEventTimestamp : Math.min(first, stream.firstEventTimestamp ?? first),
    lastEventTimestamp: last === undefined ? stream.lastEventTimestamp : Math.max(last, stream.lastEventTimestamp ?? last),
    lastIngestionTime: events.length > 0 ? now : stream.lastIngestionTime,
    uploads,
    storedBytes: stream.storedBytes + bytes,
  })
  if (bytes > 0) logGroups(ctx).put(scope, ref.name, { ...group, storedBytes: group.storedBytes + bytes })
  auditLogGroup(ctx, ref)
  return {
    nextSequenceToken: sequenceToken(uploads),
    rejectedLogEventsInfo: Object.keys(rejected).length > 0 ? rejected : undefined,
  }
}

/** The batch-wide rules that fail the whole call; returns each message's UTF-8 size. */
function checkBatch(events: PutLogEventsInput['logEvents']): number[] {
  const sizes = events.map((event) => Buffer.byteLength(event.message, 'utf8'))
  let total = 0
  for (const size of sizes) {
    if (size + EVENT_OVERHEAD_BYTES > MAX_EVENT_BYTES) throw logEventTooLarge(size + EVENT_OVERHEAD_BYTES, MAX_EVENT_BYTES)
    total += size + EVENT_OVERHEAD_BYTES
  }
  if (total > MAX_BATCH_BYTES) throw uploadTooLarge(total, MAX_BATCH_BYTES)
  for (let i = 1; i < events.length; i++) if (events[i]!.timestamp < events[i - 1]!.timestamp) throw notChronological()
  return sizes
}

/**
 * "Events more than 2 hours in the future are rejected while processing remaining valid events. Events older than
 * 14 days or preceding the log group's retention period are rejected while processing remaining valid events."
 * The batch is in chronological order, so the rejected events form a head (too old, expired) and a tail (too new).
 */
export function classify(
  events: ReadonlyArray<{ timestamp: number }>,
  now: number,
  retentionInDays: number | undefined,
): { accepted: number[]; rejected: RejectedLogEventsInfo } {
  const rejected: RejectedLogEventsInfo = {}
  const accepted: number[] = []
  const oldest = now - 14 * DAY
  const newest = now + 2 * HOUR
  const expiry = retentionInDays === undefined ? undefined : now - retentionInDays * DAY
  events.forEach((event, index) => {
    let ok = true
    if (event.timestamp > newest) {
      rejected.tooNewLogEventStartIndex ??= index
      ok = false
    }
    if (event.timestamp < oldest) {
      rejected.tooOldLogEventEndIndex = index
      ok = false
    }
    if (expiry !== undefined && event.timestamp < expiry) {
      rejected.expiredLogEventEndIndex = index
      ok = false
    }
    if (ok) accepted.push(index)
  })
  return { accepted, rejected }
}

export const putLogEventsHandlers = { PutLogEvents: putLogEvents }
