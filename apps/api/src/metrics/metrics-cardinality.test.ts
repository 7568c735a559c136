import { seedProbedFleet } from '@mc/db/testing'
import { Scrape } from '@mc/testing/prometheus-text'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const METRICS_TOKEN = 'cardinality-test-token-0123456789'
const GATEWAYS = 1000
/** up, latency, sessions, agents, last probe age, and one status series per gateway status (5). */
const SERIES_PER_GATEWAY = 10
/** Everything that is not per gateway: process metrics, queues, HTTP routes seen… */
const FIXED_SERIES_MAX = 500

const t = useTestApp({ METRICS_TOKEN })

// About a quarter of them online: the rest failed their last probe.
beforeAll(() => seedProbedFleet(t.deps.db, GATEWAYS, 'fleet'))

describe('GET /metrics with a thousand gateways', () => {
  it('has a fixed number of series per gateway and a bounded rest', async () => {
    // A few requests on many paths: their labels are route templates, so they add no series per path.
    for (let i = 0; i < 50; i++) await t.app.request(`/api/gateways/${i}`)
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(res.status).toBe(200)
    const scrape = new Scrape(await res.text())
    const perGateway = scrape.series.filter((s) => s.name.startsWith('mc_gateway_'))
    expect(new Set(perGateway.map((s) => s.labels.name)).size).toBe(GATEWAYS)
    expect(perGateway).toHaveLength(GATEWAYS * SERIES_PER_GATEWAY)
    expect(scrape.matching('mc_gateway_status').filter((s) => s.value === 1)).toHaveLength(GATEWAYS)
    expect(scrape.matching('mc_gateway_up').filter((s) => s.value === 1)).toHaveLength(GATEWAYS / 4)
    const rest = scrape.series.length - perGateway.length
    expect(rest).toBeLessThan(FIXED_SERIES_MAX)
    expect(
      scrape.matching('mc_http_request_duration_seconds_count', { route: '/api/gateways/:id' }),
    ).toHaveLength(1)
  })
})
