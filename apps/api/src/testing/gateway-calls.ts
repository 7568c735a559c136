import { type Gateway, gatewayResponseSchema } from '@mc/shared'
import { expect } from 'vitest'
import type { Call } from './alert-factories.ts'

/** `POST` and `PUT /api/gateways` as `admin` calls them, each expected to succeed. */
export function gatewayCalls(admin: Call) {
  async function send(method: 'POST' | 'PUT', body: Record<string, unknown>, expected: number) {
    const { status, body: answer, text } = await admin(method, '/api/gateways', body)
    expect(status, text).toBe(expected)
    return gatewayResponseSchema.parse(answer).gateway
  }
  return {
    create: (body: Record<string, unknown>): Promise<Gateway> => send('POST', body, 201),
    update: (body: Record<string, unknown>): Promise<Gateway> => send('PUT', body, 200),
  }
}
