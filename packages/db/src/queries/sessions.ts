import { lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { sessions } from '../schema/sessions.ts'

/** Removes sessions past expiry (database time); returns how many. */
export async function deleteExpiredSessions(db: Database): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id })
  return deleted.length
}
