//! Applies the numbered migrations in order, once each, recording them in user_version.
import type BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS } from './migrations/index.js'

export function migrate(sqlite: BetterSqlite3.Database, migrations: readonly string[] = MIGRATIONS): void {
  const current = sqlite.pragma('user_version', { simple: true }) as number
  if (current >= migrations.length) return
  // Every pending migration in one transaction: an upgrade applies whole or not at all, and a new data dir (all of
  // them pending) is one commit rather than one per migration, a few ms of a first start.
  sqlite.transaction(() => {
    for (let version = current; version < migrations.length; version++) sqlite.exec(migrations[version]!)
    sqlite.pragma(`user_version = ${migrations.length}`)
  })()
}
