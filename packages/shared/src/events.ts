import { z } from 'zod'
import { type Gateway, gatewaySchema } from './gateways.ts'
import { incidentEventSchema } from './incidents.ts'
import { sessionChangedEventSchema } from './sessions.ts'
import { agentStatusSchema, type GatewayStatus, gatewayStatusSchema } from './statuses.ts'
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
  /** When the probe was stored (database time): the gateway's `last_probe_at`. */
  at: unixSecondsSchema,
  /** The gateway after the probe, as `GET /api/gateways` lists it. */
  gateway: gatewaySchema,
})
export type GatewayStatusEvent = z.infer<typeof gatewayStatusEventSchema>

/** The event announcing `gateway` as a probe left it; `oldStatus` is its status before. */
export function gatewayStatusEvent(gateway: Gateway, oldStatus: GatewayStatus): GatewayStatusEvent {
  // Only a stored probe announces a gateway, and storing it set last_probe_at.
  if (gateway.last_probe_at === null) throw new Error(`gateway ${gateway.id} has never been probed`)
  return {
    type: 'gateway.status',
    gateway_id: gateway.id,
    name: gateway.name,
    old_status: oldStatus,
    status: gateway.status,
    latency: gateway.latency,
    sessions_count: gateway.sessions_count,
    agents_count: gateway.agents_count,
    error: gateway.last_error,
    at: gateway.last_probe_at,
    gateway,
  }
}

/** The registry changed: the gateway as `GET /api/gateways` shows it (never the token). */
export const gatewayChangeEventSchema = z.object({
  type: z.enum(['gateway.created', 'gateway.updated']),
  gateway: gatewaySchema,
  /** A new or cleared token: relays on the old one close. */
  token_changed: z.boolean(),
  at: unixSecondsSchema,
})
export type GatewayChangeEvent = z.infer<typeof gatewayChangeEventSchema>

/** The primary role moved (or, with `to_id` null, could not move for want of a healthy standby). */
export const gatewayFailoverEventSchema = z.object({
  type: z.literal('gateway.failover'),
  from_id: z.number().int(),
  to_id: z.number().int().nullable(),
  reason: z.string(),
  at: unixSecondsSchema,
})
export type GatewayFailoverEvent = z.infer<typeof gatewayFailoverEventSchema>

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

export function connectionEvent(
  type: ConnectionEvent['type'],
  connection: { connectionId: string; agentId: number },
  reason: string | null,
  at: number,
): ConnectionEvent {
  return { type, connection_id: connection.connectionId, agent_id: connection.agentId, reason, at }
}

/**
 * A mass expiry: one expiry sweep disconnected `count` connections (reason `heartbeat_timeout`),
 * more than it announces one by one. Their rows are not in the event: views ask for them again.
 * Each agent the sweep took offline still gets its own `agent.status`.
 */
export const connectionsExpiredEventSchema = z.object({
  type: z.literal('connection.expired'),
  count: z.number().int().positive(),
  at: unixSecondsSchema,
})
export type ConnectionsExpiredEvent = z.infer<typeof connectionsExpiredEventSchema>

export const agentStatusEventSchema = z.object({
  type: z.literal('agent.status'),
  agent_id: z.number().int(),
  name: z.string(),
  status: agentStatusSchema,
  at: unixSecondsSchema,
})
export type AgentStatusEvent = z.infer<typeof agentStatusEventSchema>

export function agentStatusEvent(
  agent: { id: number; name: string },
  status: AgentStatusEvent['status'],
  at: number,
): AgentStatusEvent {
  return { type: 'agent.status', agent_id: agent.id, name: agent.name, status, at }
}

export const mcEventSchema = z.discriminatedUnion('type', [
  gatewayStatusEventSchema,
  gatewayChangeEventSchema,
  gatewayDeletedEventSchema,
  gatewayFailoverEventSchema,
  connectionEventSchema,
  connectionsExpiredEventSchema,
  agentStatusEventSchema,
  incidentEventSchema,
  sessionChangedEventSchema,
])
export type McEvent = z.infer<typeof mcEventSchema>

export type McEventType = McEvent['type']
/** Every event type, as the SSE stream names its events. */
export const MC_EVENT_TYPES = mcEventSchema.options.flatMap((option) =>
  'options' in option.shape.type ? option.shape.type.options : [option.shape.type.value],
) as McEventType[]
