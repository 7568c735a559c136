import { sql } from 'drizzle-orm'
import { boolean, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, timestamptz, updatedAt } from './columns.ts'
import { roleEnum } from './enums.ts'

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    /** A slow-KDF hash (argon2id/scrypt) in PHC string format; never the password. */
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull().default('viewer'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamptz('last_login_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`)],
)
