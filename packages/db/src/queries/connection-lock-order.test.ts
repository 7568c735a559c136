import { sql } from 'drizzle-orm'
import { expect, it, vi } from 'vitest'
import { openConnection } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { closeDb, createDb, type Database } from '../client.ts'
import { connectAgent, disconnectConnection, expireConnections } from './direct-connections.ts'
import { type HeartbeatInput, recordHeartbeats } from './heartbeats.ts'

const t = useMigratedDatabase()
const LOAD_APP = 'mc-lock-order-test'

/** A backend reports its deadlocks when idle for a while or when it exits: read after the load's pool closed. */
async function deadlocks(db: Database): Promise<number> {
  const [row] = await db.execute<{ deadlocks: string }>(
    sql`select deadlocks from pg_stat_database where datname = current_database()`,
  )
  return Number(row?.deadlocks)
}

// Random but repeatable: the same interleaving of work each run (the timing still varies).
function seededRandom(seed: number) {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
}

it('heartbeat batches in any order, reconnects, disconnects and sweeps of the same agents never deadlock', async () => {
  const agentNames = Array.from({ length: 6 }, (_, i) => `locker-${i}`)
  const hb: { agentId: number; connectionId: string }[] = []
  for (const name of agentNames) {
    for (const tool of ['t0', 't1', 't2']) {
      const { agent, connection } = await openConnection(t.db, name, tool)
      hb.push({ agentId: agent.id, connectionId: connection.connectionId })
    }
  }
  const before = await deadlocks(t.db)
  const load = createDb(t.url, { max: 8, applicationName: LOAD_APP })
  const random = seededRandom(11)
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T
  let tokens = 0
  const acknowledged: number[] = []
  try {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let step = 0; step < 40; step++) {
          const roll = random()
          if (roll < 0.6) {
            // Several heartbeats of one connection, and of several connections of one agent, in any order.
            const batch: HeartbeatInput[] = Array.from({ length: 12 }, () => {
              const c = pick(hb)
              return {
                agent: c.agentId,
                connectionId: c.connectionId,
                tokens: { model: 'm', input: ++tokens, output: 0 },
              }
            })
            const settled = await recordHeartbeats(load, batch, 60)
            settled.forEach((s, i) => {
              expect(s).toMatchObject({ status: 'fulfilled', value: { kind: 'ok' } })
              acknowledged.push(batch[i]?.tokens?.input ?? -1)
            })
          } else if (roll < 0.8) {
            // A reconnect, alive for no time at all: the sweeps below retire it.
            const timeoutS = roll < 0.7 ? 0 : 60
            const { connection } = await connectAgent(load, {
              agentName: pick(agentNames),
              agentRole: undefined,
              toolName: 're',
              toolVersion: null,
              metadata: null,
              connectionId: `conn-re-${++tokens}`,
              timeoutS,
            })
            if (random() < 0.5) await disconnectConnection(load, connection.connectionId, 'disconnected')
          } else {
            await expireConnections(load)
          }
        }
      }),
    )
  } finally {
    await closeDb(load)
  }
  await vi.waitFor(
    async () => {
      const [row] = await t.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where application_name = ${LOAD_APP}`,
      )
      expect(row?.n).toBe(0)
    },
    { timeout: 10_000, interval: 50 },
  )
  expect(await deadlocks(t.db)).toBe(before)
  const recorded = await t.db.execute<{ input_tokens: number }>(
    sql`select input_tokens from token_usage order by input_tokens`,
  )
  expect(recorded.map((r) => r.input_tokens)).toEqual(acknowledged.sort((x, y) => x - y))
  const [live] = await t.db.execute<{ n: number }>(
    sql`select count(*)::int as n from direct_connections where status = 'connected' and tool_name <> 're'`,
  )
  expect(live?.n).toBe(hb.length)
})
