import { recordProbe } from '@mc/db'
import { makeGateway, onlineReading } from '@mc/db/testing'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../../testing/test-app.ts'
import { cachedUptime24h } from './uptime-cache.ts'

const t = useTestApp()

describe('cachedUptime24h', () => {
  it('reuses the uptimes while fresh, and recomputes them once a gateway is added', async () => {
    const uptime24h = cachedUptime24h()
    const alpha = await makeGateway(t.deps.db, 'alpha')
    expect(await uptime24h(t.deps.db)).toEqual([{ gatewayId: alpha.id, name: 'alpha', uptime24h: null }])

    await recordProbe(t.deps.db, alpha.id, onlineReading({ latencyMs: 10 }), 1)
    expect(await uptime24h(t.deps.db)).toEqual([{ gatewayId: alpha.id, name: 'alpha', uptime24h: null }])

    const bravo = await makeGateway(t.deps.db, 'bravo')
    expect(await uptime24h(t.deps.db)).toEqual([
      { gatewayId: alpha.id, name: 'alpha', uptime24h: 100 },
      { gatewayId: bravo.id, name: 'bravo', uptime24h: null },
    ])
  })
})
