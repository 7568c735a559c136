// `npm run reencrypt-tokens`: after changing MC_SECRET_KEY, re-encrypts the stored gateway tokens
// and alert channel secrets.
// MC_SECRET_KEY_OLD is the key they were stored with, MC_SECRET_KEY the new one.
import { databaseUrlSchema, loadConfig, StartupError, secretKeySchema } from '@mc/runtime'
import { z } from 'zod'
import { reencryptTokens } from './tokens/reencrypt.ts'

try {
  const env = loadConfig(
    z.object({
      DATABASE_URL: databaseUrlSchema,
      MC_SECRET_KEY: secretKeySchema,
      MC_SECRET_KEY_OLD: secretKeySchema,
    }),
  )
  const { tokens, channelSecrets } = await reencryptTokens(
    env.DATABASE_URL,
    env.MC_SECRET_KEY_OLD,
    env.MC_SECRET_KEY,
  )
  process.stdout.write(
    `re-encrypted ${tokens} gateway token(s) and ${channelSecrets} alert channel secret(s) under the new MC_SECRET_KEY\n`,
  )
} catch (error) {
  const message = error instanceof StartupError ? error.message : String(error)
  process.stderr.write(`mission-control reencrypt-tokens: ${message}\n`)
  process.exit(1)
}
