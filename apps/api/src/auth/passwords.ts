import { hash, verify } from '@node-rs/argon2'

/** argon2id with the library's defaults (OWASP's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

// Verifying against this when a username is unknown keeps the answer time the same as for a wrong
// password, so response times do not reveal which usernames exist.
const UNKNOWN_USER_HASH = hash('mission-control-unknown-user')

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    await verify(await UNKNOWN_USER_HASH, password).catch(() => false)
    return false
  }
  return verify(passwordHash, password).catch(() => false)
}
