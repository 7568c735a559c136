import { and, eq, gt, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { signIns } from '../schema/sign-ins.ts'
import { users } from '../schema/users.ts'

export type SignInRow = typeof signIns.$inferSelect

export async function createSignIn(
  db: Database,
  values: {
    userId: number
    tokenHash: string
    ttlSeconds: number
    ip: string | null
    userAgent: string | null
  },
): Promise<SignInRow> {
  const [row] = await db
    .insert(signIns)
    .values({
      userId: values.userId,
      tokenHash: values.tokenHash,
      ip: values.ip,
      userAgent: values.userAgent?.slice(0, 500) ?? null,
      expiresAt: sql`now() + make_interval(secs => ${values.ttlSeconds})`,
    })
    .returning()
  if (!row) throw new Error('sign-in insert returned nothing')
  return row
}

/** The live sign-in for a token hash with its user, or undefined when unknown or expired (DB time). */
export async function findLiveSignIn(db: Database, tokenHash: string) {
  const [row] = await db
    .select({ signIn: signIns, user: users })
    .from(signIns)
    .innerJoin(users, eq(users.id, signIns.userId))
    .where(and(eq(signIns.tokenHash, tokenHash), gt(signIns.expiresAt, sql`now()`)))
  return row
}

/**
 * Sliding expiry: pushes the sign-in's end out to `ttlSeconds` from now, at most once per
 * `everySeconds`, so an active user stays signed in without a write on every request.
 */
export async function extendSignIn(db: Database, id: number, ttlSeconds: number, everySeconds: number) {
  await db
    .update(signIns)
    .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(secs => ${ttlSeconds})` })
    .where(
      and(eq(signIns.id, id), lt(signIns.lastSeenAt, sql`now() - make_interval(secs => ${everySeconds})`)),
    )
}

export async function deleteSignInByTokenHash(db: Database, tokenHash: string): Promise<void> {
  await db.delete(signIns).where(eq(signIns.tokenHash, tokenHash))
}

/** Signs a user out everywhere (after a password reset or when disabled). */
export async function deleteSignInsOfUser(db: Database, userId: number): Promise<void> {
  await db.delete(signIns).where(eq(signIns.userId, userId))
}

/** Removes sign-ins past expiry (database time); returns how many. */
export async function deleteExpiredSignIns(db: Database): Promise<number> {
  const deleted = await db
    .delete(signIns)
    .where(lt(signIns.expiresAt, sql`now()`))
    .returning({ id: signIns.id })
  return deleted.length
}
