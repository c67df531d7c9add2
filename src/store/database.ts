//! The SQLite store: one file in the data dir, WAL journal, one transaction per mutating call.
import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from './migrate.js'

export type SqliteDatabase = BetterSqlite3.Database

export interface Database {
  readonly sqlite: SqliteDatabase
  /** Runs fn in a transaction (nested calls become savepoints); rolls back if it throws. */
  transaction<T>(fn: () => T): T
  close(): void
}

/** Opens (creating if needed) `<dataDir>/taskrole.db`; `:memory:` gives a throwaway store for unit tests. */
export function openDatabase(dataDir: string | ':memory:'): Database {
  let path = ':memory:'
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true })
    path = join(dataDir, 'taskrole.db')
  }
  const sqlite = new BetterSqlite3(path)
  // WAL + synchronous=NORMAL: a committed transaction survives a process crash (kill -9); only an OS crash
  // can lose the last transactions, which is the durability a local emulator needs.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  migrate(sqlite)
  return {
    sqlite,
    transaction<T>(fn: () => T): T {
      return sqlite.transaction(fn)()
    },
    close() {
      if (sqlite.open) sqlite.close()
    },
  }
}
