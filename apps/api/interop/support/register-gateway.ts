import type { RealGateway } from '@mc/openclaw/interop'
import { type Gateway, gatewayResponseSchema } from '@mc/shared'
import { expect } from 'vitest'

/** Registers a real gateway on loopback through the api, as an admin would: its stored row. */
export async function registerGateway(
  apiUrl: string,
  admin: Record<string, string>,
  gateway: Pick<RealGateway, 'port' | 'token'>,
  fields: { name: string } & Record<string, unknown>,
): Promise<Gateway> {
  const res = await fetch(`${apiUrl}/api/gateways`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({ host: '127.0.0.1', port: gateway.port, token: gateway.token, ...fields }),
  })
  expect(res.status).toBe(201)
  return gatewayResponseSchema.parse(await res.json()).gateway
}
