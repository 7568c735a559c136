import { createRequire } from 'node:module'
import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

/** Any fixed number shared by every process that migrates this database. */
const MIGRATION_LOCK_ID = 7_414_895_874

/**
 * Where the committed SQL migrations are. Resolved through the package, so it holds both for the
 * sources (tests) and for the api/worker bundles, which sit elsewhere.
 */
export function migrationsFolder(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('@mc/db/package.json')), 'drizzle')
}

/**
 * Applies pending migrations. Holds a Postgres advisory lock for the duration, so several replicas
 * starting at once migrate one after another; the later ones find nothing left to do.
 */
export async function runMigrations(url: string): Promise<void> {
  // One connection: the advisory lock belongs to a session, and every statement must run in it.
  const client = postgres(url, { max: 1, onnotice: () => {} })
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsFolder() })
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`
    }
  } finally {
    await client.end({ timeout: 5 })
  }
}
