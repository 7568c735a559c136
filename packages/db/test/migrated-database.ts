import { afterAll, beforeAll } from 'vitest'
import { closeDb, createDb, type Database } from '../src/client.ts'
import { runMigrations } from '../src/migrate.ts'
import { useEmptyDatabase } from './empty-database.ts'

/** A fresh, migrated database for the calling test file (this package sits below @mc/testing). */
export function useMigratedDatabase(): { db: Database; url: string } {
  const database = useEmptyDatabase()
  const context = {} as { db: Database; url: string }
  beforeAll(async () => {
    context.url = database.url
    await runMigrations(context.url)
    context.db = createDb(context.url, { max: 4 })
  })
  // After hooks run in reverse order: the pool closes before the database is dropped.
  afterAll(() => (context.db ? closeDb(context.db) : undefined))
  return context
}
