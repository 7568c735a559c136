import { sql } from 'drizzle-orm'
import { expect, it } from 'vitest'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { type ConnectInput, connectAgents } from './connect-agents.ts'

const t = useMigratedDatabase()

const input = (agentName: string, connectionId: string, toolName = 'batch-tool'): ConnectInput => ({
  agentName,
  agentRole: undefined,
  toolName,
  toolVersion: null,
  metadata: null,
  connectionId,
  timeoutS: 60,
})

const liveConnections = () =>
  t.db.execute<{ agent: string; tool: string; connection_id: string }>(sql`
    select a.name as agent, d.tool_name as tool, d.connection_id from direct_connections d
    join agents a on a.id = d.agent_id where d.status = 'connected' order by a.name, d.tool_name`)

it('answers each connect of a batch, in order, and a reconnect in the batch retires the one before it', async () => {
  const inputs = [
    ...Array.from({ length: 25 }, (_, i) => input(`batch-${i}`, `conn-batch-${i}`)),
    ...Array.from({ length: 20 }, (_, i) => input('batch-same', `conn-same-${i}`)),
    input('batch-same', 'conn-same-other-tool', 'other-tool'),
  ]
  const settled = await connectAgents(t.db, inputs)
  expect(settled.every((s) => s.status === 'fulfilled')).toBe(true)
  const values = settled.map((s) => (s.status === 'fulfilled' ? s.value : undefined))
  expect(values.map((v) => v?.connection.connectionId)).toEqual(inputs.map((i) => i.connectionId))
  expect(values.map((v) => v?.agent.name)).toEqual(inputs.map((i) => i.agentName))
  // The n-th connect of batch-same retired the (n-1)-th; the other tool's retired nothing.
  expect(values.slice(25, 45).map((v) => v?.replaced)).toEqual(
    Array.from({ length: 20 }, (_, i) => (i === 0 ? [] : [`conn-same-${i - 1}`])),
  )
  expect(values[45]?.replaced).toEqual([])
  const live = await liveConnections()
  expect(live).toHaveLength(27)
  expect(live.filter((c) => c.agent === 'batch-same')).toEqual([
    { agent: 'batch-same', tool: 'batch-tool', connection_id: 'conn-same-19' },
    { agent: 'batch-same', tool: 'other-tool', connection_id: 'conn-same-other-tool' },
  ])
})

it('fails only the connect Postgres refuses, and leaves one live connection per agent and tool when batches race', async () => {
  const settled = await connectAgents(t.db, [
    input('refused-ok-1', 'conn-refused-1'),
    input('refused-dup', 'conn-batch-0'),
    input('refused-ok-2', 'conn-refused-2'),
  ])
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  const [missing] = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from agents where name = 'refused-dup'`,
  )
  expect(missing?.n).toBe(0)

  const racing = await Promise.all(
    Array.from({ length: 5 }, (_, b) =>
      connectAgents(
        t.db,
        Array.from({ length: 10 }, (_, i) => input(`race-${(i + b) % 10}`, `conn-race-${b}-${i}`)),
      ),
    ),
  )
  expect(racing.flat().every((s) => s.status === 'fulfilled')).toBe(true)
  const live = (await liveConnections()).filter((c) => c.agent.startsWith('race-'))
  expect(live).toHaveLength(10)
  // Every other connection of the race was retired, each by exactly one connect.
  const replaced = racing.flat().flatMap((s) => (s.status === 'fulfilled' ? s.value.replaced : []))
  expect(new Set(replaced).size).toBe(replaced.length)
  expect(replaced).toHaveLength(40)
})
