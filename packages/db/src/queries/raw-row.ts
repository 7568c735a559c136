import { getTableColumns } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'

/**
 * A raw row of `table` (column names, driver values), as `db.execute` returns it from a statement
 * drizzle cannot build, made into what drizzle's own selects return.
 */
export function rowOf<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const entries = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = raw[column.name]
    return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)]
  })
  return Object.fromEntries(entries) as T['$inferSelect']
}
