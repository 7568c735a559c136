import { z } from 'zod'
import { idSchema, idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

/**
 * - `active`: a run is in progress
 * - `ready`: no run, some activity within the idle threshold
 * - `idle`: no activity for the idle threshold (`SESSION_IDLE_S`, or the gateway's own)
 * - `stuck`: a run in progress with no update for the stuck threshold (`SESSION_STUCK_S`, or the gateway's own)
 * - `ended`: gone from the gateway (deleted, archived or pruned there)
 */
export const SESSION_STATES = ['active', 'ready', 'idle', 'stuck', 'ended'] as const
export const sessionStateSchema = z.enum(SESSION_STATES)
export type SessionState = z.infer<typeof sessionStateSchema>

/** Shortest threshold a gateway accepts for idle and stuck sessions (short ones are for tests). */
export const MIN_SESSION_THRESHOLD_S = 5
export const MAX_SESSION_THRESHOLD_S = 30 * 86_400

/** One agent session on one gateway, as its watcher last saw it. Never message content. */
export const sessionSchema = z.object({
  id: z.number().int(),
  gateway_id: z.number().int(),
  gateway_name: z.string(),
  /** The gateway's session key, e.g. `agent:main:dashboard:…`. */
  key: z.string(),
  /** The gateway's agent id (e.g. `main`), not a Mission Control CLI agent. */
  agent: z.string(),
  label: z.string().nullable(),
  kind: z.string().nullable(),
  model: z.string().nullable(),
  model_provider: z.string().nullable(),
  state: sessionStateSchema,
  has_active_run: z.boolean(),
  /** The gateway's own run status, e.g. `running` or `done`. */
  run_status: z.string().nullable(),
  created_at: nullableUnixSecondsSchema,
  /** The gateway's latest `updatedAt` / `lastInteractionAt`: what idle and stuck are measured from. */
  last_activity_at: unixSecondsSchema,
  run_started_at: nullableUnixSecondsSchema,
  run_ended_at: nullableUnixSecondsSchema,
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  estimated_cost_usd: z.number().nullable(),
  archived: z.boolean(),
  first_seen_at: unixSecondsSchema,
  last_seen_at: unixSecondsSchema,
  /** When it was found gone from the gateway; null while it is there. */
  ended_at: nullableUnixSecondsSchema,
})
export type Session = z.infer<typeof sessionSchema>

export const sessionCountsSchema = z.object({
  active: z.number().int(),
  ready: z.number().int(),
  idle: z.number().int(),
  stuck: z.number().int(),
})
export type SessionCounts = z.infer<typeof sessionCountsSchema>

/** A page cursor: the last row's activity (ms) and id, so paging holds while sessions keep changing. */
const SESSION_CURSOR = /^(\d{1,15})-(\d{1,10})$/
export const sessionCursorSchema = z
  .string()
  .regex(SESSION_CURSOR, 'must be a next_before value from an earlier page')
  .transform((text) => {
    const [, at, id] = SESSION_CURSOR.exec(text) ?? []
    return { lastActivityMs: Number(at), id: Number(id) }
  })
  .pipe(z.object({ lastActivityMs: z.number().int(), id: idSchema }))
export type SessionCursor = z.output<typeof sessionCursorSchema>

export const sessionCursorText = (cursor: SessionCursor) => `${cursor.lastActivityMs}-${cursor.id}`

/**
 * `GET /api/sessions`: newest activity first. Without `state`, every session still on its gateway;
 * `state=ended` for the ended ones, `state=all` for both.
 */
export const sessionsQuerySchema = z.strictObject({
  gateway_id: idTextSchema.optional(),
  agent: z.string().trim().min(1).max(200).optional(),
  state: z.union([sessionStateSchema, z.literal('all')]).optional(),
  /** Matches the label, key or model (case-insensitive substring). */
  q: z.string().trim().min(1).max(200).optional(),
  limit: queryInt(1, 500).default(50),
  before: sessionCursorSchema.optional(),
})
export type SessionsQuery = z.infer<typeof sessionsQuerySchema>

export const sessionsResponseSchema = z.object({
  sessions: z.array(sessionSchema),
  next_before: z.string().nullable(),
  /** Over every session the filters other than `state` match, so the filter chips show what is there. */
  counts: sessionCountsSchema,
})
export type SessionsResponse = z.infer<typeof sessionsResponseSchema>

export const sessionResponseSchema = z.object({ session: sessionSchema })

/**
 * Sessions of one gateway changed (seen by its watcher, or crossed an idle or stuck threshold).
 * Throttled per gateway: one event carries every change of its window, the first `sessions` of them.
 */
export const sessionChangedEventSchema = z.object({
  type: z.literal('session.changed'),
  gateway_id: z.number().int(),
  /** How many sessions changed; more than `sessions.length` when the batch was cut. */
  count: z.number().int().positive(),
  sessions: z.array(sessionSchema),
  at: unixSecondsSchema,
})
export const MAX_SESSIONS_PER_EVENT = 50

/** Per-gateway thresholds (null: the worker's defaults). */
export const sessionThresholdSchema = z
  .number({ error: `must be a whole number of seconds from ${MIN_SESSION_THRESHOLD_S}` })
  .int(`must be a whole number of seconds from ${MIN_SESSION_THRESHOLD_S}`)
  .min(MIN_SESSION_THRESHOLD_S, `must be at least ${MIN_SESSION_THRESHOLD_S} seconds`)
  .max(MAX_SESSION_THRESHOLD_S, `must be at most ${MAX_SESSION_THRESHOLD_S} seconds (30 days)`)
  .nullable()
