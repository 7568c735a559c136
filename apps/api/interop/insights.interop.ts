// Inside a real gateway: agent runs on the mock model call real tools (`exec` that succeeds, `read`
// of a missing file that fails); Mission Control's worker records them from the gateway's events,
// reads the run's usage from `sessions.usage`, and counts a connection attempt with a wrong token
// from the gateway's log, with the address it came from.
import { randomBytes } from 'node:crypto'
import { connectGateway, type GatewayClient } from '@mc/openclaw'
import {
  connectOperator,
  createSession,
  type MockModel,
  mockModelConfig,
  type RealGateway,
  sendMessage,
  startMockModel,
  startRealGateway,
} from '@mc/openclaw/interop'
import {
  authFailuresResponseSchema,
  gatewayEventsResponseSchema,
  toolResponseSchema,
  toolsResponseSchema,
  usageResponseSchema,
} from '@mc/shared'
import { eventually } from '@mc/testing'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeApiKey } from '../src/testing/factories.ts'
import { useListeningApi } from '../src/testing/running-api.ts'
import { registerGateway } from './support/register-gateway.ts'
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.ts'

/** Real gateways take 10–40 s to start, and their usage cache ≈20 s to refresh: waits end when things happen. */
const PATIENCE = { timeout: 180_000, interval: 500 }

const secretKey = randomBytes(32).toString('base64')
const api = useListeningApi({ MC_SECRET_KEY: secretKey })
let viewer: Record<string, string>
let mock: MockModel
let gateway: RealGateway
let operator: GatewayClient
let worker: WorkerProcess | undefined
let gatewayId: number

const get = async (path: string) => {
  const res = await fetch(`${api.url}${path}`, { headers: viewer })
  expect(res.status, path).toBe(200)
  return res.json()
}
const toolsOfGateway = async () =>
  toolsResponseSchema.parse(await get(`/api/tools?gateway_id=${gatewayId}`)).tools

beforeAll(async () => {
  viewer = { 'x-api-key': (await makeApiKey(api.db, 'viewer')).key }
  const admin = { 'x-api-key': (await makeApiKey(api.db, 'admin')).key }
  mock = await startMockModel()
  gateway = await startRealGateway(inject('openclaw'), { config: mockModelConfig(mock) })
  operator = await connectOperator(gateway.target())
  gatewayId = (await registerGateway(api.url, admin, gateway, { name: 'interop-insights' })).id
  worker = await startWorkerProcess({
    databaseUrl: api.databaseUrl,
    redisUrl: api.redisUrl,
    redisPrefix: api.redisPrefix,
    secretKey,
    env: { PROBE_INTERVAL_S: '60', LOG_POLL_S: '5', USAGE_POLL_S: '30' },
  })
  // The watcher is connected once its gateway's events reach the timeline.
  await eventually(async () => {
    const { events } = gatewayEventsResponseSchema.parse(await get(`/api/gateways/${gatewayId}/events`))
    expect(events.length).toBeGreaterThan(0)
  }, PATIENCE)
})
afterAll(async () => {
  await worker?.stop()
  await operator?.close()
  await gateway?.stop()
  await mock?.stop()
})

describe('inside a real gateway', () => {
  it('records an exec call with its duration, and a failing read as a failure', async () => {
    const key = await createSession(operator, { label: 'insights-tools' })
    await sendMessage(operator, key, 'please run: TOOL exec {"command":"sleep 1; echo hi"}')
    await eventually(async () => {
      const exec = (await toolsOfGateway()).find((tool) => tool.name === 'exec')
      expect(exec).toMatchObject({ calls: 1, failures: 0 })
      // `sleep 1`: the call took at least a second, measured by the gateway.
      expect(exec?.max_ms).toBeGreaterThanOrEqual(1000)
    }, PATIENCE)

    const failing = await createSession(operator, { label: 'insights-read' })
    await sendMessage(operator, failing, 'please run: TOOL read {"path":"no-such-file-for-interop.txt"}')
    await eventually(async () => {
      const read = (await toolsOfGateway()).find((tool) => tool.name === 'read')
      expect(read).toMatchObject({ calls: 1, failures: 1 })
    }, PATIENCE)
    const detail = toolResponseSchema.parse(await get(`/api/tools/read?gateway_id=${gatewayId}`))
    expect(detail.failures).toEqual([
      expect.objectContaining({ gateway_id: gatewayId, session_key: failing, error: expect.any(String) }),
    ])
  })

  it('shows the runs’ tokens and cost for the gateway', async () => {
    await eventually(async () => {
      const usage = usageResponseSchema.parse(await get('/api/usage?group_by=gateway'))
      const mine = usage.groups.find((group) => group.gateway_id === gatewayId)
      expect(mine?.input_tokens).toBeGreaterThan(0)
      expect(mine?.output_tokens).toBeGreaterThan(0)
      // The mock model is priced in the gateway's config (3 $ / 15 $ per million tokens).
      expect(mine?.cost_usd).toBeGreaterThan(0)
      const byModel = usageResponseSchema.parse(await get('/api/usage?group_by=model'))
      expect(byModel.groups.map((group) => group.key)).toContain('echo-1')
    }, PATIENCE)
  })

  it('counts a connection attempt with a wrong token as an authentication failure from its address', async () => {
    await expect(
      connectGateway(
        { ...gateway.target(), token: 'not-the-token' },
        { clientVersion: 'interop', timeoutMs: 10_000 },
      ),
    ).rejects.toThrow()
    await eventually(async () => {
      const failures = authFailuresResponseSchema.parse(await get(`/api/gateways/${gatewayId}/auth-failures`))
      expect(failures.total).toBeGreaterThanOrEqual(1)
      expect(failures.by_address).toContainEqual(
        expect.objectContaining({ address: '127.0.0.1', reason: 'token_mismatch' }),
      )
    }, PATIENCE)
  })
})
