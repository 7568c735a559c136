// Agent sessions with a real gateway: an openclaw gateway running agents on a mock model, registered
// through the api, and Mission Control's worker watching it. Sessions made before the watcher
// started arrive by its paged full load; one made afterwards by the `sessions.changed` event (probes
// run once a minute here and full reloads once an hour, so neither can be what brings it); a run
// the mock model holds open shows the session active, and releasing it brings it back.
import { randomBytes } from 'node:crypto'
import type { GatewayClient } from '@mc/openclaw'
import {
  connectOperator,
  createSession,
  createSessions,
  type MockModel,
  mockModelConfig,
  type RealGateway,
  sendMessage,
  startMockModel,
  startRealGateway,
} from '@mc/openclaw/interop'
import { type Session, sessionChangedEventSchema, sessionsResponseSchema } from '@mc/shared'
import { eventually } from '@mc/testing'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeApiKey } from '../src/testing/factories.ts'
import { useListeningApi } from '../src/testing/running-api.ts'
import { readSse } from '../src/testing/sse-reader.ts'
import { registerGateway } from './support/register-gateway.ts'
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.ts'

const SESSIONS_BEFORE = 150
/** Real gateways take 10–40 s to start and a loaded machine is slow: waits end when things happen. */
const PATIENCE = { timeout: 120_000, interval: 250 }

const secretKey = randomBytes(32).toString('base64')
const api = useListeningApi({ MC_SECRET_KEY: secretKey })
let viewer: Record<string, string>
let mock: MockModel
let gateway: RealGateway
let operator: GatewayClient
let worker: WorkerProcess | undefined
let gatewayId: number
let events: ReturnType<typeof readSse> | undefined

const sessionsOf = async (query: string): Promise<Session[]> => {
  const res = await fetch(`${api.url}/api/sessions?gateway_id=${gatewayId}&limit=500&${query}`, {
    headers: viewer,
  })
  expect(res.status).toBe(200)
  return sessionsResponseSchema.parse(await res.json()).sessions
}
const sessionByKey = async (key: string) =>
  (await sessionsOf(`state=all&q=${encodeURIComponent(key)}`)).find((session) => session.key === key)

beforeAll(async () => {
  viewer = { 'x-api-key': (await makeApiKey(api.db, 'viewer')).key }
  const admin = { 'x-api-key': (await makeApiKey(api.db, 'admin')).key }
  mock = await startMockModel()
  gateway = await startRealGateway(inject('openclaw'), { config: mockModelConfig(mock) })
  operator = await connectOperator(gateway.target())
  await createSessions(operator, SESSIONS_BEFORE, { labelPrefix: 'before' })

  gatewayId = (await registerGateway(api.url, admin, gateway, { name: 'interop-sessions' })).id
  worker = await startWorkerProcess({
    databaseUrl: api.databaseUrl,
    redisUrl: api.redisUrl,
    redisPrefix: api.redisPrefix,
    secretKey,
    env: { PROBE_INTERVAL_S: '60', SESSION_RELOAD_S: '3600' },
  })
})
afterAll(async () => {
  await events?.close()
  await worker?.stop()
  await operator?.close()
  await gateway?.stop()
  await mock?.stop()
})

describe('sessions of a real gateway', () => {
  it('lists every session made before the watcher started (its load pages through them)', async () => {
    await eventually(async () => {
      const labels = (await sessionsOf('q=before-')).map((session) => session.label)
      expect(new Set(labels).size).toBe(SESSIONS_BEFORE)
    }, PATIENCE)
  })

  it('shows a session made while it watches from the gateway’s event, and a run active then done', async () => {
    events = readSse(await fetch(`${api.url}/api/events`, { headers: viewer }))
    await events.nextEvent('ready')
    const createdAt = performance.now()
    const key = await createSession(operator, { label: 'after-start' })
    for (;;) {
      const changed = sessionChangedEventSchema.parse(
        JSON.parse((await events.nextEvent('session.changed')).data ?? ''),
      )
      if (changed.sessions.some((session) => session.key === key)) break
    }
    // Reported, not asserted: timings belong in benchmarks. It is about a second (one flush).
    console.log(
      `sessions interop: a new session was announced ${Math.round(performance.now() - createdAt)} ms after sessions.create answered`,
    )
    expect(await sessionByKey(key)).toMatchObject({
      label: 'after-start',
      state: 'ready',
      has_active_run: false,
    })

    const held = mock.hold('hello from interop')
    await sendMessage(operator, key, 'hello from interop')
    await held.arrived
    await eventually(
      async () => expect(await sessionByKey(key)).toMatchObject({ state: 'active', has_active_run: true }),
      PATIENCE,
    )
    held.release()
    await eventually(async () => {
      const done = await sessionByKey(key)
      expect(done).toMatchObject({
        state: 'ready',
        has_active_run: false,
        run_status: 'done',
        model: 'echo-1',
      })
      expect(done?.input_tokens).toBeGreaterThan(0)
      expect(done?.estimated_cost_usd).toBeGreaterThan(0)
    }, PATIENCE)
  })
})
