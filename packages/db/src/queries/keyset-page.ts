import { and, desc, lt, type SQL } from 'drizzle-orm'
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core'

export interface KeysetParams {
  /** Only rows with a smaller id: the cursor of the next page. */
  before?: number
  limit: number
}

export interface KeysetPage<Row> {
  rows: Row[]
  /** The cursor of the next page, or null on the last one. */
  nextBefore: number | null
}

/**
 * One page of `query` (a `$dynamic()` select without where, order or limit) newest first by `id`,
 * whose values grow with time, keeping the rows that match every one of `conditions`. One extra
 * row is read to know whether another page follows, so the last page has no cursor rather than
 * an empty page after it.
 */
export async function keysetPage<Query extends PgSelect & PromiseLike<{ id: number }[]>>(
  query: Query,
  id: PgColumn,
  conditions: SQL[],
  page: KeysetParams,
): Promise<KeysetPage<Awaited<Query>[number]>> {
  const older = page.before === undefined ? [] : [lt(id, page.before)]
  const rows: Awaited<Query> = await query
    .where(and(...conditions, ...older))
    .orderBy(desc(id))
    .limit(page.limit + 1)
  const pageRows = rows.slice(0, page.limit)
  const last = pageRows.at(-1)
  return { rows: pageRows, nextBefore: rows.length > page.limit && last ? last.id : null }
}
