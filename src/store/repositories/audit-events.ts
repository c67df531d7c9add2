//! The audit trail: one row per call (allowed, denied or failed), with CloudTrail's lookup attributes as columns.
//! Rows of calls that changed nothing wait in memory and are written together (write-behind, see `defer`).
import type { SqliteDatabase } from '../database.js'

export interface AuditEventRow {
  eventId: string
  account: string
  eventTime: number
  eventName: string
  eventSource: string
  username: string | undefined
  accessKeyId: string | undefined
  readOnly: boolean
  resourceNames: string[]
  /** 'allowed' | 'denied' | 'audit-denied' (audit mode) | 'none' (no authorization needed) */
  decision: string
  /** The CloudTrail record (JSON text). */
  record: string
  /** The decision's explanation (JSON text), if any. */
  explanation: string | undefined
}

export interface AuditQuery {
  account: string
  startTime?: number
  endTime?: number
  attribute?: { key: 'EventId' | 'EventName' | 'Username' | 'ResourceName' | 'AccessKeyId' | 'ReadOnly' | 'EventSource' | 'ResourceType'; value: string }
  /** Continue after this seq (exclusive), newest first. */
  beforeSeq?: number
  limit: number
}

/** How long a deferred row may wait in memory before it is written. CloudTrail itself delivers within minutes. */
export const AUDIT_FLUSH_MS = 100
/** More rows than this are written at once, whatever their age. */
const MAX_PENDING = 1000

/** `taskrole explain --last-denied`. INVARIANT: its WHERE term is migration 0004's partial index's, character for
 *  character (SQLite uses a partial index only then); the migration's test checks the plan. */
export const LAST_DENIED_SQL = "SELECT * FROM audit_events WHERE decision IN ('denied', 'audit-denied') ORDER BY seq DESC LIMIT 1"

export class AuditEvents {
  private readonly insertStatement
  private readonly byIdStatement
  private readonly lastDeniedStatement
  private readonly eventIdAtStatement
  private pending: AuditEventRow[] = []
  private flushTimer: NodeJS.Timeout | undefined
  constructor(private readonly sqlite: SqliteDatabase) {
    this.insertStatement = sqlite.prepare(
      `INSERT INTO audit_events (event_id, account, event_time, event_name, event_source, username, access_key_id, read_only,
         resource_names, decision, record, explanation)
       VALUES (@eventId, @account, @eventTime, @eventName, @eventSource, @username, @accessKeyId, @readOnly, @resourceNames,
         @decision, @record, @explanation)`,
    )
    this.byIdStatement = sqlite.prepare('SELECT * FROM audit_events WHERE event_id = ?')
    this.lastDeniedStatement = sqlite.prepare(LAST_DENIED_SQL)
    this.eventIdAtStatement = sqlite.prepare('SELECT event_id FROM audit_events WHERE seq = ?').pluck()
  }

  /** Writes the row now, in the caller's transaction. The dispatcher writes the waiting rows at the start of
   *  that transaction (insertPending), so the trail keeps the order of the calls. */
  append(row: AuditEventRow): void {
    this.insert(row)
  }

  /**
   * Keeps the row in memory and writes it within AUDIT_FLUSH_MS, together with the others waiting: a read-only
   * call then costs no commit of its own (one commit was most of such a call's cost). Reads of the trail write
   * the waiting rows first, so nobody in this process sees them missing; a SIGTERM writes them (close); only a
   * crash (kill -9) within AUDIT_FLUSH_MS of such a call can lose its row, never a change's.
   */
  defer(row: AuditEventRow): void {
    this.pending.push(row)
    if (this.pending.length >= MAX_PENDING) this.flush()
    else this.flushTimer ??= setTimeout(() => this.flush(), AUDIT_FLUSH_MS).unref()
  }

  /**
   * Writes the waiting rows in a transaction of their own. Inside a transaction it does nothing: a call that reads
   * the trail had the dispatcher write them at the start of its transaction, and rows written here could roll back
   * with the call.
   */
  flush(): void {
    if (this.pending.length === 0 || this.sqlite.inTransaction) return
    this.sqlite.transaction(() => this.insertPending())()
  }

  /**
   * Inserts the waiting rows into the current transaction and hands them back: if that transaction rolls back,
   * the caller gives them to `requeue` so that they are not lost with it.
   */
  insertPending(): AuditEventRow[] {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = undefined
    const rows = this.pending
    if (rows.length === 0) return rows
    this.pending = []
    for (const row of rows) this.insert(row)
    return rows
  }

  /** Rows whose transaction rolled back wait again, ahead of the newer ones. */
  requeue(rows: AuditEventRow[]): void {
    if (rows.length === 0) return
    this.pending = rows.concat(this.pending)
    this.flushTimer ??= setTimeout(() => this.flush(), AUDIT_FLUSH_MS).unref()
  }

  /** Forgets the waiting rows (reset wipes the trail). */
  discardPending(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer)
    this.flushTimer = undefined
    this.pending = []
  }

  private insert(row: AuditEventRow): void {
    this.insertStatement.run({
      ...row,
      username: row.username ?? null,
      accessKeyId: row.accessKeyId ?? null,
      readOnly: row.readOnly ? 1 : 0,
      // Newline-separated with sentinels so that a LIKE match is an exact-name match.
      resourceNames: row.resourceNames.length ? `\n${row.resourceNames.join('\n')}\n` : '',
      explanation: row.explanation ?? null,
    })
  }

  byId(eventId: string): (AuditEventRow & { seq: number }) | undefined {
    this.flush()
    const row = this.byIdStatement.get(eventId)
    return row ? toRow(row) : undefined
  }

  /** The id of the event numbered seq, if the trail has one. */
  eventIdAt(seq: number): string | undefined {
    this.flush()
    return this.eventIdAtStatement.get(seq) as string | undefined
  }

  lastDenied(): (AuditEventRow & { seq: number }) | undefined {
    this.flush()
    const row = this.lastDeniedStatement.get()
    return row ? toRow(row) : undefined
  }

  /** Newest first, as CloudTrail LookupEvents returns them. */
  lookup(query: AuditQuery): Array<AuditEventRow & { seq: number }> {
    this.flush()
    const where = ['account = @account']
    const params: Record<string, unknown> = { account: query.account, limit: query.limit }
    if (query.startTime !== undefined) (where.push('event_time >= @startTime'), (params.startTime = query.startTime))
    if (query.endTime !== undefined) (where.push('event_time <= @endTime'), (params.endTime = query.endTime))
    if (query.beforeSeq !== undefined) (where.push('seq < @beforeSeq'), (params.beforeSeq = query.beforeSeq))
    const attribute = query.attribute
    if (attribute) {
      params.value = attribute.value
      switch (attribute.key) {
        case 'EventId': where.push('event_id = @value'); break
        case 'EventName': where.push('event_name = @value'); break
        case 'Username': where.push('username = @value'); break
        case 'AccessKeyId': where.push('access_key_id = @value'); break
        case 'EventSource': where.push('event_source = @value'); break
        case 'ReadOnly': where.push('read_only = @flag'); params.flag = attribute.value.toLowerCase() === 'true' ? 1 : 0; break
        case 'ResourceName': where.push("instr(resource_names, char(10) || @value || char(10)) > 0"); break
        case 'ResourceType': where.push("instr(record, @value) > 0"); break
      }
    }
    const sql = `SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`
    return this.sqlite.prepare(sql).all(params).map(toRow)
  }
}

function toRow(raw: any): AuditEventRow & { seq: number } {
  return {
    seq: raw.seq,
    eventId: raw.event_id,
    account: raw.account,
    eventTime: raw.event_time,
    eventName: raw.event_name,
    eventSource: raw.event_source,
    username: raw.username ?? undefined,
    accessKeyId: raw.access_key_id ?? undefined,
    readOnly: raw.read_only === 1,
    resourceNames: raw.resource_names ? String(raw.resource_names).split('\n').filter(Boolean) : [],
    decision: raw.decision,
    record: raw.record,
    explanation: raw.explanation ?? undefined,
  }
}
