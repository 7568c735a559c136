import { type Database, findApiKeyById } from '@mc/db'
import type { Principal } from '@mc/shared'
import { HttpError } from '../http/http-error.ts'

/**
 * Whom a key made by `creator` belongs to: a user's key to that user, a key's key to the same owner
 * (so it can never outlive or outrank them), and only the automation's keys to no one (null).
 */
export async function ownerOfNewKey(db: Database, creator: Principal): Promise<number | null> {
  if (creator.kind === 'env_key') return null
  if (creator.id === null) throw new Error(`${creator.kind} principal without an id`)
  if (creator.kind === 'user') return creator.id
  const key = await findApiKeyById(db, creator.id)
  if (key?.automation) return null
  if (key?.ownerId) return key.ownerId
  // Its owner was deleted after this request was authenticated.
  throw new HttpError(401, 'API key has no owner')
}
