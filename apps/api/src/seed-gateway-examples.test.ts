import { gatewayResponseSchema, gatewaysResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeApiKey } from './testing/factories.ts'
import { runCurlExample, useListeningApi } from './testing/running-api.ts'

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

const api = useListeningApi()
let key: string
const curl = (example: string) => runCurlExample(example, api.url, key)

beforeAll(async () => {
  key = (await makeApiKey(api.db, 'admin')).key
})

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
    const listed = await fetch(`${api.url}/api/gateways`, { headers: { 'x-api-key': key } })
    const { gateways } = gatewaysResponseSchema.parse(await listed.json())
    expect(gateways.map((g) => [g.id, g.is_primary])).toEqual([
      [2, 1],
      [1, 0],
    ])
  })
})
