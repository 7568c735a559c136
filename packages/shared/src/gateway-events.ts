import { z } from 'zod'
import { idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { unixSecondsSchema } from './time.ts'

/** Longest summary kept for an event: what happened, never message content. */
export const MAX_EVENT_SUMMARY_LENGTH = 200

/**
 * An event a gateway sent, as its watcher kept it. Beyond the per-gateway rate, events are kept
 * as one row per type and minute: `sampled` is true and `count` says how many it stands for.
 */
export const gatewayEventSchema = z.object({
  id: z.number().int(),
  gateway_id: z.number().int(),
  at: unixSecondsSchema,
  /** The event name; agent events carry their stream, e.g. `agent:item`. */
  type: z.string(),
  session_key: z.string().nullable(),
  agent: z.string().nullable(),
  run_id: z.string().nullable(),
  summary: z.string(),
  count: z.number().int(),
  sampled: z.boolean(),
})
export type GatewayEventRow = z.infer<typeof gatewayEventSchema>

/** `GET /api/gateways/:id/events`: newest first; `before` is the `next_before` of the previous page. */
export const gatewayEventsQuerySchema = z.strictObject({
  type: z.string().trim().min(1).max(100).optional(),
  session: z.string().trim().min(1).max(500).optional(),
  since: queryInt(0, 2 ** 40).optional(),
  before: idTextSchema.optional(),
  limit: queryInt(1, 500).default(100),
})
export type GatewayEventsQuery = z.infer<typeof gatewayEventsQuerySchema>

export const gatewayEventsResponseSchema = z.object({
  events: z.array(gatewayEventSchema),
  next_before: z.number().int().nullable(),
  /** The event types this gateway has sent in its kept history, for the filter. */
  types: z.array(z.string()),
})
export type GatewayEventsResponse = z.infer<typeof gatewayEventsResponseSchema>
