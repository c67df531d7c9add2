//! Typed collections of JSON records over the documents table: every service keeps its records here.
import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase } from '../database.js'

export interface ListOptions {
  /** Only keys starting with this prefix. */
  prefix?: string
  /** Only keys strictly greater than this (for paging by key). */
  after?: string
  limit?: number
  /** Only records whose JSON fields compare so (SQLite reads them: no record is parsed just to be dropped). */
  where?: ReadonlyArray<FieldCondition>
}

/** `['$.lastStatus', '!=', 'STOPPED']`: a JSON path of the record, an operator, a string value. */
export type FieldCondition = readonly [path: `$.${string}`, operator: '=' | '!=', value: string]

export interface Collection<T> {
  get(scope: string, key: string): T | undefined
  /** Inserts or replaces. */
  put(scope: string, key: string, value: T): void
  /** Inserts only if absent; returns false when the key exists. */
  insert(scope: string, key: string, value: T): boolean
  delete(scope: string, key: string): boolean
  /** Records of one scope ordered by key. */
  list(scope: string, options?: ListOptions): T[]
  count(scope: string, prefix?: string): number
  /** Every record of the collection in every scope (for start-up recovery and cross-account lookups). */
  scan(): Array<{ scope: string; key: string; value: T }>
}

/** A record type reviver turns parsed JSON back into the type (e.g. ISO strings into Dates). */
export type Reviver<T> = (raw: any) => T

export class DocumentCollections {
  private readonly filtered = new Map<string, BetterSqlite3.Statement>()
  private readonly statements
  constructor(private readonly sqlite: SqliteDatabase) {
    this.statements = {
      get: sqlite.prepare('SELECT data FROM documents WHERE collection = ? AND scope = ? AND key = ?').pluck(),
      // An upsert keeps the row (and its id): only the data changes, and the key index is not touched.
      put: sqlite.prepare(
        'INSERT INTO documents (collection, scope, key, data) VALUES (?, ?, ?, ?) ON CONFLICT (collection, scope, key) DO UPDATE SET data = excluded.data',
      ),
      insert: sqlite.prepare('INSERT OR IGNORE INTO documents (collection, scope, key, data) VALUES (?, ?, ?, ?)'),
      delete: sqlite.prepare('DELETE FROM documents WHERE collection = ? AND scope = ? AND key = ?'),
      list: sqlite
        .prepare(
          `SELECT data FROM documents WHERE collection = ? AND scope = ? AND key >= ? AND key < ? AND key > ?
           ORDER BY key LIMIT ?`,
        )
        .pluck(),
      count: sqlite.prepare('SELECT count(*) FROM documents WHERE collection = ? AND scope = ? AND key >= ? AND key < ?').pluck(),
      scan: sqlite.prepare('SELECT scope, key, data FROM documents WHERE collection = ? ORDER BY scope, key'),
    }
  }

  /**
   * One prepared statement per collection and condition list. The collection and the values are SQL literals, not
   * parameters: SQLite matches a partial index (e.g. migration 0005's, for ListTasks) only against literals.
   * Conditions are written in code, so there are few such statements.
   */
  private filteredList(name: string, where: ReadonlyArray<FieldCondition>): BetterSqlite3.Statement {
    const shape = JSON.stringify([name, where])
    let statement = this.filtered.get(shape)
    if (!statement) {
      statement = this.sqlite.prepare(filteredListSql(name, where)).pluck()
      this.filtered.set(shape, statement)
    }
    return statement
  }

  /** How SQLite answers list() with these conditions (EXPLAIN QUERY PLAN details): which index it uses. */
  listPlan(name: string, where: ReadonlyArray<FieldCondition>): string[] {
    const plan = this.sqlite.prepare(`EXPLAIN QUERY PLAN ${filteredListSql(name, where)}`).all('', '', '\u{10FFFF}', '', -1)
    return (plan as Array<{ detail: string }>).map((row) => row.detail)
  }

  collection<T>(name: string, revive: Reviver<T> = (raw) => raw as T): Collection<T> {
    const s = this.statements
    return {
      get: (scope, key) => {
        const data = s.get.get(name, scope, key) as string | undefined
        return data === undefined ? undefined : revive(JSON.parse(data))
      },
      put: (scope, key, value) => {
        s.put.run(name, scope, key, JSON.stringify(value))
      },
      insert: (scope, key, value) => s.insert.run(name, scope, key, JSON.stringify(value)).changes === 1,
      delete: (scope, key) => s.delete.run(name, scope, key).changes === 1,
      list: (scope, options = {}) => {
        const prefix = options.prefix ?? ''
        const where = options.where ?? []
        const after = options.after ?? ''
        const limit = options.limit ?? -1
        const rows = (
          where.length
            ? this.filteredList(name, where).all(scope, prefix, prefixEnd(prefix), after, limit)
            : s.list.all(name, scope, prefix, prefixEnd(prefix), after, limit)
        ) as string[]
        return rows.map((data) => revive(JSON.parse(data)))
      },
      count: (scope, prefix = '') => s.count.get(name, scope, prefix, prefixEnd(prefix)) as number,
      scan: () =>
        (s.scan.all(name) as Array<{ scope: string; key: string; data: string }>).map((row) => ({
          scope: row.scope,
          key: row.key,
          value: revive(JSON.parse(row.data)),
        })),
    }
  }
}

/** list()'s query with field conditions; its parameters are scope, key range, `after` and limit. */
function filteredListSql(name: string, where: ReadonlyArray<FieldCondition>): string {
  const conditions = where.map(([path, operator, value]) => {
    if (!/^\$\.[A-Za-z0-9_.]+$/.test(path)) throw new Error(`not a plain JSON path: ${path}`)
    return `json_extract(data, '${path}') ${operator === '=' ? '=' : 'IS NOT'} ${sqlString(value)}`
  })
  return `SELECT data FROM documents WHERE collection = ${sqlString(name)} AND scope = ? AND key >= ? AND key < ? AND key > ?
    AND ${conditions.join(' AND ')} ORDER BY key LIMIT ?`
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

/** The smallest string greater than every string that starts with prefix. */
function prefixEnd(prefix: string): string {
  return prefix === '' ? '\u{10FFFF}' : prefix + '\u{10FFFF}'
}
