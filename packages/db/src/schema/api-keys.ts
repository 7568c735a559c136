import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core'
import { createdAt, timestamptz } from './columns.ts'
import { roleEnum } from './enums.ts'
import { users } from './users.ts'

export const apiKeys = pgTable(
  'api_keys',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** SHA-256 of the key (keys are long random strings, so a fast hash is enough). */
    keyHash: text('key_hash').notNull().unique(),
    /** The first characters of the key, shown in the UI to tell keys apart. */
    prefix: text('prefix').notNull(),
    role: roleEnum('role').notNull(),
    /**
     * The user whose current role and standing bound what the key may do. A key whose owner is
     * deleted keeps its row (for the record) but no longer authenticates.
     */
    ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Ownerless by design: created by the MC_API_KEY automation key (or by one of its keys), so it
     * acts with its own role. Only such keys authenticate without an owner.
     */
    automation: boolean('automation').notNull().default(false),
    createdAt: createdAt(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    index('api_keys_owner_id_idx').on(t.ownerId),
    check('api_keys_automation_ownerless', sql`not (${t.automation} and ${t.ownerId} is not null)`),
  ],
)
