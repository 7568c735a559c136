import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { migrationsFolder, runMigrations } from '@mc/db'
import postgres from 'postgres'

const TEMPLATE_LOCK_ID = 7_414_895_875

export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/** A fingerprint of the committed migrations: a template is reused only while they are unchanged. */
async function migrationsFingerprint(): Promise<string> {
  const folder = migrationsFolder()
  const files = (await readdir(folder)).filter((f) => f.endsWith('.sql')).sort()
  const hash = createHash('sha256')
  for (const file of files) hash.update(file).update(await readFile(path.join(folder, file)))
  return hash.digest('hex').slice(0, 16)
}

/**
 * Returns the name of a fully migrated template database, creating it once. Test databases are
 * cloned from it, which is much faster than migrating each. Parallel test processes serialise on
 * an advisory lock; a template half-built by a crashed run is never used because it only gets its
 * final name after migrating.
 */
export async function ensureTemplateDatabase(adminUrl: string): Promise<string> {
  const name = `mc_template_${await migrationsFingerprint()}`
  const building = `${name}_building`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK_ID})`
    const existing = await admin`select 1 from pg_database where datname = ${name}`
    if (existing.length === 0) {
      await admin`drop database if exists ${admin(building)} with (force)`
      await admin`create database ${admin(building)}`
      await runMigrations(withDatabase(adminUrl, building))
      await admin`alter database ${admin(building)} rename to ${admin(name)}`
    }
    await admin`select pg_advisory_unlock(${TEMPLATE_LOCK_ID})`
    return name
  } finally {
    await admin.end({ timeout: 5 })
  }
}
