import { readFile } from 'node:fs/promises'
import { connectAgent, createGateway, schema } from '@mc/db'
import { freePort } from '@mc/local-stack'
import { startFakeGateway } from '@mc/openclaw/fake'
import { createLogger, type ProbeGatewayJob } from '@mc/runtime'
import { Scrape } from '@mc/testing/prometheus-text'
import type { Job } from 'bullmq'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expireStaleConnections } from '../jobs/expire-connections.ts'
import { probeGatewayJob } from '../jobs/probe-gateway.ts'
import { useWorkerContext } from '../testing/worker-context.ts'
import { type MetricsServer, serveWorkerMetrics, startMetricsServer } from './metrics-server.ts'

const TOKEN = 'worker-metrics-test-token'
const ctx = useWorkerContext({ PROBE_TIMEOUT_MS: '5000' })
let server: MetricsServer
let seq = 0

beforeAll(async () => {
  server = await startMetricsServer({
    registry: ctx.metrics.registry,
    port: 0,
    host: '127.0.0.1',
    token: TOKEN,
  })
})
afterAll(() => server?.close())

const url = (path = '/metrics') => `http://127.0.0.1:${server.port}${path}`

async function scrape(): Promise<Scrape> {
  const res = await fetch(url(), { headers: { authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return new Scrape(await res.text())
}

const probe = (ids: number[]) =>
  probeGatewayJob(ctx).process({ data: { gateway_ids: ids, reason: 'manual' } } as Job<ProbeGatewayJob>)

describe("the worker's metrics port", () => {
  it('asks for METRICS_TOKEN and serves nothing but /metrics', async () => {
    expect((await fetch(url())).status).toBe(401)
    expect((await fetch(url(), { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401)
    expect((await fetch(url('/'), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
  })

  it('is off at port 0, and a warning, not a failed start, when its port is taken', async () => {
    const lines: string[] = []
    const logger = createLogger({
      service: 'worker-test',
      level: 'warn',
      destination: { write: (l: string) => void lines.push(l) },
    })
    const options = { registry: ctx.metrics.registry, host: '127.0.0.1', token: TOKEN }
    expect(await serveWorkerMetrics({ ...options, port: 0 }, logger)).toBeNull()
    expect(await serveWorkerMetrics({ ...options, port: server.port }, logger)).toBeNull()
    expect(lines.join('')).toContain('WORKER_METRICS_PORT is in use')
    expect(lines.join('')).not.toContain(TOKEN)
  })

  it('serves only series docs/metrics.md and the Grafana dashboard show', async () => {
    const served = (await scrape()).families.map((f) => f.name).filter((name) => name.startsWith('mc_'))
    expect(served.sort()).toEqual([
      'mc_expiry_sweep_duration_seconds',
      'mc_probe_duration_seconds',
      'mc_probes_total',
    ])
    for (const file of ['metrics.md', 'grafana-dashboard.json']) {
      const text = await readFile(new URL(`../../../../docs/${file}`, import.meta.url), 'utf8')
      for (const name of served) expect(text, `${name} in docs/${file}`).toContain(name)
    }
  })

  it('shows every probe result from the start, and process metrics', async () => {
    const before = await scrape()
    for (const result of ['online', 'offline', 'timeout', 'error']) {
      expect(before.value('mc_probes_total', { result })).toBe(0)
      expect(before.value('mc_probe_duration_seconds_count', { result })).toBe(0)
    }
    expect(before.value('process_cpu_user_seconds_total')).toBeGreaterThan(0)
    expect(before.family('nodejs_eventloop_lag_seconds')).toBeDefined()
  })

  it('counts and times real probes by their result', async () => {
    const fake = await startFakeGateway({ token: 'right-token' })
    try {
      const online = await createGateway(ctx.db, {
        name: `metrics-online-${++seq}`,
        host: '127.0.0.1',
        port: fake.port,
        token: ctx.tokenCipher.encrypt('right-token'),
        isPrimary: false,
      })
      const offline = await createGateway(ctx.db, {
        name: `metrics-offline-${++seq}`,
        host: '127.0.0.1',
        port: await freePort(),
        token: ctx.tokenCipher.encrypt('any-token'),
        isPrimary: false,
      })
      const before = await scrape()
      await probe([online.id, offline.id])
      await probe([online.id])
      const after = await scrape()
      const moved = (name: 'mc_probes_total', result: string) =>
        (after.value(name, { result }) ?? 0) - (before.value(name, { result }) ?? 0)
      expect(moved('mc_probes_total', 'online')).toBe(2)
      expect(moved('mc_probes_total', 'offline')).toBe(1)
      expect(moved('mc_probes_total', 'error')).toBe(0)
      const onlineResult = { result: 'online' }
      expect(
        after.count('mc_probe_duration_seconds', onlineResult) -
          before.count('mc_probe_duration_seconds', onlineResult),
      ).toBe(2)
      expect(after.value('mc_probe_duration_seconds_sum', onlineResult)).toBeGreaterThan(0)
      // A loopback handshake is well under the timeout: both land in a bucket below 5 s.
      expect(after.value('mc_probe_duration_seconds_bucket', { ...onlineResult, le: '5' })).toBe(
        after.count('mc_probe_duration_seconds', onlineResult),
      )
    } finally {
      await fake.stop()
    }
  })

  it('times each expiry sweep', async () => {
    await connectAgent(ctx.db, {
      agentName: 'metrics-agent',
      agentRole: undefined,
      toolName: 'metrics-tool',
      toolVersion: null,
      metadata: null,
      connectionId: 'conn-metrics-1',
      timeoutS: 60,
    })
    await ctx.db
      .update(schema.directConnections)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(schema.directConnections.connectionId, 'conn-metrics-1'))
    const before = (await scrape()).count('mc_expiry_sweep_duration_seconds')
    expect(await expireStaleConnections(ctx).process({} as Job)).toMatchObject({ connections: 1 })
    await expireStaleConnections(ctx).process({} as Job)
    expect((await scrape()).count('mc_expiry_sweep_duration_seconds')).toBe(before + 2)
  })
})
