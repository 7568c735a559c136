import { closeDb, createDb, listGatewayTokens, replaceGatewayTokens } from '@mc/db'
import { createTokenCipher, StartupError, TokenDecryptError } from '@mc/runtime'

/**
 * Re-encrypts every stored gateway token from `oldKey` to `newKey` in one transaction. Tokens
 * already under the new key are left alone, so running it twice is harmless. Returns how many changed.
 */
export async function reencryptTokens(databaseUrl: string, oldKey: string, newKey: string): Promise<number> {
  const db = createDb(databaseUrl, { max: 1, applicationName: 'mc-reencrypt' })
  try {
    const [from, to] = [createTokenCipher(oldKey), createTokenCipher(newKey)]
    const updates: { id: number; token: string }[] = []
    for (const { id, token } of await listGatewayTokens(db)) {
      try {
        to.decrypt(token)
        continue
      } catch {
        // not under the new key yet
      }
      try {
        updates.push({ id, token: to.encrypt(from.decrypt(token)) })
      } catch (error) {
        if (error instanceof TokenDecryptError) {
          throw new StartupError(
            `gateway ${id}: its token decrypts with neither MC_SECRET_KEY_OLD nor MC_SECRET_KEY`,
          )
        }
        throw error
      }
    }
    await replaceGatewayTokens(db, updates)
    return updates.length
  } finally {
    await closeDb(db)
  }
}
