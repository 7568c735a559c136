import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { ensureTemplateDatabase, withDatabase } from './template-database.ts'

export interface ScratchDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** A fresh, migrated database cloned from the template, outside vitest too (benchmarks). */
export async function createScratchDatabase(adminUrl: string, stem = 'mc_test'): Promise<ScratchDatabase> {
  const template = await ensureTemplateDatabase(adminUrl)
  const name = `${stem}_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`create database ${admin(name)} template ${admin(template)}`
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
