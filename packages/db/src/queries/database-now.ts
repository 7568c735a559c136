import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'

/** The database's clock: what to compare with times the database itself writes (`now()`). */
export async function databaseNow(db: Database): Promise<Date> {
  const [row] = await db.execute<{ now: Date | string }>(sql`select now() as now`)
  if (!row) throw new Error('select now() returned no row')
  return new Date(row.now)
}
