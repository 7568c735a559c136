import { once } from 'node:events'
import { createGateway, findGateway, listProbes, presentGateway } from '@mc/db'
import { freePort } from '@mc/local-stack'
import { startFakeGateway } from '@mc/openclaw/fake'
import { createRedis, eventsChannel, type ProbeGatewayJob, parseEventMessages } from '@mc/runtime'
import { gatewayStatusEventSchema, type ProbeResult } from '@mc/shared'
import type { Job } from 'bullmq'
import { describe, expect, it } from 'vitest'
import { useWorkerContext } from '../testing/worker-context.ts'
import { probeGatewayJob } from './probe-gateway.ts'

const ctx = useWorkerContext({ PROBE_TIMEOUT_MS: '5000' })
let seq = 0

async function register(port: number, token: string | null) {
  return createGateway(ctx.db, {
    name: `gw-${++seq}`,
    host: '127.0.0.1',
    port,
    token: token === null ? null : ctx.tokenCipher.encrypt(token),
    isPrimary: false,
  })
}

const probeAll = (ids: number[]) =>
  probeGatewayJob(ctx).process({
    data: { gateway_ids: ids, reason: 'manual' },
  } as Job<ProbeGatewayJob>) as Promise<ProbeResult[]>
const probe = async (id: number) => (await probeAll([id]))[0] ?? null

describe('the probe job', () => {
  it('stores an online result with the gateway’s own version and counts, and announces the change', async () => {
    const fake = await startFakeGateway({ token: 'right-token', agents: 3, sessions: 5, version: '2026.9.6' })
    const subscriber = createRedis(ctx.config.REDIS_URL)
    await subscriber.subscribe(eventsChannel(ctx.config.REDIS_PREFIX))
    const message = once(subscriber, 'message')
    try {
      const gw = await register(fake.port, 'right-token')
      const result = await probe(gw.id)
      expect(result).toMatchObject({
        id: gw.id,
        status: 'online',
        version: '2026.9.6',
        agents_count: 3,
        sessions_count: 5,
      })
      const stored = await findGateway(ctx.db, gw.id)
      expect(stored).toMatchObject({
        status: 'online',
        version: '2026.9.6',
        agentsCount: 3,
        sessionsCount: 5,
      })
      expect(stored?.latency).toBeGreaterThanOrEqual(0)
      expect(stored?.lastSeen).toBeInstanceOf(Date)
      // The result and the event carry the stored gateway, with the database's times.
      expect(result?.gateway).toEqual(stored && presentGateway(stored))
      const [, raw] = (await message) as [string, string]
      const event = gatewayStatusEventSchema.parse(parseEventMessages(raw)[0]?.event)
      expect(event).toMatchObject({
        gateway_id: gw.id,
        old_status: 'unknown',
        status: 'online',
        gateway: result?.gateway,
      })
      expect(event.at).toBe(event.gateway.last_probe_at)
      // Unchanged status is announced too, so latency and counts stay live in browsers.
      const again = once(subscriber, 'message')
      await probe(gw.id)
      const [, rawAgain] = (await again) as [string, string]
      expect(gatewayStatusEventSchema.parse(parseEventMessages(rawAgain)[0]?.event)).toMatchObject({
        gateway_id: gw.id,
        old_status: 'online',
        status: 'online',
      })
      expect(JSON.stringify(fake.records)).not.toContain('"token":"right-token","')
    } finally {
      subscriber.disconnect()
      await fake.stop()
    }
  })

  it('reports a rejected token as an error, with the reason', async () => {
    const fake = await startFakeGateway({ token: 'right-token' })
    try {
      const gw = await register(fake.port, 'wrong-token')
      expect(await probe(gw.id)).toMatchObject({ status: 'error', error: 'token rejected by gateway' })
      const history = await listProbes(ctx.db, { gatewayId: gw.id, limit: 5 })
      expect(history.rows).toMatchObject([{ status: 'error', error: 'token rejected by gateway' }])
    } finally {
      await fake.stop()
    }
  })

  it('reports a refused port as offline and a token-less gateway by its /health answer', async () => {
    const refused = await register(await freePort(), 'any-token')
    expect(await probe(refused.id)).toMatchObject({ status: 'offline' })
    const fake = await startFakeGateway({ agents: 4 })
    try {
      const tokenless = await register(fake.port, null)
      const result = await probe(tokenless.id)
      expect(result).toMatchObject({ status: 'online', agents_count: 0, version: null })
    } finally {
      await fake.stop()
    }
  })

  it('answers an error, not a crash, when the stored token no longer decrypts', async () => {
    const gw = await createGateway(ctx.db, {
      name: `gw-${++seq}`,
      host: '127.0.0.1',
      port: 1,
      token: 'v1:bad:bad:bad',
      isPrimary: false,
    })
    expect(await probe(gw.id)).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/decrypt|format/),
    })
  })

  it('probes a batch at once and skips gateways deleted before their turn', async () => {
    const fake = await startFakeGateway({ token: 'batch-token', agents: 2 })
    try {
      const ids = [
        (await register(fake.port, 'batch-token')).id,
        424242,
        (await register(await freePort(), null)).id,
      ]
      const results = await probeAll(ids)
      expect(results.map((r) => [r.id, r.status])).toEqual([
        [ids[0], 'online'],
        [ids[2], 'offline'],
      ])
    } finally {
      await fake.stop()
    }
  })
})
