import { desc, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { apiKeys } from '../schema/api-keys.ts'
import { users } from '../schema/users.ts'

export type ApiKeyRow = typeof apiKeys.$inferSelect
type Role = ApiKeyRow['role']

/** A key with its owner's name and current standing (all null when it has no owner). */
export type ApiKeyWithOwner = ApiKeyRow & {
  ownerUsername: string | null
  ownerRole: Role | null
  ownerDisabled: boolean | null
}

const withOwner = {
  key: apiKeys,
  ownerUsername: users.username,
  ownerRole: users.role,
  ownerDisabled: users.disabled,
}

function flatten({ key, ...owner }: { key: ApiKeyRow } & Omit<ApiKeyWithOwner, keyof ApiKeyRow>) {
  return { ...key, ...owner }
}

/**
 * A key without an owner is an automation key: only the MC_API_KEY automation key (and its keys)
 * may create one; everyone else's keys belong to a user.
 */
export async function createApiKey(
  db: Database,
  values: { name: string; keyHash: string; prefix: string; role: Role; ownerId: number | null },
): Promise<ApiKeyWithOwner> {
  const [row] = await db
    .insert(apiKeys)
    .values({ ...values, automation: values.ownerId === null })
    .returning()
  if (!row) throw new Error('api key insert returned nothing')
  const created = await findApiKeyById(db, row.id)
  if (!created) throw new Error('api key vanished after insert')
  return created
}

/** Keys with their owner's name and state, matching `where` (all keys when omitted). */
async function selectKeys(db: Database, where?: SQL): Promise<ApiKeyWithOwner[]> {
  const rows = await db
    .select(withOwner)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.ownerId))
    .where(where)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
  return rows.map(flatten)
}

export const listApiKeys = (db: Database) => selectKeys(db)

export async function findApiKeyById(db: Database, id: number): Promise<ApiKeyWithOwner | undefined> {
  return (await selectKeys(db, eq(apiKeys.id, id)))[0]
}

export async function findApiKeyByHash(db: Database, keyHash: string): Promise<ApiKeyWithOwner | undefined> {
  return (await selectKeys(db, eq(apiKeys.keyHash, keyHash)))[0]
}

/** Revokes once: revoking again keeps the first revocation time. */
export async function revokeApiKey(db: Database, id: number): Promise<ApiKeyWithOwner | undefined> {
  await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(eq(apiKeys.id, id))
  return findApiKeyById(db, id)
}

export async function touchApiKey(db: Database, id: number): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, id))
}
