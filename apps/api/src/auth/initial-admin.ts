import { countUsers, createFirstUser, type Database } from '@mc/db'
import { hashPassword } from './passwords.ts'
import { randomSecret } from './secrets.ts'

export const INITIAL_ADMIN_USERNAME = 'admin'

/**
 * On a database without users, creates `admin` with MC_ADMIN_PASSWORD, or with a generated
 * password that is printed once on stdout (never logged: log lines get shipped and kept).
 */
export async function ensureInitialAdmin(
  db: Database,
  configuredPassword: string | undefined,
  print: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  if ((await countUsers(db)) > 0) return
  const password = configuredPassword ?? randomSecret(15)
  const created = await createFirstUser(db, {
    username: INITIAL_ADMIN_USERNAME,
    role: 'admin',
    passwordHash: await hashPassword(password),
  })
  if (!created) return
  print(
    configuredPassword
      ? `Created the first admin account "${INITIAL_ADMIN_USERNAME}" with the password from MC_ADMIN_PASSWORD.`
      : `Created the first admin account "${INITIAL_ADMIN_USERNAME}" with password ${password} ` +
          '(shown only now: sign in and change it under Settings → Users)',
  )
}
