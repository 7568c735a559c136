import { type Database, findWatcherStatus, schema } from '@mc/db'
import { sessionRow } from '@mc/db/testing'
import { useTestDatabase } from '@mc/testing'
import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import { createWatcherBatches } from './watcher-batches.ts'

const database = useTestDatabase()
/** Watchers asking at once: more than one statement's worth would be if each asked alone. */
const GATEWAYS = 120
/** An id no gateway has (deleted while its watcher still ran). */
const GONE = 2_000_000_000

/** `db`, counting the statements run through it. */
function counted(db: Database) {
  let statements = 0
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver)
      if (property !== 'execute' && property !== 'select') return value
      return (...args: unknown[]) => {
        statements += 1
        return (value as (...args: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { db: proxy, statements: () => statements }
}

let ids: number[] = []
let counter: ReturnType<typeof counted>
let batches: ReturnType<typeof createWatcherBatches>

beforeEach(async () => {
  await database.db.execute(sql`truncate gateways cascade`)
  const inserted = await database.db
    .insert(schema.gateways)
    .values(
      Array.from({ length: GATEWAYS }, (_, i) => ({ name: `g${i}`, host: `host-${i}`, port: 1000 + i })),
    )
    .returning({ id: schema.gateways.id })
  ids = inserted.map((gateway) => gateway.id)
  counter = counted(database.db)
  batches = createWatcherBatches(counter.db, {
    thresholds: { idleS: 1800, stuckS: 900 },
    eventsPerMinute: 2,
  })
})

describe('watcher batches', () => {
  it('writes the statuses many watchers ask for at once in one statement, each as if written in turn', async () => {
    const throttled = (id: number) => id % 2 === 0
    await Promise.all([
      ...ids.map((gatewayId) => batches.recordStatus({ gatewayId, workerId: 'w', status: 'connecting' })),
      ...ids.map((gatewayId) =>
        batches.recordStatus({
          gatewayId,
          workerId: 'w',
          status: 'watching',
          loaded: true,
          throttled: throttled(gatewayId),
        }),
      ),
      batches.recordStatus({ gatewayId: GONE, workerId: 'w', status: 'connecting' }),
    ])
    expect(counter.statements()).toBe(1)
    // Then a status that says nothing of loads and throttling: both stay as they were.
    await Promise.all(
      ids.map((gatewayId) =>
        batches.recordStatus({
          gatewayId,
          workerId: 'w',
          status: 'reconnecting',
          error: `lost ${gatewayId}`,
        }),
      ),
    )
    expect(counter.statements()).toBe(2)

    for (const gatewayId of ids) {
      expect(await findWatcherStatus(database.db, gatewayId)).toMatchObject({
        workerId: 'w',
        status: 'reconnecting',
        error: `lost ${gatewayId}`,
        loadedAt: expect.any(Date),
        throttledSince: throttled(gatewayId) ? expect.any(Date) : null,
      })
    }
    expect(await findWatcherStatus(database.db, GONE)).toBeUndefined()
  })

  it('reads and writes many gateways’ targets and read cursors in one statement each, each its own', async () => {
    const targets = await Promise.all([...ids, GONE].map((id) => batches.findTarget(id)))
    expect(targets.map((target) => target && [target.host, target.port])).toEqual([
      ...ids.map((_, i) => [`host-${i}`, 1000 + i]),
      undefined,
    ])
    await Promise.all(ids.map((id) => batches.cursors.saveLog(id, id * 10)))
    const cursors = await Promise.all([...ids, GONE].map((id) => batches.cursors.find(id)))
    expect(cursors.map((cursor) => cursor.logCursor)).toEqual([...ids.map((id) => id * 10), null])
    expect(counter.statements()).toBe(3)
  })

  it('stores many gateways’ sessions in one statement and hands each watcher only its own changes', async () => {
    const stored = await Promise.all(
      ids.map((id) => batches.applySessionRows(id, [sessionRow('main'), sessionRow(`own-${id}`)])),
    )
    stored.forEach((changed, i) => {
      expect(changed.map((session) => [session.gatewayId, session.sessionKey]).sort()).toEqual([
        [ids[i], 'main'],
        [ids[i], `own-${ids[i]}`],
      ])
    })
    const loadedAt = await batches.databaseNow()
    // A full load that found only `main`: each gateway's own session ends, and only that one.
    const ended = await Promise.all(ids.map((id) => batches.endMissingSessions(id, ['main'], loadedAt)))
    ended.forEach((sessions, i) => {
      expect(sessions.map((session) => [session.gatewayId, session.sessionKey, session.state])).toEqual([
        [ids[i], `own-${ids[i]}`, 'ended'],
      ])
    })
    expect(counter.statements()).toBe(3)
  })

  it('adds many gateways’ events to their timelines in one statement, capping each gateway on its own', async () => {
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000
    const event = (i: number) => ({
      at: minute + i * 1000,
      type: 'health',
      sessionKey: null,
      agentId: null,
      runId: null,
      summary: 'health ok',
    })
    await Promise.all(ids.map((id) => batches.timeline(id, [event(0), event(1), event(2)])))
    expect(counter.statements()).toBe(1)
    const rows = await database.db.execute<{ gateway_id: number; kept: number; sampled: number }>(sql`
      select gateway_id, count(*) filter (where not sampled)::int as kept,
        coalesce(sum(count) filter (where sampled), 0)::int as sampled
      from gateway_events group by gateway_id order by gateway_id`)
    expect(rows.map((r) => [r.gateway_id, r.kept, r.sampled])).toEqual(ids.map((id) => [id, 2, 1]))
  })
})
