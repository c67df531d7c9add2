//! The SQLite store: one file in the data dir, WAL journal, one transaction per mutating call.
import BetterSqlite3 from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { migrate } from './migrate.js'

export type SqliteDatabase = BetterSqlite3.Database

/** How long a start waits for a previous taskrole on the same data dir to let go (a restart right after a stop). */
const LOCK_WAIT_MS = 3000

export interface Database {
  readonly sqlite: SqliteDatabase
  /** Runs fn in a transaction (nested calls become savepoints); rolls back if it throws. */
  transaction<T>(fn: () => T): T
  close(): void
}

/** Opens (creating if needed) `<dataDir>/taskrole.db`; `:memory:` gives a throwaway store for unit tests. */
export function openDatabase(dataDir: string | ':memory:', options: { lockWaitMs?: number } = {}): Database {
  let path = ':memory:'
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true })
    path = join(dataDir, 'taskrole.db')
  }
  const sqlite = new BetterSqlite3(path, { nativeBinding: nativeBinding() })
  // One taskrole owns its data dir: EXCLUSIVE locking, set before WAL is entered, keeps the WAL index in process
  // memory and takes no file locks per statement (each lock is a syscall: they were half of a read-only call's
  // store cost), and a second taskrole on the same dir is refused instead of sharing it.
  sqlite.pragma('locking_mode = EXCLUSIVE')
  sqlite.pragma(`busy_timeout = ${options.lockWaitMs ?? LOCK_WAIT_MS}`)
  try {
    // Entering WAL rewrites the header of a new file; with synchronous off, without an fsync (a few ms of a first
    // start). Only an OS crash in that moment could cost anything: the new file, still empty.
    sqlite.pragma('synchronous = OFF')
    sqlite.pragma('journal_mode = WAL')
    // WAL + synchronous=NORMAL: a committed transaction survives a process crash (kill -9); only an OS crash
    // can lose the last transactions, which is the durability a local emulator needs.
    sqlite.pragma('synchronous = NORMAL')
    // Checkpoint every ~40 MB of WAL instead of every 4 MB: a checkpoint re-reads the frames it copies, which was
    // as many reads as there had been writes; the hot pages (tasks, the audit tail) are copied once per checkpoint.
    sqlite.pragma('wal_autocheckpoint = 10000')
    sqlite.pragma('foreign_keys = ON')
    // Take the write lock now (EXCLUSIVE mode keeps it), so that a second taskrole fails at start, not later.
    sqlite.exec('BEGIN IMMEDIATE; COMMIT')
  } catch (error) {
    sqlite.close()
    if (isLocked(error)) throw new Error(`the data dir ${dataDir} is in use by another taskrole process`)
    throw error
  }
  migrate(sqlite)
  // One transaction function for every call (better-sqlite3 builds a wrapper per function given to it).
  const runInTransaction = sqlite.transaction((fn: () => unknown) => fn())
  return {
    sqlite,
    transaction<T>(fn: () => T): T {
      return runInTransaction(fn) as T
    },
    close() {
      if (sqlite.open) sqlite.close()
    },
  }
}

/**
 * better-sqlite3's compiled addon, found here rather than by the library: its own finder (the `bindings` package)
 * tries a dozen paths and reads a stack trace (several ms of every start), and it cannot find the addon at all
 * once the library is bundled into dist/taskrole.cjs.
 */
function nativeBinding(): string {
  const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
  const candidates = ['Release', 'Debug'].map((build) => join(packageDir, 'build', build, 'better_sqlite3.node'))
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error(`better-sqlite3's native addon is not built (looked for ${candidates.join(', ')}): run npm ci`)
  return found
}

function isLocked(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED'
}
