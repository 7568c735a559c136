// `npm run reset-password -- <username>` (or `node apps/api/dist/reset-password.js <username>` in the
// image): a way back in after losing the admin password. Sets MC_NEW_PASSWORD, or a generated
// password printed once on stdout (never logged), ends the user's sign-ins and enables the account.
import { closeDb, createDb, listUsers } from '@mc/db'
import { databaseUrlSchema, loadConfig, StartupError } from '@mc/runtime'
import { newPasswordSchema } from '@mc/shared'
import { z } from 'zod'
import { resetPassword } from './auth/reset-password.ts'
import { randomSecret } from './auth/secrets.ts'

const USAGE = 'usage: reset-password <username>   (MC_NEW_PASSWORD sets the password, else one is generated)'

try {
  const [username, ...extra] = process.argv.slice(2)
  if (!username || extra.length > 0 || username.startsWith('-')) throw new StartupError(USAGE)
  if (!process.env.DATABASE_URL) {
    throw new StartupError(
      "DATABASE_URL is required: the api's database (npm start's embedded one, while npm start runs: " +
        'postgres://postgres:postgres@127.0.0.1:54329/mission_control)',
    )
  }
  const env = loadConfig(
    z.object({
      DATABASE_URL: databaseUrlSchema,
      MC_NEW_PASSWORD: newPasswordSchema.optional(),
    }),
  )
  const password = env.MC_NEW_PASSWORD ?? randomSecret(15)
  const db = createDb(env.DATABASE_URL, { max: 1, applicationName: 'mc-reset-password' })
  try {
    const reset = await resetPassword(db, username, password)
    if (!reset) {
      const names = (await listUsers(db)).map((u) => u.username).join(', ')
      throw new StartupError(`no user named "${username}" (users: ${names || 'none'})`)
    }
    const { user, reenabled } = reset
    const name = `"${user.username}" (${user.role})`
    process.stdout.write(
      env.MC_NEW_PASSWORD
        ? `Password of ${name} set to MC_NEW_PASSWORD.\n`
        : `Password of ${name} reset to: ${password}\n(shown only now: sign in and change it under Settings → Users)\n`,
    )
    process.stdout.write(
      `Every sign-in session of ${name} has ended.${reenabled ? ' The account was disabled and is enabled again.' : ''}\n`,
    )
  } finally {
    await closeDb(db)
  }
} catch (error) {
  const message = error instanceof StartupError ? error.message : String(error)
  process.stderr.write(`mission-control reset-password: ${message}\n`)
  process.exit(1)
}
