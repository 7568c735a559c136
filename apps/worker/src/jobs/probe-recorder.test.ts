import { createGateway, listProbes } from '@mc/db'
import type { ProbeReading } from '@mc/openclaw'
import { describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { createProbeRecorder } from './probe-recorder.ts'

const ctx = useWorkerContext()

const reading = (latencyMs: number): ProbeReading => ({
  status: 'online',
  latencyMs,
  version: '2026.9.6',
  sessionsCount: 1,
  agentsCount: 1,
  error: null,
  method: 'websocket',
})

describe('the probe recorder', () => {
  it('stores probes finishing together, two of one gateway one after the other, and answers each', async () => {
    const recorder = createProbeRecorder(ctx)
    const gateway = (name: string) =>
      createGateway(ctx.db, { name, host: '127.0.0.1', port: 1, token: null, isPrimary: false })
    const [a, b] = [await gateway('a'), await gateway('b')]
    const results = await Promise.all([
      recorder.record(a.id, reading(11)),
      recorder.record(a.id, reading(12)),
      recorder.record(b.id, reading(21)),
      recorder.record(987654, reading(31)),
    ])
    expect(results.map((result) => result?.latency ?? null)).toEqual([11, 12, 21, null])
    const history = await listProbes(ctx.db, { gatewayId: a.id, limit: 10 })
    // Newest first: the second probe of the gateway was stored after the first.
    expect(history.rows.map((probe) => probe.latency)).toEqual([12, 11])
  })
})
