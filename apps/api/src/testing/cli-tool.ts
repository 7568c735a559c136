import { schema } from '@mc/db'
import { connectResponseSchema } from '@mc/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, expect } from 'vitest'
import { makeApiKey } from './factories.ts'
import type { TestApp } from './test-app.ts'

/** A CLI tool talking to the test app with an operator key, and a look at its connections' rows. */
export function useCliTool(t: TestApp) {
  /** Filled before the tests run; the same object throughout, so it can be destructured. */
  const headers: Record<string, string> = {}
  beforeAll(async () => {
    headers['x-api-key'] = (await makeApiKey(t.deps.db, 'operator')).key
  })

  const send = (method: string, url: string, body: unknown, app = t.app) =>
    app.request(url, { method, headers, body: JSON.stringify(body) })

  async function connect(body: Record<string, unknown>) {
    const res = await send('POST', '/api/connect', body)
    expect(res.status, await res.clone().text()).toBe(200)
    return connectResponseSchema.parse(await res.json())
  }

  const heartbeat = (agent: number | string, body: Record<string, unknown>) =>
    send('POST', `/api/agents/${agent}/heartbeat`, body)

  async function connection(connectionId: string) {
    const [row] = await t.deps.db
      .select()
      .from(schema.directConnections)
      .where(eq(schema.directConnections.connectionId, connectionId))
    return row
  }

  return { headers, send, connect, heartbeat, connection }
}
