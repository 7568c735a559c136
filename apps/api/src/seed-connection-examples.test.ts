import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { schema } from '@mc/db'
import { connectionsResponseSchema, connectResponseSchema } from '@mc/shared'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiConfigSchema } from './config.ts'
import { type RunningApi, startApi } from './server.ts'
import { makeApiKey } from './testing/factories.ts'

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

const run = promisify(execFile)
const database = useTestDatabase()
const redis = useTestRedis()
let api: RunningApi
let key: string

async function curl(example: string): Promise<unknown> {
  const command = example
    .replaceAll('http://localhost:3000', `http://127.0.0.1:${api.port}`)
    .replaceAll('YOUR_API_KEY', key)
  const { stdout } = await run('bash', ['-c', `${command} --silent --show-error`])
  return JSON.parse(stdout)
}

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
      MC_ADMIN_PASSWORD: 'seed-examples-admin',
    }),
  )
  key = (await makeApiKey(database.db, 'operator')).key
  // The heartbeat example names agent 7: six agents exist before the example's one registers.
  await database.db
    .insert(schema.agents)
    .values([1, 2, 3, 4, 5, 6].map((n) => ({ name: `earlier-agent-${n}` })))
})

afterAll(() => api?.stop())

describe("the seed's Direct CLI Connections examples, run with curl against a running instance", () => {
  it('connects, sends a heartbeat with token usage, and disconnects', async () => {
    const connected = connectResponseSchema.parse(await curl(CONNECT))
    expect(connected).toMatchObject({ agent_id: 7, agent_name: 'codex-session-01', status: 'connected' })
    expect(connected.connection_id).toMatch(/^conn-[0-9a-f]{24}$/)
    expect(connected.heartbeat_url).toBe('/api/agents/7/heartbeat')
    // The examples' connection id is a sample value; give the registered connection that id.
    await database.db
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

    const listed = await fetch(`http://127.0.0.1:${api.port}/api/connect`, { headers: { 'x-api-key': key } })
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
