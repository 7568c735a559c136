import { schema } from '@mc/db'
import { connectionsResponseSchema, connectResponseSchema } from '@mc/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from './testing/factories.ts'
import { runCurlExample, useListeningApi } from './testing/running-api.ts'

// The three Direct CLI Connections examples of the product description, character for character:
// what existing tools send. Only the origin and the key are filled in for the test instance.
const CONNECT = `curl -X POST "http://localhost:3000/api/connect" \\
-H "x-api-key: YOUR_API_KEY" \\
-H "Content-Type: application/json" \\
-d '{
"agent_name": "codex-session-01",
"tool_name": "codex",
"tool_version": "2.1.0",
"metadata": {
"workspace": "/home/user/project",
"model": "claude-3-5-sonnet-20241022"
}
}'`

const HEARTBEAT = `curl -X POST "http://localhost:3000/api/agents/7/heartbeat" \\
-H "x-api-key: YOUR_API_KEY" \\
-H "Content-Type: application/json" \\
-d '{
"connection_id": "conn-abc123def456",
"tokens": {
"input": 1500,
"output": 800,
"model": "claude-3-5-sonnet-20241022"
}
}'`

const DISCONNECT = `curl -X DELETE "http://localhost:3000/api/connect" \\
-H "x-api-key: YOUR_API_KEY" \\
-H "Content-Type: application/json" \\
-d '{
"connection_id": "conn-abc123def456"
}'`

const api = useListeningApi()
let key: string
const curl = (example: string) => runCurlExample(example, api.url, key)

beforeAll(async () => {
  key = (await makeApiKey(api.db, 'operator')).key
  // The heartbeat example names agent 7: six agents exist before the example's one registers.
  await api.db.insert(schema.agents).values([1, 2, 3, 4, 5, 6].map((n) => ({ name: `earlier-agent-${n}` })))
})

describe("the seed's Direct CLI Connections examples, run with curl against a running instance", () => {
  it('connects, sends a heartbeat with token usage, and disconnects', async () => {
    const connected = connectResponseSchema.parse(await curl(CONNECT))
    expect(connected).toMatchObject({ agent_id: 7, agent_name: 'codex-session-01', status: 'connected' })
    expect(connected.connection_id).toMatch(/^conn-[0-9a-f]{24}$/)
    expect(connected.heartbeat_url).toBe('/api/agents/7/heartbeat')
    // The examples' connection id is a sample value; give the registered connection that id.
    await api.db
      .update(schema.directConnections)
      .set({ connectionId: 'conn-abc123def456' })
      .where(eq(schema.directConnections.connectionId, connected.connection_id))

    expect(await curl(HEARTBEAT)).toMatchObject({
      status: 'ok',
      agent_id: 7,
      connection_id: 'conn-abc123def456',
      token_recorded: true,
    })
    expect(await curl(DISCONNECT)).toEqual({ status: 'disconnected', connection_id: 'conn-abc123def456' })

    const listed = await fetch(`${api.url}/api/connect`, { headers: { 'x-api-key': key } })
    const [connection] = connectionsResponseSchema.parse(await listed.json()).connections
    expect(connection).toMatchObject({
      agent_id: 7,
      tool_name: 'codex',
      tool_version: '2.1.0',
      connection_id: 'conn-abc123def456',
      status: 'disconnected',
      agent_name: 'codex-session-01',
      agent_status: 'offline',
      agent_role: 'cli',
    })
    expect(JSON.parse(connection?.metadata ?? '{}')).toEqual({
      workspace: '/home/user/project',
      model: 'claude-3-5-sonnet-20241022',
    })
    expect(connection?.last_heartbeat).toBeGreaterThan(0)
  })
})
