import { z } from 'zod'
import { queryInt } from './query-params.ts'
import { gatewayStatusSchema } from './statuses.ts'
import { unixSecondsSchema } from './time.ts'

/** One status flip of a gateway (a `gateway_status_changes` row), with the gateway's current name. */
export const statusChangeSchema = z.object({
  id: z.number().int(),
  gateway_id: z.number().int(),
  gateway_name: z.string(),
  old_status: gatewayStatusSchema,
  new_status: gatewayStatusSchema,
  /** The gateway's latency after the flip: the last known one when it went down. */
  latency: z.number().int().nullable(),
  /** Why it is not online; null for a flip to online. */
  error: z.string().nullable(),
  changed_at: unixSecondsSchema,
})
export type StatusChange = z.infer<typeof statusChangeSchema>

/** `GET /api/gateways/status-changes`, newest first; `next_before` pages further back. */
export const statusChangesQuerySchema = z.strictObject({
  before: queryInt(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: queryInt(1, 500).default(50),
})
/** The query as a client sends it. */
export type StatusChangesQuery = { before?: number; limit?: number }

export const statusChangesResponseSchema = z.object({
  changes: z.array(statusChangeSchema),
  next_before: z.number().int().nullable(),
})
export type StatusChangesResponse = z.infer<typeof statusChangesResponseSchema>

/** How many of each list the overview carries. */
export const FLEET_WORST_LATENCY = 5
export const FLEET_RECENT_FLIPS = 20

const count = z.number().int().nonnegative()

/** `GET /api/fleet/overview`: the home view's figures for the whole fleet. */
export const fleetOverviewResponseSchema = z.object({
  /** Every status, zero included. */
  status_counts: z.record(gatewayStatusSchema, count),
  /** Sessions and agents: the last counts each gateway reported, summed over every gateway. */
  totals: z.object({ gateways: count, sessions: count, agents: count }),
  /** Up to 5 online gateways with the highest latency, highest first. */
  worst_latency: z.array(z.object({ id: z.number().int(), name: z.string(), latency: z.number().int() })),
  /** Every gateway, lowest uptime first and never-probed ones (null) last. */
  uptime_24h: z.array(
    z.object({
      gateway_id: z.number().int(),
      name: z.string(),
      /** Share of online probes in the last 24 h, as on the gateway's page; null without probes. */
      uptime_pct: z.number().min(0).max(100).nullable(),
    }),
  ),
  /** Agents with at least one connected direct (CLI) connection. */
  connected_agents: count,
  /** Failed handshakes logged by every gateway in the last 24 h. */
  auth_failures_24h: count,
  /** The latest 20 status flips, newest first. */
  recent_flips: z.array(statusChangeSchema),
  generated_at: unixSecondsSchema,
})
export type FleetOverviewResponse = z.infer<typeof fleetOverviewResponseSchema>
