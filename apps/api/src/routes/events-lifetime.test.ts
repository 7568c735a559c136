import { publishEvent } from '@mc/runtime'
import type { McEvent } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { makeApiKey } from '../testing/factories.ts'
import { readSse } from '../testing/sse-reader.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp({ EVENTS_MAX_LIFETIME_S: '1' })

const beat = (n: number): McEvent => ({
  type: 'connection.heartbeat',
  connection_id: `conn-life-${n}`,
  agent_id: n,
  reason: null,
  at: 1_763_700_000,
})

describe('GET /api/events lifetime', () => {
  it('ends a stream after EVENTS_MAX_LIFETIME_S; resuming from its last id loses nothing', async () => {
    const headers = { 'x-api-key': (await makeApiKey(t.deps.db, 'viewer')).key }
    const publish = (event: McEvent) => publishEvent(t.deps.redis, t.deps.config.REDIS_PREFIX, event)
    const first = readSse(await t.app.request('/api/events', { headers }))
    await first.nextEvent('ready')
    const seenId = await publish(beat(1))
    expect((await first.nextEvent()).id).toBe(seenId)
    await first.ended()

    const missedId = await publish(beat(2))
    const resumed = readSse(
      await t.app.request('/api/events', { headers: { ...headers, 'last-event-id': seenId } }),
    )
    expect((await resumed.nextEvent()).id).toBe(missedId)
    await resumed.close()
  })
})
