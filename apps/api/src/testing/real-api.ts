// Tests only: the real API, started in-process on the calling test file's own database and Redis
// prefix, and an operator key for it, for tests that run CLI agents against it.
import { randomBytes } from 'node:crypto'
import { connectionsResponseSchema, type DirectConnection } from '@mc/shared'
import { eventually } from '@mc/testing'
import { beforeAll, expect } from 'vitest'
import { makeApiKey } from './factories.ts'
import { useListeningApi } from './running-api.ts'

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
  const api = useListeningApi()
  const real = { url: '', key: '' } as RealApi
  beforeAll(async () => {
    real.url = api.url
    real.key = (await makeApiKey(api.db, 'operator')).key
  })

  real.connectionsOf = async (name) => {
    const res = await fetch(`${real.url}/api/connect?agent=${encodeURIComponent(name)}`, {
      headers: { 'x-api-key': real.key },
    })
    expect(res.status).toBe(200)
    return connectionsResponseSchema.parse(await res.json()).connections
  }
  real.connected = async (name) => {
    let found: DirectConnection | undefined
    await eventually(
      async () => {
        found = (await real.connectionsOf(name)).find((c) => c.status === 'connected')
        expect(found).toBeDefined()
      },
      { interval: 100 },
    )
    return found as DirectConnection
  }
  real.heartbeatAdvances = (name, connection) =>
    eventually(
      async () => {
        const now = (await real.connectionsOf(name)).find((c) => c.connection_id === connection.connection_id)
        expect(now?.last_heartbeat ?? 0).toBeGreaterThan(connection.last_heartbeat ?? 0)
      },
      { interval: 200 },
    )
  return real
}

export const agentName = () => `cli-test-${randomBytes(3).toString('hex')}`
