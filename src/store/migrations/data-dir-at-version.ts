//! For migration tests: a data dir as an earlier taskrole left it, with the schema of its first `version` migrations.
import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MIGRATIONS } from './index.js'

/** Creates the dir, lets `seed` write the old schema's rows, and closes the file; the caller removes the dir. */
export function dataDirAtVersion(version: number, seed: (sqlite: BetterSqlite3.Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), `taskrole-v${version}-`))
  const sqlite = new BetterSqlite3(join(dir, 'taskrole.db'))
  sqlite.pragma('journal_mode = WAL')
  for (const migration of MIGRATIONS.slice(0, version)) sqlite.exec(migration)
  sqlite.pragma(`user_version = ${version}`)
  seed(sqlite)
  sqlite.close()
  return dir
}
