import { runMigrations } from '@mc/db'
import { assertPostgresReachable, databaseUrlSchema, loadConfig, StartupError } from '@mc/runtime'
import { z } from 'zod'

/** One-shot: applies pending migrations and exits (the `migrate` service in docker-compose). */
try {
  const { DATABASE_URL } = loadConfig(z.object({ DATABASE_URL: databaseUrlSchema }))
  await assertPostgresReachable(DATABASE_URL)
  await runMigrations(DATABASE_URL)
  process.stdout.write('migrations applied\n')
} catch (error) {
  process.stderr.write(
    `mission-control migrate: ${error instanceof StartupError ? error.message : String(error)}\n`,
  )
  process.exit(1)
}
