import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useEmptyDatabase } from '../test/empty-database.ts'
import { migrationsFolder, runMigrations } from './migrate.ts'

// Migration 0003 decides what becomes of the keys stored without an owner before keys were bound
// to their owners: this runs it on such a database, made with the migrations before it.
const LAST_BEFORE = '0002_gateway_status_changes'

const database = useEmptyDatabase()
let url: string
let sql: postgres.Sql
let oldMigrations: string

beforeAll(async () => {
  url = database.url
  sql = postgres(url, { max: 1, onnotice: () => {} })
  oldMigrations = await mkdtemp(path.join(tmpdir(), 'mc-migrations-'))
  await cp(migrationsFolder(), oldMigrations, { recursive: true })
  const journalPath = path.join(oldMigrations, 'meta', '_journal.json')
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const last = journal.entries.findIndex((entry) => entry.tag === LAST_BEFORE)
  journal.entries = journal.entries.slice(0, last + 1)
  await writeFile(journalPath, JSON.stringify(journal))
})

afterAll(async () => {
  await sql?.end()
  if (oldMigrations) await rm(oldMigrations, { recursive: true, force: true })
})

/** A key as the api stored it then, with the audit record of its creation by `actor` (none: null). */
async function legacyKey(keyName: string, ownerId: number | null, actor: string | null): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into api_keys (name, key_hash, prefix, role, owner_id)
    values (${keyName}, ${randomBytes(16).toString('hex')}, 'mc_x', 'admin', ${ownerId})
    returning id`
  if (!row) throw new Error('insert returned nothing')
  if (actor) {
    await sql`insert into audit_log (actor, action, target)
      values (${actor}, 'api_key.create', ${`key:${keyName}#${row.id}`})`
  }
  return row.id
}

describe('migration 0003: owners for the keys stored without one', () => {
  it("keeps the automation key's keys, gives keys made by keys their root owner, and refuses the rest", async () => {
    await migrate(drizzle(sql), { migrationsFolder: oldMigrations })
    const users = await sql<{ id: number; username: string }[]>`
      insert into users (username, password_hash, role)
      values ('alice', 'x', 'admin'), ('carol', 'x', 'admin') returning id, username`
    const alice = users.find((u) => u.username === 'alice')?.id ?? 0
    const carol = users.find((u) => u.username === 'carol')?.id ?? 0

    const alicesKey = await legacyKey('alices', alice, 'user:alice')
    const byAutomation = await legacyKey('ci#1', null, 'env-key')
    const byAlicesKey = await legacyKey('minted', null, `key:alices#${alicesKey}`)
    const byMinted = await legacyKey('minted-again', null, `key:minted#${byAlicesKey}`)
    const byAutomationsKey = await legacyKey('ci-child', null, `key:ci#1#${byAutomation}`)
    const carolsKey = await legacyKey('carols', carol, 'user:carol')
    const byCarolsKey = await legacyKey('carols-minted', null, `key:carols#${carolsKey}`)
    const unrecorded = await legacyKey('unrecorded', null, null)
    // Another key's creation record does not vouch for this one.
    const misattributed = await legacyKey('lookalike', null, null)
    await sql`insert into audit_log (actor, action, target)
      values ('env-key', 'api_key.create', ${`key:lookalike#${misattributed + 1000}`})`
    await sql`delete from users where id = ${carol}`

    await runMigrations(url)

    const keys = await sql<{ id: number; owner_id: number | null; automation: boolean }[]>`
      select id, owner_id, automation from api_keys order by id`
    const standing = new Map(keys.map((k) => [k.id, { owner: k.owner_id, automation: k.automation }]))
    expect(standing.get(alicesKey)).toEqual({ owner: alice, automation: false })
    expect(standing.get(byAutomation)).toEqual({ owner: null, automation: true })
    expect(standing.get(byAlicesKey)).toEqual({ owner: alice, automation: false })
    expect(standing.get(byMinted)).toEqual({ owner: alice, automation: false })
    expect(standing.get(byAutomationsKey)).toEqual({ owner: null, automation: true })
    expect(standing.get(carolsKey)).toEqual({ owner: null, automation: false })
    expect(standing.get(byCarolsKey)).toEqual({ owner: null, automation: false })
    expect(standing.get(unrecorded)).toEqual({ owner: null, automation: false })
    expect(standing.get(misattributed)).toEqual({ owner: null, automation: false })

    // From now on a key is either owned or the automation's, never both.
    await expect(sql`update api_keys set automation = true where id = ${alicesKey}`).rejects.toThrow(
      /api_keys_automation_ownerless/,
    )
  })
})
