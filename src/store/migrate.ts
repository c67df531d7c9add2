//! Applies the numbered migrations in order, once each, recording them in user_version.
import type BetterSqlite3 from 'better-sqlite3'
import { MIGRATIONS } from './migrations/index.js'

export function migrate(sqlite: BetterSqlite3.Database): void {
  const current = sqlite.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    sqlite.transaction(() => {
      sqlite.exec(MIGRATIONS[version]!)
      sqlite.pragma(`user_version = ${version + 1}`)
    })()
  }
}
