import { randomBytes } from 'node:crypto'
import { closeDb, createDb, type Database } from '@mc/db'
import postgres from 'postgres'
import { afterAll, beforeAll, inject } from 'vitest'
import './provided-context.ts'
import { withDatabase } from './template-database.ts'

export interface TestDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** A fresh, migrated database of its own, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl')
  const name = `mc_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`create database ${admin(name)} template ${admin(inject('templateDatabase'))}`
  } finally {
    await admin.end({ timeout: 5 })
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    async drop() {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
      try {
        await sql`drop database if exists ${sql(name)} with (force)`
      } finally {
        await sql.end({ timeout: 5 })
      }
    },
  }
}

/**
 * Gives the calling test file its own database for all its tests, dropped afterwards. Read the
 * fields inside tests or hooks, not at module load.
 */
export function useTestDatabase(): { url: string; db: Database } {
  const context = {} as { url: string; db: Database }
  let database: TestDatabase | undefined
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
