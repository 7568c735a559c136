import { createGateway, recordProbe } from '@mc/db'
import type { ProbeReading } from '@mc/openclaw'
import { bullPrefix, QUEUES } from '@mc/runtime'
import { eventually } from '@mc/testing'
import { Scrape } from '@mc/testing/prometheus-text'
import { Queue } from 'bullmq'
import { beforeAll, describe, expect, it } from 'vitest'
import { useCliTool } from '../testing/cli-tool.ts'
import { makeApiKey, makeSignInCookie, makeUser } from '../testing/factories.ts'
import { readSse } from '../testing/sse-reader.ts'
import { useTestApp } from '../testing/test-app.ts'

const METRICS_TOKEN = 'metrics-test-token-0123456789'
const t = useTestApp({ METRICS_TOKEN })
const tool = useCliTool(t)
let viewerKey: string

beforeAll(async () => {
  viewerKey = (await makeApiKey(t.deps.db, 'viewer')).key
})

async function scrape(): Promise<Scrape> {
  const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  expect(res.status).toBe(200)
  return new Scrape(await res.text())
}

const reading = (fields: Partial<ProbeReading>): ProbeReading => ({
  status: 'online',
  latencyMs: null,
  version: null,
  sessionsCount: null,
  agentsCount: null,
  error: null,
  method: 'websocket',
  ...fields,
})

describe('GET /metrics', () => {
  it('admits METRICS_TOKEN as a bearer token and any viewer credential, no one else', async () => {
    const get = (headers: Record<string, string>) => t.app.request('/metrics', { headers })
    expect((await get({})).status).toBe(401)
    expect((await get({ authorization: 'Bearer not-the-metrics-token' })).status).toBe(401)
    const byToken = await get({ authorization: `Bearer ${METRICS_TOKEN}` })
    expect(byToken.status).toBe(200)
    expect(byToken.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect((await get({ 'x-api-key': viewerKey })).status).toBe(200)
    expect((await get({ authorization: `Bearer ${viewerKey}` })).status).toBe(200)
    const cookie = await makeSignInCookie(t.deps.db, await makeUser(t.deps.db, { role: 'viewer' }))
    expect((await get({ cookie })).status).toBe(200)
    // The token is good for scraping only.
    expect(
      (await t.app.request('/api/gateways', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }))
        .status,
    ).toBe(401)
    expect(t.logs.join('\n')).not.toContain(METRICS_TOKEN)
  })

  it('shows the process and every fixed series from the start', async () => {
    const s = await scrape()
    expect(s.family('process_resident_memory_bytes')?.type).toBe('GAUGE')
    expect(s.family('mc_http_request_duration_seconds')?.type).toBe('HISTOGRAM')
    for (const outcome of ['ok', 'not_found', 'disconnected', 'invalid', 'failed'])
      expect(s.value('mc_heartbeats_total', { outcome })).toBeGreaterThanOrEqual(0)
    for (const status of ['connected', 'disconnected'])
      expect(s.value('mc_connections', { status })).toBeGreaterThanOrEqual(0)
    for (const queue of Object.values(QUEUES))
      for (const state of ['waiting', 'active', 'delayed', 'failed'])
        expect(s.value('mc_queue_jobs', { queue, state })).toBe(0)
    expect(s.value('mc_event_stream_clients')).toBe(0)
  })

  it('counts heartbeats by outcome, their batches, connections and requests by route template', async () => {
    const before = await scrape()
    const c = await tool.connect({ agent_name: 'metrics-agent', tool_name: 'metrics-tool' })
    expect((await tool.heartbeat(c.agent_id, { connection_id: c.connection_id })).status).toBe(200)
    expect((await tool.heartbeat(c.agent_id, { connection_id: c.connection_id })).status).toBe(200)
    expect((await tool.heartbeat(c.agent_id, { connection_id: 'no-such-connection' })).status).toBe(404)
    expect((await t.app.request('/api/no-such-route', { headers: tool.headers })).status).toBe(404)
    const after = await scrape()
    const moved = (name: string, labels: Record<string, string> = {}) =>
      (after.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0)

    expect(moved('mc_heartbeats_total', { outcome: 'ok' })).toBe(2)
    expect(moved('mc_heartbeats_total', { outcome: 'not_found' })).toBe(1)
    expect(moved('mc_heartbeat_batch_size_count')).toBe(3)
    expect(moved('mc_heartbeat_batch_size_sum')).toBe(3)
    expect(moved('mc_connections', { status: 'connected' })).toBe(1)
    const heartbeatRoute = { method: 'POST', route: '/api/agents/:id/heartbeat' }
    expect(moved('mc_http_request_duration_seconds_count', { ...heartbeatRoute, status: '200' })).toBe(2)
    expect(moved('mc_http_request_duration_seconds_count', { ...heartbeatRoute, status: '404' })).toBe(1)
    expect(
      moved('mc_http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' }),
    ).toBe(1)
    // Paths never become labels: only templates do.
    expect(after.series.some((s) => Object.values(s.labels).some((v) => v.includes('no-such-route')))).toBe(
      false,
    )
    expect(after.series.some((s) => s.labels.route?.includes(String(c.agent_id)))).toBe(false)
  })

  it('shows each gateway as the probes recorded it', async () => {
    const gateway = await createGateway(t.deps.db, {
      name: 'metrics-gw',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    const gw = { name: 'metrics-gw' }
    const unprobed = await scrape()
    expect(unprobed.value('mc_gateway_up', gw)).toBe(0)
    expect(unprobed.value('mc_gateway_status', { ...gw, status: 'unknown' })).toBe(1)
    expect(unprobed.value('mc_gateway_latency_ms', gw)).toBeUndefined()
    expect(unprobed.value('mc_gateway_last_probe_age_seconds', gw)).toBeUndefined()

    await recordProbe(t.deps.db, gateway.id, reading({ latencyMs: 42, sessionsCount: 7, agentsCount: 3 }), 1)
    const online = await scrape()
    expect(online.value('mc_gateway_up', gw)).toBe(1)
    expect(online.value('mc_gateway_latency_ms', gw)).toBe(42)
    expect(online.value('mc_gateway_sessions', gw)).toBe(7)
    expect(online.value('mc_gateway_agents', gw)).toBe(3)
    expect(online.value('mc_gateway_last_probe_age_seconds', gw)).toBeGreaterThanOrEqual(0)
    expect(online.value('mc_gateway_last_probe_age_seconds', gw)).toBeLessThan(60)
    expect(online.matching('mc_gateway_status', gw).map((s) => [s.labels.status, s.value])).toEqual([
      ['unknown', 0],
      ['online', 1],
      ['offline', 0],
      ['timeout', 0],
      ['error', 0],
    ])

    await recordProbe(t.deps.db, gateway.id, reading({ status: 'offline', error: 'connection refused' }), 1)
    const offline = await scrape()
    expect(offline.value('mc_gateway_up', gw)).toBe(0)
    expect(offline.value('mc_gateway_status', { ...gw, status: 'offline' })).toBe(1)
    expect(offline.value('mc_gateway_status', { ...gw, status: 'online' })).toBe(0)
    // The last online probe's latency stays, as on the gateway's page.
    expect(offline.value('mc_gateway_latency_ms', gw)).toBe(42)
  })

  it('shows the jobs waiting in the worker queues', async () => {
    const queue = new Queue(QUEUES.alertTick, {
      connection: t.deps.redis,
      prefix: bullPrefix(t.deps.config.REDIS_PREFIX),
    })
    try {
      await queue.add('tick', {})
      await queue.add('later', {}, { delay: 3_600_000 })
      const s = await scrape()
      expect(s.value('mc_queue_jobs', { queue: QUEUES.alertTick, state: 'waiting' })).toBe(1)
      expect(s.value('mc_queue_jobs', { queue: QUEUES.alertTick, state: 'delayed' })).toBe(1)
    } finally {
      await queue.obliterate({ force: true })
      await queue.close()
    }
  })

  it('counts the browsers on the event stream while they are there', async () => {
    const res = await t.app.request('/api/events', { headers: { 'x-api-key': viewerKey } })
    expect(res.status).toBe(200)
    const stream = readSse(res)
    await stream.nextEvent('ready')
    expect((await scrape()).value('mc_event_stream_clients')).toBe(1)
    await stream.close()
    await eventually(async () => expect((await scrape()).value('mc_event_stream_clients')).toBe(0), {
      timeout: 20_000,
    })
  })
})
