// Tests only: the real API, started in-process on the calling test file's own database and Redis
// prefix, and an operator key for it.
import { randomBytes } from 'node:crypto'
import { connectionsResponseSchema, type DirectConnection } from '@mc/shared'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import { apiConfigSchema } from '../../../../apps/api/src/config.ts'
import { type RunningApi, startApi } from '../../../../apps/api/src/server.ts'
import { makeApiKey } from '../../../../apps/api/src/testing/factories.ts'

export interface RealApi {
  url: string
  /** An operator key. */
  key: string
  /** `GET /api/connect?agent=name`, newest first. */
  connectionsOf(name: string): Promise<DirectConnection[]>
  /** Waits for the agent's live connection. */
  connected(name: string): Promise<DirectConnection>
  /** Waits until the server has recorded a heartbeat on `connection` later than the one it shows. */
  heartbeatAdvances(name: string, connection: DirectConnection): Promise<void>
}

export function useRealApi(): RealApi {
  const database = useTestDatabase()
  const redis = useTestRedis()
  let api: RunningApi | undefined
  const real = { url: '', key: '' } as RealApi
  beforeAll(async () => {
    api = await startApi(
      apiConfigSchema.parse({
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: redis.prefix,
        MC_SECRET_KEY: randomBytes(32).toString('base64'),
        LOG_LEVEL: 'silent',
        PORT: '0',
        HOST: '127.0.0.1',
        MC_ADMIN_PASSWORD: 'agent-cli-tests-admin',
      }),
    )
    real.url = `http://127.0.0.1:${api.port}`
    real.key = (await makeApiKey(database.db, 'operator')).key
  })
  afterAll(() => api?.stop())

  real.connectionsOf = async (name) => {
    const res = await fetch(`${real.url}/api/connect?agent=${encodeURIComponent(name)}`, {
      headers: { 'x-api-key': real.key },
    })
    expect(res.status).toBe(200)
    return connectionsResponseSchema.parse(await res.json()).connections
  }
  real.connected = async (name) => {
    let found: DirectConnection | undefined
    await vi.waitFor(
      async () => {
        found = (await real.connectionsOf(name)).find((c) => c.status === 'connected')
        expect(found).toBeDefined()
      },
      { timeout: 8000, interval: 100 },
    )
    return found as DirectConnection
  }
  real.heartbeatAdvances = (name, connection) =>
    vi.waitFor(
      async () => {
        const now = (await real.connectionsOf(name)).find((c) => c.connection_id === connection.connection_id)
        expect(now?.last_heartbeat ?? 0).toBeGreaterThan(connection.last_heartbeat ?? 0)
      },
      { timeout: 5000, interval: 200 },
    )
  return real
}

export const agentName = () => `cli-test-${randomBytes(3).toString('hex')}`
