// Standby failover with real gateways: two openclaw gateways (a primary and a standby of priority 1)
// registered through the api, Mission Control's worker probing them, and the api's live relay. The
// primary's process stops → the standby is primary after FAILOVER_AFTER failed probes, and a browser
// that follows the `gateway.failover` event (as the web client does) gets a live relay connected to
// the real gateway that took over.
import { randomBytes } from 'node:crypto'
import { nextState, openRelay, type RelayClient } from '@mc/local-stack/relay-client'
import { type RealGateway, startRealGateway } from '@mc/openclaw/interop'
import {
  type Gateway,
  gatewayFailoverEventSchema,
  gatewaysResponseSchema,
  type LiveStateMessage,
  liveGatewayPath,
  primaryGatewayResponseSchema,
} from '@mc/shared'
import { eventually } from '@mc/testing'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeApiKey } from '../src/testing/factories.ts'
import { useListeningApi } from '../src/testing/running-api.ts'
import { readSse } from '../src/testing/sse-reader.ts'
import { registerGateway } from './support/register-gateway.ts'
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.ts'

const PROBE_INTERVAL_S = 5
const FAILOVER_AFTER = 2
/** Real gateways take 10–40 s to start and a loaded machine probes late: waits end when things happen. */
const PATIENCE = { timeout: 120_000, interval: 250 }

const secretKey = randomBytes(32).toString('base64')
// A ping every second: the relay reports the gateway's latency soon after it connects.
const api = useListeningApi({
  MC_SECRET_KEY: secretKey,
  PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
  LIVE_PING_INTERVAL_MS: '1000',
})
let admin: Record<string, string>
let operator: Record<string, string>
let gateways: { primary: RealGateway; standby: RealGateway }
let worker: WorkerProcess | undefined
const relays: RelayClient[] = []
let events: ReturnType<typeof readSse> | undefined

const register = (
  name: string,
  gateway: RealGateway,
  role: { is_primary?: boolean; failover_priority?: number },
) => registerGateway(api.url, admin, gateway, { name, ...role })
const get = async (path: string) => {
  const res = await fetch(`${api.url}${path}`, { headers: operator })
  expect(res.status).toBe(200)
  return res.json()
}
async function watch(id: number) {
  const relay = await openRelay(`ws://${new URL(api.url).host}${liveGatewayPath(id)}`, operator, [])
  relays.push(relay)
  return relay
}
const state = (relay: RelayClient, test: (message: LiveStateMessage) => boolean) =>
  nextState(relay, test, PATIENCE.timeout)

beforeAll(async () => {
  admin = { 'x-api-key': (await makeApiKey(api.db, 'admin')).key }
  operator = { 'x-api-key': (await makeApiKey(api.db, 'operator')).key }
  const installation = inject('openclaw')
  const [primary, standby] = await Promise.all([
    startRealGateway(installation),
    startRealGateway(installation),
  ])
  gateways = { primary, standby }
  console.log(
    `failover interop: gateways ready on ports ${primary.port} and ${standby.port} after ${primary.startSeconds} s and ${standby.startSeconds} s`,
  )
  worker = await startWorkerProcess({
    databaseUrl: api.databaseUrl,
    redisUrl: api.redisUrl,
    redisPrefix: api.redisPrefix,
    secretKey,
    env: { PROBE_INTERVAL_S: String(PROBE_INTERVAL_S), FAILOVER_AFTER: String(FAILOVER_AFTER) },
  })
})
afterAll(async () => {
  await Promise.all([events?.close(), ...relays.map((relay) => relay.close())])
  await worker?.stop()
  await Promise.all([gateways?.primary.stop(), gateways?.standby.stop()])
})

describe('standby failover with real gateways', () => {
  it('moves the primary role to the standby when the primary stops, and the live relay follows', async () => {
    const primary = await register('interop-primary', gateways.primary, { is_primary: true })
    const standby = await register('interop-standby', gateways.standby, { failover_priority: 1 })
    await eventually(async () => {
      const listed: Gateway[] = gatewaysResponseSchema.parse(await get('/api/gateways')).gateways
      expect(listed.map((g) => [g.id, g.status])).toEqual(
        expect.arrayContaining([
          [primary.id, 'online'],
          [standby.id, 'online'],
        ]),
      )
    }, PATIENCE)

    events = readSse(await fetch(`${api.url}/api/events`, { headers: operator }))
    const live = await watch(primary.id)
    expect((await state(live, (m) => m.state.isConnected)).state.url).toBe(
      `ws://127.0.0.1:${gateways.primary.port}`,
    )

    await gateways.primary.stop()
    await state(live, (m) => !m.state.isConnected)
    await eventually(async () => {
      const now = primaryGatewayResponseSchema.parse(await get('/api/gateways/primary'))
      expect(now.gateway.id).toBe(standby.id)
      expect(now.ws_url).toBe(`ws://127.0.0.1:${gateways.standby.port}`)
    }, PATIENCE)
    const moved = gatewayFailoverEventSchema.parse(
      JSON.parse((await events.nextEvent('gateway.failover')).data ?? ''),
    )
    expect(moved).toMatchObject({ from_id: primary.id, to_id: standby.id })
    expect(moved.reason).toContain(`failed ${FAILOVER_AFTER} probes in a row`)

    // What the web client does on the event: watch the gateway it names.
    const followed = await watch(moved.to_id ?? 0)
    const connected = await state(followed, (m) => m.state.isConnected)
    expect(connected).toMatchObject({
      gateway_id: standby.id,
      state: { url: `ws://127.0.0.1:${gateways.standby.port}` },
    })
    // The real gateway answers the relay's pings: its latency shows.
    const measured = await state(followed, (m) => m.state.latency !== null)
    expect(measured.state).toMatchObject({ isConnected: true, error: null })
  })
})
