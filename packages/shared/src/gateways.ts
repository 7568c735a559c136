import { z } from 'zod'
import { gatewayHostSchema } from './gateway-host.ts'
import { deletedByIdResponseSchema, idSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { sessionThresholdSchema } from './sessions.ts'
import { gatewayStatusSchema } from './statuses.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

export const DEFAULT_GATEWAY_PORT = 18789

/** The seed's `Gateway`, plus additive fields. Never the token: only whether one is set. */
export const gatewaySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  token_set: z.boolean(),
  is_primary: z.union([z.literal(0), z.literal(1)]),
  status: gatewayStatusSchema,
  last_seen: nullableUnixSecondsSchema,
  latency: z.number().int().nullable(),
  sessions_count: z.number().int(),
  agents_count: z.number().int(),
  created_at: unixSecondsSchema,
  updated_at: unixSecondsSchema,
  version: z.string().nullable(),
  last_error: z.string().nullable(),
  last_probe_at: nullableUnixSecondsSchema,
  /** wss:// only: accept a self-signed certificate. */
  tls_insecure: z.boolean(),
  /** A standby: lower takes over first when the primary fails over; null = not a standby. */
  failover_priority: z.number().int().nullable(),
  /** Its sessions count as idle after this many seconds without activity; null: the worker's default. */
  session_idle_s: z.number().int().nullable(),
  /** A run without an update for this many seconds counts as stuck; null: the worker's default. */
  session_stuck_s: z.number().int().nullable(),
  /** When the current token was set (by an edit, a rotation or a promoted pending token); null: none. */
  token_set_at: nullableUnixSecondsSchema,
  /** Older than TOKEN_MAX_AGE_DAYS: time to rotate it. */
  token_stale: z.boolean(),
  /** The last rotation, and how it was done. */
  token_rotated_at: nullableUnixSecondsSchema,
  token_rotation_mode: z.enum(['auto', 'manual']).nullable(),
  /** Rotated automatically (mode `auto`) every this many days; null: not on a schedule. */
  rotate_every_days: z.number().int().nullable(),
  /** A manual rotation's token waits to be promoted once the gateway takes it; when it expires. */
  token_pending_expires_at: nullableUnixSecondsSchema,
  /** Probes refused for a wrong token (AUTH_TOKEN_MISMATCH) since the token was last set. */
  token_mismatches: z.number().int(),
})
export type Gateway = z.infer<typeof gatewaySchema>

const nameSchema = z.string().trim().min(1, 'required').max(100, 'at most 100 characters')
const portSchema = z
  .number({ error: 'must be a whole number from 1 to 65535' })
  .int('must be a whole number from 1 to 65535')
  .min(1, 'must be from 1 to 65535')
  .max(65535, 'must be from 1 to 65535')
/** The seed sends `true`/`false` and also `1`/`0`. */
const primaryFlagSchema = z
  .union([z.boolean(), z.literal(0), z.literal(1)], { error: 'must be true, false, 1 or 0' })
  .transform((value) => value === true || value === 1)
const tokenSchema = z.string().max(4096, 'at most 4096 characters')
const failoverPrioritySchema = z
  .number({ error: 'must be a whole number from 1 to 1000, or null for no standby' })
  .int('must be a whole number from 1 to 1000, or null for no standby')
  .min(1, 'must be from 1 to 1000 (lower goes first), or null for no standby')
  .max(1000, 'must be from 1 to 1000 (lower goes first), or null for no standby')
  .nullable()
const rotateEveryDaysSchema = z
  .number({ error: 'must be a whole number of days from 1 to 3650, or null for no schedule' })
  .int('must be a whole number of days from 1 to 3650, or null for no schedule')
  .min(1, 'must be from 1 to 3650 days, or null for no schedule')
  .max(3650, 'must be from 1 to 3650 days, or null for no schedule')
  .nullable()

export const createGatewayRequestSchema = z.strictObject({
  name: nameSchema,
  host: gatewayHostSchema,
  port: portSchema.default(DEFAULT_GATEWAY_PORT),
  token: tokenSchema.nullable().optional(),
  is_primary: primaryFlagSchema.default(false),
  tls_insecure: z.boolean().default(false),
  failover_priority: failoverPrioritySchema.default(null),
  session_idle_s: sessionThresholdSchema.default(null),
  session_stuck_s: sessionThresholdSchema.default(null),
  rotate_every_days: rotateEveryDaysSchema.default(null),
})
export type CreateGatewayRequest = z.input<typeof createGatewayRequestSchema>

/** Fields that only probes write; a client sending them gets told so instead of "unknown field". */
export const PROBE_OWNED_GATEWAY_FIELDS = [
  'status',
  'last_seen',
  'latency',
  'sessions_count',
  'agents_count',
  'version',
  'last_error',
  'last_probe_at',
  'token_set',
  'token_set_at',
  'token_stale',
  'token_rotated_at',
  'token_rotation_mode',
  'token_pending_expires_at',
  'token_mismatches',
  'created_at',
  'updated_at',
] as const

const probeOwnedFields = Object.fromEntries(
  PROBE_OWNED_GATEWAY_FIELDS.map((field) => [
    field,
    z.never({ error: 'set by probes: not writable' }).optional(),
  ]),
)

/**
 * `token: ""` or `null` clears the token; leaving it out keeps it. Probe results are not writable.
 * At least one field besides `id`: an edit that changes nothing is a client's mistake.
 */
export const updateGatewayRequestSchema = z
  .strictObject({
    id: idSchema,
    name: nameSchema.optional(),
    host: gatewayHostSchema.optional(),
    port: portSchema.optional(),
    token: tokenSchema.nullable().optional(),
    is_primary: primaryFlagSchema.optional(),
    tls_insecure: z.boolean().optional(),
    failover_priority: failoverPrioritySchema.optional(),
    session_idle_s: sessionThresholdSchema.optional(),
    session_stuck_s: sessionThresholdSchema.optional(),
    rotate_every_days: rotateEveryDaysSchema.optional(),
    ...probeOwnedFields,
  })
  .refine(({ id: _, ...fields }) => Object.values(fields).some((value) => value !== undefined), {
    message:
      'nothing to change: give name, host, port, token, is_primary, tls_insecure, failover_priority, session_idle_s, session_stuck_s or rotate_every_days',
  })

export type UpdateGatewayRequest = z.input<typeof updateGatewayRequestSchema>

export const deleteGatewayRequestSchema = z.strictObject({ id: idSchema })

export const gatewayResponseSchema = z.object({ gateway: gatewaySchema })
/**
 * `GET /api/gateways`. Without parameters: every gateway, as the seed answers. With any of them: the
 * gateways matching `q` (a case-insensitive part of the name or host) and `status` (one status, or
 * several comma-separated), a page at a time by `limit` (default 50) and `offset`.
 */
export const gatewaysQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'give some text to search for').max(200).optional(),
  status: z
    .string()
    .transform((value) => [...new Set(value.split(','))])
    .pipe(z.array(gatewayStatusSchema))
    .optional(),
  limit: queryInt(1, 500).optional(),
  offset: queryInt(0, 1_000_000).optional(),
})
export type GatewaysQuery = z.output<typeof gatewaysQuerySchema>
/** Gateways per page when a paged list names no `limit`. */
export const DEFAULT_GATEWAYS_PAGE_SIZE = 50

/** `total` and `next_offset` only when paged: the seed's list has neither. */
export const gatewaysResponseSchema = z.object({
  gateways: z.array(gatewaySchema),
  /** How many gateways match the filters, over every page. */
  total: z.number().int().optional(),
  /** The `offset` of the next page; null on the last. */
  next_offset: z.number().int().nullable().optional(),
})
export type GatewaysResponse = z.infer<typeof gatewaysResponseSchema>
export const deleteGatewayResponseSchema = deletedByIdResponseSchema

/** `POST /api/gateways/failover`: to this gateway, or (left out) the best standby. */
export const failoverRequestSchema = z.strictObject({ to_id: idSchema.optional() })

/** One move of the primary role; `to_id` null: an automatic failover that found no healthy standby. */
export const gatewayFailoverSchema = z.object({
  id: z.number().int(),
  from_id: z.number().int().nullable(),
  from_name: z.string(),
  to_id: z.number().int().nullable(),
  to_name: z.string().nullable(),
  kind: z.enum(['failover', 'failback', 'manual', 'no_candidate']),
  reason: z.string(),
  automatic: z.boolean(),
  actor: z.string(),
  at: unixSecondsSchema,
})
export type GatewayFailover = z.infer<typeof gatewayFailoverSchema>

export const failoverResponseSchema = z.object({ failover: gatewayFailoverSchema, gateway: gatewaySchema })
export type FailoverResponse = z.infer<typeof failoverResponseSchema>
export const failoversResponseSchema = z.object({ failovers: z.array(gatewayFailoverSchema) })
export type FailoversResponse = z.infer<typeof failoversResponseSchema>
/** `GET /api/gateways/failovers`: the newest moves of the primary role. */
export const failoversQuerySchema = z.strictObject({ limit: queryInt(1, 200).default(20) })

/** `GET /api/gateways/primary`: for tools that must follow the primary. Never its token. */
export const primaryGatewayResponseSchema = z.object({ gateway: gatewaySchema, ws_url: z.string() })
export type PrimaryGatewayResponse = z.infer<typeof primaryGatewayResponseSchema>
