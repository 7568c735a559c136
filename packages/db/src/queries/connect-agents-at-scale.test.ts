import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { closeDb, createDb } from '../client.ts'
import { type ConnectInput, connectAgents } from './connect-agents.ts'

// Its own database: the test needs tables that start empty, as on a fresh install.
const t = useMigratedDatabase()

const LIVE_CONNECTIONS = 20_000

const input = (name: string): ConnectInput => ({
  agentName: name,
  agentRole: undefined,
  toolName: 'scale-tool',
  toolVersion: null,
  metadata: null,
  connectionId: `new-${name}`,
  timeoutS: 60,
})

/** Rows of direct_connections read so far by sequential scans and by each of its indexes. */
async function rowsRead(db: typeof t.db) {
  // Flushes this backend's pending statistics, which otherwise reach the views up to a second late.
  await db.execute(sql`select pg_stat_force_next_flush()`)
  const [row] = await db.execute<{ seq: number; by_index: Record<string, number> }>(sql`
    select (select coalesce(seq_tup_read, 0)::int from pg_stat_user_tables where relname = 'direct_connections') as seq,
      (select json_object_agg(indexrelname, idx_tup_read) from pg_stat_user_indexes
        where relname = 'direct_connections') as by_index`)
  return row as { seq: number; by_index: Record<string, number> }
}

it('a connect reads its own agent’s live connections, not the fleet’s, after its statements were first planned on empty tables', async () => {
  // One connection, so that the plans it caches while the tables are empty are the ones used later
  // and its statistics can be flushed before they are read.
  const db = createDb(t.url, { max: 1 })
  try {
    for (let batch = 0; batch < 8; batch += 1) {
      const settled = await connectAgents(db, [input(`early-${batch}-a`), input(`early-${batch}-b`)])
      expect(settled.every((s) => s.status === 'fulfilled')).toBe(true)
    }
    // A fleet's worth of live connections arrives faster than autovacuum refreshes the statistics.
    await t.db.execute(sql`
      with fleet as (
        insert into agents (name, status) select 'fleet-' || n, 'online' from generate_series(1, ${LIVE_CONNECTIONS}) n
        returning id, name)
      insert into direct_connections (agent_id, tool_name, connection_id, expires_at)
      select id, 'scale-tool', 'conn-' || name, now() + interval '1 hour' from fleet`)

    const before = await rowsRead(db)
    const settled = await connectAgents(db, [input('fleet-1'), input('late-a'), input('late-b')])
    const after = await rowsRead(db)

    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.replaced : s.reason))).toEqual([
      ['conn-fleet-1'],
      [],
      [],
    ])
    expect(after.seq - before.seq, 'rows read by sequential scans').toBe(0)
    for (const [index, n] of Object.entries(after.by_index))
      expect(n - (before.by_index[index] ?? 0), `rows read through ${index}`).toBeLessThan(100)
  } finally {
    await closeDb(db)
  }
})
