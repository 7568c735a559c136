import { randomBytes } from 'node:crypto'
import { databaseStem } from '@mc/local-stack'
import postgres from 'postgres'
import { afterAll, beforeAll, inject } from 'vitest'

/**
 * An empty database of the calling test file's own, dropped afterwards (and by the run's
 * teardown if the file dies first: its name carries the run id). Read `url` inside tests or hooks.
 */
export function useEmptyDatabase(): { url: string } {
  const context = { url: '' }
  const name = `${databaseStem(inject('testRunId'))}_${randomBytes(5).toString('hex')}`
  const admin = () => postgres(inject('postgresAdminUrl'), { max: 1, onnotice: () => {} })
  beforeAll(async () => {
    const sql = admin()
    try {
      await sql`create database ${sql(name)}`
    } finally {
      await sql.end()
    }
    const url = new URL(inject('postgresAdminUrl'))
    url.pathname = `/${name}`
    context.url = url.toString()
  })
  afterAll(async () => {
    const sql = admin()
    try {
      await sql`drop database if exists ${sql(name)} with (force)`
    } finally {
      await sql.end()
    }
  })
  return context
}
