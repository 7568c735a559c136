import {
  closeDb,
  createDb,
  listAlertChannelSecrets,
  listGatewayTokens,
  replaceAlertChannelSecrets,
  replaceGatewayTokens,
} from '@mc/db'
import { createTokenCipher, StartupError, type TokenCipher, TokenDecryptError } from '@mc/runtime'

/**
 * The stored values of `rows` that are not under the new key yet, re-encrypted under it; throws a
 * StartupError naming the first that fits neither key.
 */
function reencrypted<Row extends { value: string }>(
  rows: Row[],
  from: TokenCipher,
  to: TokenCipher,
  what: (row: Row) => string,
): Row[] {
  const updates: Row[] = []
  for (const row of rows) {
    try {
      to.decrypt(row.value)
      continue
    } catch {
      // not under the new key yet
    }
    try {
      updates.push({ ...row, value: to.encrypt(from.decrypt(row.value)) })
    } catch (error) {
      if (error instanceof TokenDecryptError) {
        throw new StartupError(`${what(row)} decrypts with neither MC_SECRET_KEY_OLD nor MC_SECRET_KEY`)
      }
      throw error
    }
  }
  return updates
}

/**
 * Re-encrypts every stored gateway token (pending ones too) and alert channel secret from `oldKey`
 * to `newKey`. Every value is checked before anything is written; values already under the new key
 * are left alone, so running it twice is harmless. Returns how many of each changed.
 */
export async function reencryptTokens(
  databaseUrl: string,
  oldKey: string,
  newKey: string,
): Promise<{ tokens: number; channelSecrets: number }> {
  const db = createDb(databaseUrl, { max: 1, applicationName: 'mc-reencrypt' })
  try {
    const [from, to] = [createTokenCipher(oldKey), createTokenCipher(newKey)]
    const tokens = reencrypted(
      (await listGatewayTokens(db)).map(({ token, ...where }) => ({ ...where, value: token })),
      from,
      to,
      ({ id, pending }) => `gateway ${id}: its ${pending ? 'pending token' : 'token'}`,
    )
    const secrets = reencrypted(
      (await listAlertChannelSecrets(db)).map(({ id, secret }) => ({ id, value: secret })),
      from,
      to,
      ({ id }) => `alert channel ${id}: its secret`,
    )
    await replaceGatewayTokens(
      db,
      tokens.map(({ value, ...where }) => ({ ...where, token: value })),
    )
    await replaceAlertChannelSecrets(
      db,
      secrets.map(({ id, value }) => ({ id, secret: value })),
    )
    return { tokens: tokens.length, channelSecrets: secrets.length }
  } finally {
    await closeDb(db)
  }
}
