import { closeDb, createDb, type Database } from '@mc/db'
import { afterAll, beforeAll, inject } from 'vitest'
import './provided-context.ts'
import { databaseStem } from '@mc/local-stack'
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.ts'

/** A fresh, migrated database of its own, cloned from the template the global setup made. */
export function createTestDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase(inject('postgresAdminUrl'), databaseStem(inject('testRunId')))
}

/**
 * Gives the calling test file its own database for all its tests, dropped afterwards. Read the
 * fields inside tests or hooks, not at module load.
 */
export function useTestDatabase(): { url: string; db: Database } {
  const context = {} as { url: string; db: Database }
  let database: ScratchDatabase | undefined
  beforeAll(async () => {
    database = await createTestDatabase()
    context.url = database.url
    context.db = createDb(database.url, { max: 4, applicationName: 'mc-test' })
  })
  afterAll(async () => {
    if (context.db) await closeDb(context.db)
    await database?.drop()
  })
  return context
}
