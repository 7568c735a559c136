import { z } from 'zod'
import { gatewayStatusSchema } from './statuses.ts'
import { unixSecondsSchema } from './time.ts'

/** Published on Redis pub/sub by worker and api, relayed to browsers by `GET /api/events`. */
export const gatewayStatusEventSchema = z.object({
  type: z.literal('gateway.status'),
  gateway_id: z.number().int(),
  name: z.string(),
  old_status: gatewayStatusSchema,
  status: gatewayStatusSchema,
  latency: z.number().int().nullable(),
  sessions_count: z.number().int(),
  agents_count: z.number().int(),
  error: z.string().nullable(),
  at: unixSecondsSchema,
})
export type GatewayStatusEvent = z.infer<typeof gatewayStatusEventSchema>

export const mcEventSchema = z.discriminatedUnion('type', [gatewayStatusEventSchema])
export type McEvent = z.infer<typeof mcEventSchema>

/** The Redis pub/sub channel of all events of one installation. */
export const eventsChannel = (redisPrefix: string) => `${redisPrefix}:events`
