import { sql } from 'drizzle-orm'

/** A session's last activity for a summary, in UTC: receivers read it in any time zone. */
export const sessionSince = sql`to_char(s.last_activity_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"')`
