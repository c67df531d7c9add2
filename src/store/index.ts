//! The store's public face: the database, typed document collections, the audit trail and log events.
import { openDatabase, type Database } from './database.js'
import { DocumentCollections } from './repositories/documents.js'
import { AuditEvents } from './repositories/audit-events.js'
import { LogEvents } from './repositories/log-events.js'

export type { Database } from './database.js'
export type { Collection, FieldCondition, ListOptions, Reviver } from './repositories/documents.js'
export type { AuditEventRow, AuditQuery } from './repositories/audit-events.js'
export type { LogEventRow, LogEventQuery } from './repositories/log-events.js'
export * from './repositories/iam-records.js'
export * from './repositories/sessions.js'

export interface Store {
  readonly database: Database
  readonly documents: DocumentCollections
  readonly audit: AuditEvents
  readonly logEvents: LogEvents
  transaction<T>(fn: () => T): T
  /** Wipes every record (POST /_taskrole/reset); the schema stays. */
  reset(): void
  close(): void
}

export function openStore(dataDir: string | ':memory:'): Store {
  const database = openDatabase(dataDir)
  const sqlite = database.sqlite
  const audit = new AuditEvents(sqlite)
  return {
    database,
    documents: new DocumentCollections(sqlite),
    audit,
    logEvents: new LogEvents(sqlite),
    transaction: (fn) => database.transaction(fn),
    reset: () => {
      audit.discardPending()
      database.transaction(() => {
        sqlite.exec('DELETE FROM documents; DELETE FROM audit_events; DELETE FROM log_events;')
      })
    },
    close: () => {
      // Rows of the last read-only and failed calls are written before the file closes (SIGTERM, tests).
      if (database.sqlite.open) audit.flush()
      database.close()
    },
  }
}
export * from './repositories/ecs-records.js'
export * from './repositories/ec2-network.js'
