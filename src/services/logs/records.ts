//! Stored log groups and streams: document records scoped `<account>/<region>`, streams keyed under their group.
import type { CallContext } from '../../dispatch/index.js'
import type { Collection } from '../../store/index.js'
import type { LogGroupRef } from './arns.js'
import { logGroupNotFound, logStreamNotFound } from './errors.js'

export const LOGS_COLLECTIONS = { groups: 'logs.group', streams: 'logs.stream' } as const

export interface LogGroupRecord {
  logGroupName: string
  /** Milliseconds since the epoch, as the API reports it. */
  creationTime: number
  retentionInDays?: number
  kmsKeyId?: string
  logGroupClass: 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY'
  deletionProtectionEnabled: boolean
  tags: Record<string, string>
  /** UTF-8 bytes of the messages stored in all streams. */
  storedBytes: number
}

export interface LogStreamRecord {
  logGroupName: string
  logStreamName: string
  creationTime: number
  firstEventTimestamp?: number
  lastEventTimestamp?: number
  lastIngestionTime?: number
  /** PutLogEvents calls accepted so far; the (ignored) sequence tokens are derived from it. */
  uploads: number
  /** UTF-8 bytes of the stream's messages, so deleting it can lower the group's storedBytes. */
  storedBytes: number
}

export function logsScope(ref: { account: string; region: string }): string {
  return `${ref.account}/${ref.region}`
}

/** Group names cannot contain ':' (pattern `[.\-_/#A-Za-z0-9]+`), so `<group>:` prefixes exactly its streams. */
export function logStreamKey(logGroupName: string, logStreamName: string): string {
  return `${logGroupName}:${logStreamName}`
}

export function logStreamKeyPrefix(logGroupName: string): string {
  return `${logGroupName}:`
}

export function logGroups(ctx: CallContext): Collection<LogGroupRecord> {
  return ctx.store.documents.collection<LogGroupRecord>(LOGS_COLLECTIONS.groups)
}

export function logStreams(ctx: CallContext): Collection<LogStreamRecord> {
  return ctx.store.documents.collection<LogStreamRecord>(LOGS_COLLECTIONS.streams)
}

export function findLogGroup(ctx: CallContext, ref: LogGroupRef): LogGroupRecord | undefined {
  return logGroups(ctx).get(logsScope(ref), ref.name)
}

export function requireLogGroup(ctx: CallContext, ref: LogGroupRef): LogGroupRecord {
  const group = findLogGroup(ctx, ref)
  if (!group) throw logGroupNotFound()
  return group
}

export function requireLogStream(ctx: CallContext, ref: LogGroupRef, logStreamName: string): LogStreamRecord {
  const stream = logStreams(ctx).get(logsScope(ref), logStreamKey(ref.name, logStreamName))
  if (!stream) throw logStreamNotFound()
  return stream
}

/** The caller's own account and Region: where names (not ARNs) point. */
export function ownRef(ctx: CallContext, name: string): LogGroupRef {
  return { account: ctx.accountId, region: ctx.region, name }
}
