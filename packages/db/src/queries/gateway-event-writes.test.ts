import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { recordGatewayEvents, type TimelineEventInput } from './gateway-event-writes.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `events-${++seq}`)
const MINUTE_MS = 60_000
const minute = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - 10 * MINUTE_MS

const event = (type: string, at: number, fields: Partial<TimelineEventInput> = {}): TimelineEventInput => ({
  at,
  type,
  sessionKey: 'agent:main:main',
  agentId: 'main',
  runId: 'run-1',
  summary: `${type} summary`,
  ...fields,
})

const rows = (gatewayId: number) =>
  t.db.execute<Record<string, unknown>>(sql`
    select (extract(epoch from at) * 1000)::bigint as at, type, session_key, run_id, summary, count, sampled
    from gateway_events where gateway_id = ${gatewayId} order by id`)

describe('storing a gateway timeline', () => {
  it('keeps events one by one up to the rate, then one sampled row per type and minute', async () => {
    const gw = await gateway()
    const burst = Array.from({ length: 5 }, (_, i) => event(i < 3 ? 'agent:item' : 'chat', minute + i * 100))
    expect(await recordGatewayEvents(t.db, gw.id, burst, 3)).toEqual({ kept: 3, sampled: 2 })
    // Later in the same minute: all sampled, merged into the rows there; another run clears run_id.
    const more = [event('chat', minute + 9000, { runId: 'run-2' }), event('agent:item', minute + 9100)]
    expect(await recordGatewayEvents(t.db, gw.id, more, 3)).toEqual({ kept: 0, sampled: 2 })
    // The next minute starts afresh.
    expect(await recordGatewayEvents(t.db, gw.id, [event('chat', minute + MINUTE_MS)], 3)).toEqual({
      kept: 1,
      sampled: 0,
    })
    const stored = await rows(gw.id)
    expect(stored.filter((row) => !row.sampled)).toHaveLength(4)
    expect(stored.filter((row) => row.sampled)).toEqual([
      expect.objectContaining({
        at: String(minute),
        type: 'chat',
        count: 3,
        run_id: null,
        summary: 'chat summary',
      }),
      expect.objectContaining({ at: String(minute), type: 'agent:item', count: 1, run_id: 'run-1' }),
    ])
  })

  it('stores events counted beyond the caller’s buffer as sampled rows', async () => {
    const gw = await gateway()
    await recordGatewayEvents(t.db, gw.id, [event('agent:item', minute, { count: 40 })], 100)
    expect(await rows(gw.id)).toMatchObject([{ type: 'agent:item', count: 40, sampled: true }])
  })
})
