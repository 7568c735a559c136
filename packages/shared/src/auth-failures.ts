import { z } from 'zod'
import { queryInt } from './query-params.ts'
import { unixSecondsSchema } from './time.ts'

/** `GET /api/gateways/:id/auth-failures`: `since` in unix seconds (default 24 hours ago). */
export const authFailuresQuerySchema = z.strictObject({ since: queryInt(0, 2 ** 40).optional() })
export type AuthFailuresQuery = z.infer<typeof authFailuresQuerySchema>

/** Failed handshakes the gateway logged, per remote address (read from its log by the watcher). */
export const authFailureAddressSchema = z.object({
  address: z.string(),
  count: z.number().int(),
  /** The latest reason from that address, e.g. `token_mismatch`. */
  reason: z.string(),
  last_at: unixSecondsSchema,
})
export type AuthFailureAddress = z.infer<typeof authFailureAddressSchema>

export const authFailuresResponseSchema = z.object({
  total: z.number().int(),
  by_address: z.array(authFailureAddressSchema),
})
export type AuthFailuresResponse = z.infer<typeof authFailuresResponseSchema>
