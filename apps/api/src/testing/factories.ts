import { randomBytes } from 'node:crypto'
import { createApiKey, createSignIn, createUser, type Database, type UserRow, updateUser } from '@mc/db'
import type { Role } from '@mc/shared'
import { hashPassword } from '../auth/passwords.ts'
import { newApiKey, randomSecret, sha256 } from '../auth/secrets.ts'
import { SIGN_IN_COOKIE } from '../auth/sign-in-cookie.ts'

const unique = (stem: string) => `${stem}-${randomBytes(4).toString('hex')}`

// Hashing with argon2 is deliberately slow; tests share one hash for the common password.
export const TEST_PASSWORD = 'correct horse battery staple'
let testPasswordHash: Promise<string> | undefined

export async function makeUser(
  db: Database,
  options: { role?: Role; username?: string; disabled?: boolean } = {},
): Promise<UserRow> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD)
  const user = await createUser(db, {
    username: options.username ?? unique('user'),
    role: options.role ?? 'viewer',
    passwordHash: await testPasswordHash,
  })
  if (!user) throw new Error('username taken')
  if (!options.disabled) return user
  const disabled = await updateUser(db, user.id, { disabled: true })
  if (!disabled) throw new Error('user vanished')
  return disabled
}

/** A sign-in straight in the database; `expired` makes one that ended an hour ago. */
export async function makeSignInCookie(db: Database, user: UserRow, options: { expired?: boolean } = {}) {
  const token = randomSecret()
  await createSignIn(db, {
    userId: user.id,
    tokenHash: sha256(token),
    ttlSeconds: options.expired ? -3600 : 3600,
    ip: null,
    userAgent: null,
  })
  return `${SIGN_IN_COOKIE}=${token}`
}

export async function makeApiKey(db: Database, role: Role, owner: UserRow | null = null) {
  const { key, prefix } = newApiKey()
  const row = await createApiKey(db, {
    name: unique('key'),
    role,
    keyHash: sha256(key),
    prefix,
    ownerId: owner?.id ?? null,
  })
  return { key, row }
}

/** Headers a browser tab of this app sends with a cookie-authenticated change. */
export function sameOriginHeaders(cookie: string): Record<string, string> {
  return { cookie, origin: 'http://localhost', 'content-type': 'application/json' }
}
