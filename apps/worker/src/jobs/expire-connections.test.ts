import { connectAgent, schema } from '@mc/db'
import { eventLogKey, eventsChannel, parseEventMessages, publishEvents } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import type { Job } from 'bullmq'
import { eq, inArray, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { expireStaleConnections, PER_CONNECTION_EVENTS_MAX } from './expire-connections.ts'

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

/** The event log's entries after `afterId` (all without it), as the log id and the event. */
async function loggedAfter(afterId?: string) {
  const entries = await ctx.redis.xrange(
    eventLogKey(ctx.config.REDIS_PREFIX),
    afterId ? `(${afterId}` : '-',
    '+',
  )
  return entries.map(([id, fields]) => ({ id, event: JSON.parse(fields[1] ?? 'null') as McEvent }))
}

/** Collects what the events channel carries from now on, as the api's event hub reads it. */
async function listenToChannel() {
  const subscriber = ctx.redis.duplicate()
  const messages: { id: string; event: McEvent }[] = []
  subscriber.on('message', (_channel, message: string) => {
    for (const { id, event } of parseEventMessages(message)) messages.push({ id, event })
  })
  await subscriber.subscribe(eventsChannel(ctx.config.REDIS_PREFIX))
  return { messages, close: () => subscriber.disconnect() }
}

const lastLogId = async () => (await loggedAfter()).at(-1)?.id

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

  it('announces each expired connection, then each agent gone offline, in the log and on the channel alike', async () => {
    const lone = await open('announced-agent', 60)
    await expireNow([lone])
    const channel = await listenToChannel()
    const start = await lastLogId()
    await sweep()
    const logged = await loggedAfter(start)
    expect(logged.map(({ event }) => event)).toEqual([
      expect.objectContaining({
        type: 'connection.disconnected',
        connection_id: lone,
        reason: 'heartbeat_timeout',
      }),
      expect.objectContaining({ type: 'agent.status', name: 'announced-agent', status: 'offline' }),
    ])
    await expect.poll(() => channel.messages).toEqual(logged)
    channel.close()
  })

  it('sums a mass expiry up in one event, still announcing each agent gone offline', async () => {
    // One agent keeps a live connection: it stays online and is not announced.
    const count = PER_CONNECTION_EVENTS_MAX + 1
    const ids = await Promise.all(
      Array.from({ length: count }, (_, i) => open(`mass-${i % (count - 1)}`, 60)),
    )
    await open('mass-0', 60)
    await expireNow(ids)
    const channel = await listenToChannel()
    const start = await lastLogId()
    expect(await sweep()).toEqual({ connections: count, agents: count - 2 })
    const logged = await loggedAfter(start)
    expect(logged[0]?.event).toEqual({ type: 'connection.expired', count, at: expect.any(Number) })
    const offline = logged.slice(1).map(({ event }) => event)
    expect(offline).toHaveLength(count - 2)
    expect(offline.every((event) => event.type === 'agent.status' && event.status === 'offline')).toBe(true)
    expect(offline.some((event) => event.type === 'agent.status' && event.name === 'mass-0')).toBe(false)
    await expect.poll(() => channel.messages).toEqual(logged)
    channel.close()
  })

  it('runs every EXPIRY_SWEEP_S', () => {
    expect(expireStaleConnections(ctx).every?.ms).toBe(15_000)
  })
})

describe('publishEvents', () => {
  // More events than one script run takes (500): the runs keep the order.
  it('publishes a batch larger than one script run in order, each with the log id it returns', async () => {
    const events = Array.from(
      { length: 1201 },
      (_, i): McEvent => ({
        type: 'agent.status',
        agent_id: i + 1,
        name: `batch-${i}`,
        status: 'offline',
        at: 1,
      }),
    )
    const channel = await listenToChannel()
    const start = await lastLogId()
    const ids = await publishEvents(ctx.redis, ctx.config.REDIS_PREFIX, events)
    const logged = await loggedAfter(start)
    expect(logged).toEqual(events.map((event, i) => ({ id: ids[i], event })))
    await expect.poll(() => channel.messages).toEqual(logged)
    channel.close()
  })

  it('sends nothing for no events', async () => {
    const start = await lastLogId()
    expect(await publishEvents(ctx.redis, ctx.config.REDIS_PREFIX, [])).toEqual([])
    expect(await loggedAfter(start)).toEqual([])
  })
})
