import { z } from 'zod'
import { type Gateway, gatewaySchema } from './gateways.ts'
import { idSchema, idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { gatewayStatusSchema } from './statuses.ts'
import { unixSecondsSchema } from './time.ts'

export const probeStatusSchema = gatewayStatusSchema.exclude(['unknown'])
export type ProbeStatus = z.infer<typeof probeStatusSchema>

/** One stored probe (`gateway_probes` row). */
export const probeSchema = z.object({
  id: z.number().int(),
  gateway_id: z.number().int(),
  status: probeStatusSchema,
  latency: z.number().int().nullable(),
  sessions_count: z.number().int().nullable(),
  agents_count: z.number().int().nullable(),
  version: z.string().nullable(),
  error: z.string().nullable(),
  probed_at: unixSecondsSchema,
})
export type Probe = z.infer<typeof probeSchema>

/** `POST /api/gateways/health`: all gateways (no body), or `{ id }`, or `{ ids }`. */
export const probeRequestSchema = z
  .strictObject({
    id: idSchema.optional(),
    ids: z.array(idSchema).min(1).max(1000).optional(),
  })
  .refine((body) => body.id === undefined || body.ids === undefined, { message: 'give id or ids, not both' })
export type ProbeRequest = z.infer<typeof probeRequestSchema>

export const probeResultSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: gatewayStatusSchema,
  latency: z.number().int().nullable(),
  version: z.string().nullable(),
  sessions_count: z.number().int(),
  agents_count: z.number().int(),
  error: z.string().optional(),
  /** The probe was still queued or running at the deadline: this is the last known state. */
  pending: z.literal(true).optional(),
  /** The gateway after its probe (or, when pending, as last known), as `GET /api/gateways` lists it. */
  gateway: gatewaySchema,
})
export type ProbeResult = z.infer<typeof probeResultSchema>

/** A finished probe's entry in `POST /api/gateways/health`, from the gateway it left behind. */
export function probeResultOf(gateway: Gateway): ProbeResult {
  const result = {
    id: gateway.id,
    name: gateway.name,
    status: gateway.status,
    latency: gateway.latency,
    version: gateway.version,
    sessions_count: gateway.sessions_count,
    agents_count: gateway.agents_count,
    gateway,
  }
  return gateway.last_error ? { ...result, error: gateway.last_error } : result
}

/** The entry of a probe still queued or running at the deadline: the gateway's last known state. */
export function pendingProbeResultOf(gateway: Gateway): ProbeResult {
  return {
    ...probeResultOf(gateway),
    error: 'probe did not finish in time; its result will appear shortly',
    pending: true,
  }
}

export const probeResponseSchema = z.object({
  results: z.array(probeResultSchema),
  probed_at: unixSecondsSchema,
})
export type ProbeResponse = z.infer<typeof probeResponseSchema>

/** `GET /api/gateways/health/history`, newest first; `next_before` pages further back. */
export const probeHistoryQuerySchema = z.strictObject({
  gateway_id: idTextSchema.optional(),
  since: queryInt(0, 2 ** 40).optional(),
  until: queryInt(0, 2 ** 40).optional(),
  before: queryInt(1, Number.MAX_SAFE_INTEGER).optional(),
  limit: queryInt(1, 1000).default(100),
})
export const probeHistoryResponseSchema = z.object({
  probes: z.array(probeSchema),
  next_before: z.number().int().nullable(),
})
export type ProbeHistoryResponse = z.infer<typeof probeHistoryResponseSchema>

/** `GET /api/gateways/health/recent?ids=1,2&limit=30`: the tick strips of the gateway cards. */
export const recentProbesQuerySchema = z.strictObject({
  ids: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'comma-separated gateway ids')
    .transform((value) => [...new Set(value.split(',').map(Number))])
    .pipe(z.array(idSchema).max(200, 'at most 200 ids')),
  limit: queryInt(1, 100).default(30),
})
export const recentProbesResponseSchema = z.object({
  probes: z.record(z.string(), z.array(probeSchema)),
})
export type RecentProbesResponse = z.infer<typeof recentProbesResponseSchema>

const percentSchema = z.number().min(0).max(100).nullable()

/** `GET /api/gateways/:id`: the gateway, its uptime, latency percentiles and latest probes. */
export const gatewayDetailResponseSchema = z.object({
  gateway: gatewaySchema,
  uptime: z.object({ '24h': percentSchema, '7d': percentSchema, '30d': percentSchema }),
  latency_ms: z.object({
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    p99: z.number().nullable(),
  }),
  probes_24h: z.number().int(),
  recent_probes: z.array(probeSchema),
})
export type GatewayDetailResponse = z.infer<typeof gatewayDetailResponseSchema>

/** A probe's error when the gateway refused our token (it is up; the token is wrong). */
export const TOKEN_REJECTED_ERROR = 'token rejected by gateway'
