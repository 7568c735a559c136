import { z } from 'zod'
import { gatewaySchema } from './gateways.ts'
import { agentStatusSchema, gatewayStatusSchema } from './statuses.ts'
import { unixSecondsSchema } from './time.ts'

/**
 * Published on Redis pub/sub by worker and api, relayed to browsers by `GET /api/events`.
 * `gateway.status` follows every stored probe result; a flip is `old_status !== status`.
 */
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

/** The registry changed: the gateway as `GET /api/gateways` shows it (never the token). */
export const gatewayChangeEventSchema = z.object({
  type: z.enum(['gateway.created', 'gateway.updated']),
  gateway: gatewaySchema,
  /** A new or cleared token: live sessions on the old one close. */
  token_changed: z.boolean(),
  at: unixSecondsSchema,
})
export type GatewayChangeEvent = z.infer<typeof gatewayChangeEventSchema>

export const gatewayDeletedEventSchema = z.object({
  type: z.literal('gateway.deleted'),
  gateway_id: z.number().int(),
  name: z.string(),
  at: unixSecondsSchema,
})

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
  gatewayChangeEventSchema,
  gatewayDeletedEventSchema,
  connectionEventSchema,
  agentStatusEventSchema,
])
export type McEvent = z.infer<typeof mcEventSchema>

export type McEventType = McEvent['type']
/** Every event type, as the SSE stream names its events. */
export const MC_EVENT_TYPES = mcEventSchema.options.flatMap((option) =>
  'options' in option.shape.type ? option.shape.type.options : [option.shape.type.value],
) as McEventType[]

/** The Redis pub/sub channel of all events of one installation; messages are `<log id> <json>`. */
export const eventsChannel = (redisPrefix: string) => `${redisPrefix}:events`
/** The capped Redis stream every event is also appended to: its entry ids are the SSE event ids. */
export const eventLogKey = (redisPrefix: string) => `${redisPrefix}:events:log`
/** Roughly how many events the log keeps for browsers resuming after a drop. */
export const EVENT_LOG_MAX_LENGTH = 20_000
