import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { connectAgent } from './direct-connections.ts'

const t = useMigratedDatabase()

const connect = (agentName: string, connectionId: string, agentRole?: string) =>
  connectAgent(t.db, {
    agentName,
    agentRole,
    toolName: 'racer-tool',
    toolVersion: '1.0',
    metadata: { n: connectionId },
    connectionId,
    timeoutS: 60,
  })

it('leaves one live connection per agent and tool when reconnects race, and reports each it retired', async () => {
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => connect('racer', `conn-race-${i}`)))
  const rows = await t.db.execute<{
    connection_id: string
    status: string
    disconnect_reason: string | null
  }>(sql`select connection_id, status, disconnect_reason from direct_connections order by id`)
  expect(rows.filter((r) => r.status === 'connected')).toHaveLength(1)
  expect(
    rows.filter((r) => r.status === 'disconnected').every((r) => r.disconnect_reason === 'replaced'),
  ).toBe(true)
  // Each retired connection is announced by exactly the connect that retired it.
  const replaced = results.flatMap((r) => r.replaced).sort()
  expect(replaced).toEqual(
    rows
      .filter((r) => r.status === 'disconnected')
      .map((r) => r.connection_id)
      .sort(),
  )
  expect(new Set(results.map((r) => r.agent.id)).size).toBe(1)
})

it('stores the connection as given, keeps the role unless one is given, and rolls back a failed connect', async () => {
  const first = await connect('roled', 'conn-roled-1', 'reviewer')
  await connect('roled', 'conn-roled-2')
  const [agent] = await t.db.execute<{ role: string; status: string }>(
    sql`select role, status from agents where id = ${first.agent.id}`,
  )
  expect(agent).toEqual({ role: 'reviewer', status: 'online' })
  const [stored] = await t.db.execute<{ tool_version: string; metadata: unknown; ttl: number }>(sql`
    select tool_version, metadata, extract(epoch from expires_at - created_at)::int as ttl
    from direct_connections where connection_id = 'conn-roled-2'`)
  expect(stored).toEqual({ tool_version: '1.0', metadata: { n: 'conn-roled-2' }, ttl: 60 })

  // A duplicate connection id fails the second statement: the agent's upsert is undone with it,
  // and the pooled connection is left usable.
  await expect(connect('never-stored', 'conn-roled-2')).rejects.toThrow(/duplicate key/)
  const [missing] = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from agents where name = 'never-stored'`,
  )
  expect(missing?.n).toBe(0)
  expect((await connect('roled', 'conn-roled-3')).replaced).toEqual(['conn-roled-2'])
})
