import { z } from 'zod'
import { agentStatusSchema, gatewayStatusSchema } from './statuses.ts'
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

/** A CLI connection opened, beat, or closed (by the tool, an operator, or the expiry sweep). */
export const connectionEventSchema = z.object({
  type: z.enum(['connection.connected', 'connection.heartbeat', 'connection.disconnected']),
  connection_id: z.string(),
  agent_id: z.number().int(),
  reason: z.string().nullable(),
  at: unixSecondsSchema,
})
export type ConnectionEvent = z.infer<typeof connectionEventSchema>

export const agentStatusEventSchema = z.object({
  type: z.literal('agent.status'),
  agent_id: z.number().int(),
  name: z.string(),
  status: agentStatusSchema,
  at: unixSecondsSchema,
})

export const mcEventSchema = z.discriminatedUnion('type', [
  gatewayStatusEventSchema,
  connectionEventSchema,
  agentStatusEventSchema,
])
export type McEvent = z.infer<typeof mcEventSchema>

/** The Redis pub/sub channel of all events of one installation. */
export const eventsChannel = (redisPrefix: string) => `${redisPrefix}:events`
