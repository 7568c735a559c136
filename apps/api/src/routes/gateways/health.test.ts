import { createGateway, type GatewayRow, presentGateway, recordProbe } from '@mc/db'
import { onlineReading } from '@mc/db/testing'
import {
  beatWorkerHeartbeat,
  bullPrefix,
  type ProbeGatewayJob,
  QUEUES,
  removeWorkerHeartbeat,
} from '@mc/runtime'
import {
  type Gateway,
  type ProbeResult,
  probeHistoryResponseSchema,
  probeResponseSchema,
  probeResultOf,
  recentProbesResponseSchema,
} from '@mc/shared'
import { Worker } from 'bullmq'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from '../../testing/factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp({ PROBE_TIMEOUT_MS: '500' })
let operator: Record<string, string>
let a: GatewayRow
let b: GatewayRow
let standIn: Worker<ProbeGatewayJob>
const answered: number[] = []

const online = (latencyMs: number) => onlineReading({ latencyMs, sessionsCount: 2, agentsCount: 1 })
/** Gateway a as the stand-in worker reports it probed. */
const probedA = (): Gateway => ({
  ...presentGateway(a),
  status: 'online',
  latency: 7,
  version: 'v',
  sessions_count: 2,
  agents_count: 1,
  last_probe_at: 1_800_000_000,
})

beforeAll(async () => {
  operator = { 'x-api-key': (await makeApiKey(t.deps.db, 'operator')).key }
  a = await createGateway(t.deps.db, { name: 'a', host: 'h', port: 1, token: null, isPrimary: false })
  b = await createGateway(t.deps.db, { name: 'b', host: 'h', port: 2, token: null, isPrimary: false })
  // Stands in for the worker: answers probe jobs of gateway a, leaves b's unanswered.
  standIn = new Worker<ProbeGatewayJob>(
    QUEUES.probeGateway,
    async (job): Promise<ProbeResult[]> => {
      if (job.data.gateway_ids.includes(b.id)) return new Promise(() => {})
      answered.push(...job.data.gateway_ids)
      return [probeResultOf(probedA())]
    },
    { connection: t.deps.redis.duplicate(), prefix: bullPrefix(t.deps.config.REDIS_PREFIX), concurrency: 10 },
  )
})
afterAll(() => standIn.close(true))

const probe = (body: unknown) =>
  t.app.request('/api/gateways/health', { method: 'POST', headers: operator, body: JSON.stringify(body) })

describe('POST /api/gateways/health', () => {
  it('answers 503 when no worker is alive to probe', async () => {
    await removeWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'stand-in')
    const res = await probe({})
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ error: expect.stringContaining('no worker is running') })
  })

  it('probes through the queue and reports finished results, and the last state of late ones', async () => {
    await beatWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'stand-in')
    // One id per call keeps a and b in separate batches, so b's silence does not hold up a.
    const [first, second] = await Promise.all([probe({ id: a.id }), probe({ id: b.id })])
    expect(first?.status).toBe(200)
    const body = probeResponseSchema.parse(await first?.json())
    expect(body.results).toEqual([
      {
        id: a.id,
        name: 'a',
        status: 'online',
        latency: 7,
        version: 'v',
        sessions_count: 2,
        agents_count: 1,
        gateway: probedA(),
      },
    ])
    const late = probeResponseSchema.parse(await second?.json())
    // Not finished in time: the last known state, the whole gateway included.
    expect(late.results).toEqual([
      {
        id: b.id,
        name: 'b',
        status: 'unknown',
        latency: null,
        version: null,
        sessions_count: 0,
        agents_count: 0,
        error: expect.stringContaining('did not finish in time'),
        pending: true,
        gateway: presentGateway(b),
      },
    ])
    expect(answered).toContain(a.id)
    expect(body.probed_at).toBeGreaterThan(1_700_000_000)
  })

  it('validates the body and unknown ids', async () => {
    await beatWorkerHeartbeat(t.deps.redis, t.deps.config.REDIS_PREFIX, 'stand-in')
    expect((await probe({ id: a.id, ids: [a.id] })).status).toBe(400)
    expect((await probe({ ids: [] })).status).toBe(400)
    const unknown = await probe({ ids: [a.id, 999_999] })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: 'no gateway with id 999999' })
  })
})

describe('probe history views', () => {
  beforeAll(async () => {
    for (const latency of [10, 20, 30]) await recordProbe(t.deps.db, a.id, online(latency), 1)
  })

  it('pages the history newest first', async () => {
    const first = probeHistoryResponseSchema.parse(
      await (
        await t.app.request(`/api/gateways/health/history?gateway_id=${a.id}&limit=2`, { headers: operator })
      ).json(),
    )
    expect(first.probes.map((p) => p.latency)).toEqual([30, 20])
    const next = probeHistoryResponseSchema.parse(
      await (
        await t.app.request(
          `/api/gateways/health/history?gateway_id=${a.id}&limit=2&before=${first.next_before}`,
          {
            headers: operator,
          },
        )
      ).json(),
    )
    expect(next.probes.map((p) => p.latency)).toEqual([10])
    expect(next.next_before).toBeNull()
    const bad = await t.app.request('/api/gateways/health/history?limit=5000', { headers: operator })
    expect(bad.status).toBe(400)
  })

  it('returns tick strips for several gateways at once, empty for never-probed ones', async () => {
    const res = await t.app.request(`/api/gateways/health/recent?ids=${a.id},${b.id}&limit=2`, {
      headers: operator,
    })
    const { probes } = recentProbesResponseSchema.parse(await res.json())
    expect(probes[String(a.id)]?.map((p) => p.latency)).toEqual([30, 20])
    expect(probes[String(b.id)]).toEqual([])
    expect((await t.app.request('/api/gateways/health/recent?ids=x', { headers: operator })).status).toBe(400)
  })
})
