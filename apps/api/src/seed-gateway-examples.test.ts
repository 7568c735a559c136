import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import { gatewayResponseSchema, gatewaysResponseSchema } from '@mc/shared'
import { useTestDatabase, useTestRedis } from '@mc/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiConfigSchema } from './config.ts'
import { type RunningApi, startApi } from './server.ts'
import { makeApiKey } from './testing/factories.ts'

// The two gateway examples of the product description, character for character. Existing tools
// send exactly this; only the origin and the key are filled in for the test instance.
const ADD_GATEWAY = `curl -X POST "http://localhost:3000/api/gateways" \\
-H "x-api-key: YOUR_API_KEY" \\
-H "Content-Type: application/json" \\
-d '{
"name": "Production Gateway",
"host": "10.0.1.50",
"port": 18789,
"token": "your-gateway-token",
"is_primary": false
}'`

const SET_PRIMARY = `curl -X PUT "http://localhost:3000/api/gateways" \\
-H "x-api-key: YOUR_API_KEY" \\
-H "Content-Type: application/json" \\
-d '{
"id": 2,
"is_primary": 1
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
  const config = apiConfigSchema.parse({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    MC_SECRET_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    MC_ADMIN_PASSWORD: 'seed-examples-admin',
  })
  api = await startApi(config)
  key = (await makeApiKey(database.db, 'admin')).key
})

afterAll(() => api?.stop())

describe("the seed's gateway examples, run with curl against a running instance", () => {
  it('adds a gateway, then makes gateway 2 the primary', async () => {
    const added = gatewayResponseSchema.parse(await curl(ADD_GATEWAY)).gateway
    expect(added).toMatchObject({
      id: 1,
      name: 'Production Gateway',
      host: '10.0.1.50',
      port: 18789,
      token_set: true,
      is_primary: 0,
      status: 'unknown',
    })
    const second = await curl(ADD_GATEWAY.replace('Production Gateway', 'Staging Gateway'))
    expect(gatewayResponseSchema.parse(second).gateway.id).toBe(2)

    const updated = gatewayResponseSchema.parse(await curl(SET_PRIMARY)).gateway
    expect(updated).toMatchObject({ id: 2, is_primary: 1 })
    const listed = await fetch(`http://127.0.0.1:${api.port}/api/gateways`, { headers: { 'x-api-key': key } })
    const { gateways } = gatewaysResponseSchema.parse(await listed.json())
    expect(gateways.map((g) => [g.id, g.is_primary])).toEqual([
      [2, 1],
      [1, 0],
    ])
  })
})
