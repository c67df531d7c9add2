//! Log streams: CreateLogStream, DeleteLogStream, DescribeLogStreams (CloudWatch Logs API Reference).
import type { CallContext } from '../../dispatch/index.js'
import { logStreamArn, namedLogGroup, type LogGroupRef } from './arns.js'
import { cannotOrderByLastEventTimeWithPrefix, deletionProtected, logStreamAlreadyExists } from './errors.js'
import { auditLogGroup } from './log-groups.js'
import { compareText, pageOf } from './paging.js'
import {
  logGroups,
  logStreamKey,
  logStreamKeyPrefix,
  logStreams,
  logsScope,
  ownRef,
  requireLogGroup,
  requireLogStream,
  type LogStreamRecord,
} from './records.js'

interface StreamInput {
  logGroupName: string
  logStreamName: string
}

interface DescribeLogStreamsInput {
  logGroupName?: string
  logGroupIdentifier?: string
  logStreamNamePrefix?: string
  orderBy?: 'LogStreamName' | 'LastEventTime'
  descending?: boolean
  nextToken?: string
  limit?: number
}

/**
 * The deprecated sequence token: PutLogEvents ignores what it is sent ("The sequence token is now ignored"), but
 * still answers one, and DescribeLogStreams shows it once the stream has had an upload.
 */
export function sequenceToken(uploads: number): string {
  return String(uploads).padStart(56, '0')
}

/** The LogStream structure; storedBytes "is always reported as zero" for streams since June 2019. */
export function logStreamOutput(ref: LogGroupRef, stream: LogStreamRecord) {
  return {
    logStreamName: stream.logStreamName,
    creationTime: stream.creationTime,
    firstEventTimestamp: stream.firstEventTimestamp,
    lastEventTimestamp: stream.lastEventTimestamp,
    lastIngestionTime: stream.lastIngestionTime,
    uploadSequenceToken: stream.uploads > 0 ? sequenceToken(stream.uploads) : undefined,
    arn: logStreamArn(ref, stream.logStreamName),
    storedBytes: 0,
  }
}

function createLogStream(input: StreamInput, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  requireLogGroup(ctx, ref)
  const stream: LogStreamRecord = {
    logGroupName: input.logGroupName,
    logStreamName: input.logStreamName,
    creationTime: ctx.now.getTime(),
    uploads: 0,
    storedBytes: 0,
  }
  if (!logStreams(ctx).insert(logsScope(ref), logStreamKey(ref.name, input.logStreamName), stream)) throw logStreamAlreadyExists()
  auditLogGroup(ctx, ref)
  return {}
}

function deleteLogStream(input: StreamInput, ctx: CallContext) {
  const ref = ownRef(ctx, input.logGroupName)
  const group = requireLogGroup(ctx, ref)
  if (group.deletionProtectionEnabled) throw deletionProtected(group.logGroupName)
  const stream = requireLogStream(ctx, ref, input.logStreamName)
  const scope = logsScope(ref)
  ctx.store.logEvents.deleteStream(scope, ref.name, input.logStreamName)
  logStreams(ctx).delete(scope, logStreamKey(ref.name, input.logStreamName))
  logGroups(ctx).put(scope, ref.name, { ...group, storedBytes: Math.max(0, group.storedBytes - stream.storedBytes) })
  auditLogGroup(ctx, ref)
  return {}
}

function describeLogStreams(input: DescribeLogStreamsInput, ctx: CallContext) {
  const ref = namedLogGroup(input, ctx.accountId, ctx.region)
  const orderBy = input.orderBy ?? 'LogStreamName'
  // "If orderBy is LastEventTime, you cannot specify this parameter." (logStreamNamePrefix)
  if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) throw cannotOrderByLastEventTimeWithPrefix()
  requireLogGroup(ctx, ref)
  const prefix = logStreamKeyPrefix(ref.name) + (input.logStreamNamePrefix ?? '')
  const streams = logStreams(ctx).list(logsScope(ref), { prefix })
  const keyOf =
    orderBy === 'LastEventTime'
      ? (s: LogStreamRecord) => `${String(s.lastEventTimestamp ?? 0).padStart(20, '0')}:${s.logStreamName}`
      : (s: LogStreamRecord) => s.logStreamName
  const compare = input.descending ? (a: string, b: string) => compareText(b, a) : compareText
  const ordered = [...streams].sort((a, b) => compare(keyOf(a), keyOf(b)))
  const page = pageOf(ordered, input, keyOf, compare)
  return { logStreams: page.items.map((stream) => logStreamOutput(ref, stream)), nextToken: page.nextToken }
}

export const logStreamHandlers = {
  CreateLogStream: createLogStream,
  DeleteLogStream: deleteLogStream,
  DescribeLogStreams: describeLogStreams,
}
