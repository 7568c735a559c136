import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useEmptyDatabase } from '../test/empty-database.ts'
import { runMigrations } from './migrate.ts'

const database = useEmptyDatabase()
let url: string
let sql: postgres.Sql

beforeAll(async () => {
  url = database.url
  sql = postgres(url, { max: 2, onnotice: () => {} })
})

afterAll(async () => {
  await sql.end()
})

describe('runMigrations', () => {
  it('creates the whole data model, and several concurrent runs apply it exactly once', async () => {
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)])
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`
    expect(tables.map((t) => t.table_name)).toEqual([
      'agents',
      'alert_channels',
      'alert_deliveries',
      'alert_notifications',
      'alert_rules',
      'api_keys',
      'audit_log',
      'direct_connections',
      'gateway_auth_failures',
      'gateway_events',
      'gateway_failovers',
      'gateway_probe_hourly',
      'gateway_probe_total_snapshots',
      'gateway_probe_totals',
      'gateway_probes',
      'gateway_read_cursors',
      'gateway_sessions',
      'gateway_status_changes',
      'gateway_tool_calls',
      'gateway_tool_hourly',
      'gateway_tools',
      'gateway_usage',
      'gateway_watchers',
      'gateways',
      'incident_timeline',
      'incidents',
      'maintenance_windows',
      'model_prices',
      'probe_total_snapshots',
      'sessions',
      'status_pages',
      'token_usage',
      'users',
    ])
    const applied = await sql`select hash from drizzle.__drizzle_migrations`
    expect(applied.length).toBeGreaterThan(0)
    const hashes = applied.map((row) => row.hash)
    expect(new Set(hashes).size).toBe(hashes.length)
  })

  it('is a no-op when nothing is pending', async () => {
    const before = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`
    await runMigrations(url)
    const after = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`
    expect(after[0]?.n).toBe(before[0]?.n)
  })

  it('lets the database, not the app, enforce at most one primary gateway', async () => {
    await sql`insert into gateways (name, host, is_primary) values ('a', 'h1', true), ('b', 'h2', false)`
    await expect(sql`update gateways set is_primary = true where name = 'b'`).rejects.toThrow(
      /gateways_one_primary_key/,
    )
    await sql`insert into gateways (name, host) values ('c', 'h3')`
    const primaries = await sql`select name from gateways where is_primary`
    expect(primaries.map((row) => row.name)).toEqual(['a'])
  })

  it('treats gateway names as unique regardless of case', async () => {
    await expect(sql`insert into gateways (name, host) values ('A', 'h4')`).rejects.toThrow(
      /gateways_name_lower_key/,
    )
  })
})
