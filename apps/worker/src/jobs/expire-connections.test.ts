import { connectAgent, schema } from '@mc/db'
import type { Job } from 'bullmq'
import { eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { expireStaleConnections } from './expire-connections.ts'

const ctx = useWorkerContext({ EXPIRY_SWEEP_S: '15' })
let seq = 0

async function open(agentName: string, timeoutS: number) {
  seq += 1
  const { connection } = await connectAgent(ctx.db, {
    agentName,
    agentRole: undefined,
    toolName: `tool-${seq}`,
    toolVersion: null,
    metadata: null,
    connectionId: `conn-test-${seq}`,
    timeoutS,
  })
  return connection.connectionId
}

/** Database time decides: pushes the connections' expiry into the past instead of sleeping. */
const expireNow = (connectionIds: string[]) =>
  ctx.db
    .update(schema.directConnections)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(inArray(schema.directConnections.connectionId, connectionIds))

const sweep = () =>
  expireStaleConnections(ctx).process({} as Job) as Promise<{ connections: number; agents: number }>
const connection = async (connectionId: string) =>
  (
    await ctx.db
      .select()
      .from(schema.directConnections)
      .where(eq(schema.directConnections.connectionId, connectionId))
  )[0]
const agentStatus = async (name: string) =>
  (await ctx.db.select().from(schema.agents).where(eq(schema.agents.name, name)))[0]?.status

describe('the expiry sweep', () => {
  it('disconnects connections past their heartbeat timeout, takes lone agents offline, and is idempotent', async () => {
    const stale = await open('quiet-agent', 60)
    const alsoStale = await open('busy-agent', 60)
    const fresh = await open('busy-agent', 60)
    await expireNow([stale, alsoStale])
    expect(await sweep()).toEqual({ connections: 2, agents: 1 })
    expect(await connection(stale)).toMatchObject({
      status: 'disconnected',
      disconnectReason: 'heartbeat_timeout',
    })
    expect((await connection(alsoStale))?.status).toBe('disconnected')
    expect((await connection(fresh))?.status).toBe('connected')
    expect(await agentStatus('quiet-agent')).toBe('offline')
    expect(await agentStatus('busy-agent')).toBe('online')

    expect(await sweep()).toEqual({ connections: 0, agents: 0 })
    expect(await Promise.all([sweep(), sweep()])).toEqual([
      { connections: 0, agents: 0 },
      { connections: 0, agents: 0 },
    ])
  })

  it('expires connections that never sent a heartbeat, each once even with two sweeps at once', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => open(`racer-${i}`, 60)))
    await expireNow(ids)
    const [a, b] = await Promise.all([sweep(), sweep()])
    expect(a.connections + b.connections).toBe(20)
    expect(a.agents + b.agents).toBe(20)
    for (const id of ids) {
      expect(await connection(id)).toMatchObject({ status: 'disconnected', lastHeartbeat: null })
    }
    // The first test's live connection is still live: only expired rows are touched.
    expect((await connection('conn-test-3'))?.status).toBe('connected')
  })

  it('runs every EXPIRY_SWEEP_S', () => {
    expect(expireStaleConnections(ctx).every?.ms).toBe(15_000)
  })
})
