import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, inject } from 'vitest'
import { closeDb, createDb, type Database } from '../src/client.ts'
import { runMigrations } from '../src/migrate.ts'

/** A fresh, migrated database for the calling test file (this package sits below @mc/testing). */
export function useMigratedDatabase(): { db: Database; url: string } {
  const context = {} as { db: Database; url: string }
  const name = `mc_dbtest_${randomBytes(5).toString('hex')}`
  beforeAll(async () => {
    const admin = postgres(inject('postgresAdminUrl'), { max: 1, onnotice: () => {} })
    await admin`create database ${admin(name)}`
    await admin.end()
    const url = new URL(inject('postgresAdminUrl'))
    url.pathname = `/${name}`
    context.url = url.toString()
    await runMigrations(context.url)
    context.db = createDb(context.url, { max: 4 })
  })
  afterAll(async () => {
    await closeDb(context.db)
    const admin = postgres(inject('postgresAdminUrl'), { max: 1, onnotice: () => {} })
    await admin`drop database if exists ${admin(name)} with (force)`
    await admin.end()
  })
  return context
}
