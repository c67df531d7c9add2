//! CloudWatch Logs events, stored one row each so that reads by stream and time range stay indexed.
import type { SqliteDatabase } from '../database.js'

export interface LogEventRow {
  seq: number
  scope: string
  logGroup: string
  logStream: string
  timestamp: number
  ingestionTime: number
  message: string
}

/** An event's place in read order: by timestamp, then by arrival (seq). */
export interface LogEventKey {
  timestamp: number
  seq: number
}

export interface LogEventQuery {
  scope: string
  logGroup: string
  /** One stream, or any of these streams (FilterLogEvents), or all streams of the group when absent. */
  logStreams?: string[]
  /** Only streams whose name starts with this (FilterLogEvents logStreamNamePrefix). */
  logStreamPrefix?: string
  /** Only messages containing every one of these strings (case-sensitive): FilterLogEvents' plain terms, applied
   *  in SQL so that a selective pattern does not pull every row of a large group into JavaScript. */
  messageContains?: string[]
  /** Inclusive lower bound on timestamp. */
  startTime?: number
  /** Exclusive upper bound on timestamp. */
  endTime?: number
  /** Paging: events after this seq (ascending order) or before it (descending order). */
  afterSeq?: number
  beforeSeq?: number
  /** Paging in read order: events whose (timestamp, seq) is greater than this key. */
  after?: LogEventKey
  /** Paging in read order: events whose (timestamp, seq) is at most this key. */
  upTo?: LogEventKey
  descending?: boolean
  limit: number
}

export class LogEvents {
  private readonly insertStatement
  private readonly deleteGroupStatement
  private readonly deleteStreamStatement
  /** Queries differ only in which optional bounds they carry, so there are few shapes: prepare each once. */
  private readonly queryStatements = new Map<string, ReturnType<SqliteDatabase['prepare']>>()
  constructor(private readonly sqlite: SqliteDatabase) {
    this.insertStatement = sqlite.prepare(
      'INSERT INTO log_events (scope, log_group, log_stream, timestamp, ingestion_time, message) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.deleteGroupStatement = sqlite.prepare('DELETE FROM log_events WHERE scope = ? AND log_group = ?')
    this.deleteStreamStatement = sqlite.prepare('DELETE FROM log_events WHERE scope = ? AND log_group = ? AND log_stream = ?')
  }

  append(scope: string, logGroup: string, logStream: string, events: Array<{ timestamp: number; message: string }>, ingestionTime: number): void {
    for (const event of events) this.insertStatement.run(scope, logGroup, logStream, event.timestamp, ingestionTime, event.message)
  }

  deleteGroup(scope: string, logGroup: string): void {
    this.deleteGroupStatement.run(scope, logGroup)
  }

  deleteStream(scope: string, logGroup: string, logStream: string): void {
    this.deleteStreamStatement.run(scope, logGroup, logStream)
  }

  query(query: LogEventQuery): LogEventRow[] {
    const where = ['scope = @scope', 'log_group = @logGroup']
    const params: Record<string, unknown> = { scope: query.scope, logGroup: query.logGroup, limit: query.limit }
    if (query.logStreams) {
      const names = query.logStreams.map((name, i) => ((params[`s${i}`] = name), `@s${i}`))
      where.push(names.length ? `log_stream IN (${names.join(', ')})` : '0')
    }
    if (query.logStreamPrefix !== undefined) {
      where.push('log_stream >= @prefix AND log_stream < @prefixEnd')
      params.prefix = query.logStreamPrefix
      params.prefixEnd = query.logStreamPrefix + '\u{10FFFF}'
    }
    query.messageContains?.forEach((text, i) => {
      where.push(`instr(message, @contains${i}) > 0`)
      params[`contains${i}`] = text
    })
    if (query.startTime !== undefined) (where.push('timestamp >= @startTime'), (params.startTime = query.startTime))
    if (query.endTime !== undefined) (where.push('timestamp < @endTime'), (params.endTime = query.endTime))
    if (query.afterSeq !== undefined) (where.push('seq > @afterSeq'), (params.afterSeq = query.afterSeq))
    if (query.beforeSeq !== undefined) (where.push('seq < @beforeSeq'), (params.beforeSeq = query.beforeSeq))
    // Row values keep the (timestamp, seq) bound usable by both indexes, which end in (timestamp, seq).
    if (query.after) {
      where.push('(timestamp, seq) > (@afterTimestamp, @afterKeySeq)')
      params.afterTimestamp = query.after.timestamp
      params.afterKeySeq = query.after.seq
    }
    if (query.upTo) {
      where.push('(timestamp, seq) <= (@upToTimestamp, @upToSeq)')
      params.upToTimestamp = query.upTo.timestamp
      params.upToSeq = query.upTo.seq
    }
    const order = query.descending ? 'timestamp DESC, seq DESC' : 'timestamp, seq'
    const sql = `SELECT seq, scope, log_group AS logGroup, log_stream AS logStream, timestamp, ingestion_time AS ingestionTime, message
      FROM log_events WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`
    let statement = this.queryStatements.get(sql)
    if (!statement) {
      statement = this.sqlite.prepare(sql)
      // Stream lists of different lengths make distinct texts; keep the cache bounded.
      if (this.queryStatements.size < 256) this.queryStatements.set(sql, statement)
    }
    return statement.all(params) as LogEventRow[]
  }
}
