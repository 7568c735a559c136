import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { users } from '../schema/users.ts'

export type UserRow = typeof users.$inferSelect
type Role = UserRow['role']

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users)
  return row?.n ?? 0
}

export async function listUsers(db: Database): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .orderBy(asc(sql`lower(${users.username})`))
}

export async function findUserById(db: Database, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  return row
}

/** Usernames are unique regardless of case, and so is the lookup. */
export async function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
  return row
}

/** Returns undefined when the username is taken (case-insensitively). */
export async function createUser(
  db: Database,
  values: { username: string; passwordHash: string; role: Role },
): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing().returning()
  return row
}

/**
 * Creates the first account only while there is none; of several replicas starting at once,
 * exactly one gets the row back.
 */
export async function createFirstUser(
  db: Database,
  values: { username: string; passwordHash: string; role: Role },
): Promise<UserRow | undefined> {
  const rows = await db.execute<{ id: number }>(sql`
    insert into ${users} (username, password_hash, role)
    select ${values.username}, ${values.passwordHash}, ${values.role}
    where not exists (select 1 from ${users})
    on conflict do nothing
    returning id`)
  const id = rows[0]?.id
  return id === undefined ? undefined : findUserById(db, id)
}

export class LastAdminError extends Error {
  constructor() {
    super('there must be at least one enabled admin: make another user admin first')
    this.name = 'LastAdminError'
  }
}

/**
 * Changes role, disabled flag or password hash. Refuses (LastAdminError) a change that would leave
 * no enabled admin; admin rows are locked first so two concurrent demotions cannot both pass.
 */
export async function updateUser(
  db: Database,
  id: number,
  patch: { role?: Role; disabled?: boolean; passwordHash?: string },
): Promise<UserRow | undefined> {
  return db.transaction(async (tx) => {
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
      .for('update')
    const [row] = await tx
      .update(users)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning()
    if (!row) return undefined
    const [admins] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    if ((admins?.n ?? 0) === 0) throw new LastAdminError()
    return row
  })
}

export async function recordLogin(db: Database, id: number): Promise<void> {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, id))
}
