import { and, eq, gt, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { sessions } from '../schema/sessions.ts'
import { users } from '../schema/users.ts'

export type SessionRow = typeof sessions.$inferSelect

export async function createSession(
  db: Database,
  values: {
    userId: number
    tokenHash: string
    ttlSeconds: number
    ip: string | null
    userAgent: string | null
  },
): Promise<SessionRow> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: values.userId,
      tokenHash: values.tokenHash,
      ip: values.ip,
      userAgent: values.userAgent?.slice(0, 500) ?? null,
      expiresAt: sql`now() + make_interval(secs => ${values.ttlSeconds})`,
    })
    .returning()
  if (!row) throw new Error('session insert returned nothing')
  return row
}

/** The live session for a token hash with its user, or undefined when unknown or expired (DB time). */
export async function findLiveSession(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)))
  return row
}

/**
 * Sliding expiry: pushes the session's end out to `ttlSeconds` from now, at most once per
 * `everySeconds`, so an active user stays signed in without a write on every request.
 */
export async function extendSession(db: Database, id: number, ttlSeconds: number, everySeconds: number) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(secs => ${ttlSeconds})` })
    .where(
      and(eq(sessions.id, id), lt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${everySeconds})`)),
    )
}

export async function deleteSessionByTokenHash(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash))
}

/** Signs a user out everywhere (after a password reset or when disabled). */
export async function deleteSessionsOfUser(db: Database, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

/** Removes sessions past expiry (database time); returns how many. */
export async function deleteExpiredSessions(db: Database): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id })
  return deleted.length
}
