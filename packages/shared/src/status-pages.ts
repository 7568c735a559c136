import { z } from 'zod'
import { alertSeveritySchema } from './alert-rules.ts'
import { idSchema } from './ids.ts'
import { incidentStatusSchema } from './incidents.ts'
import { gatewayStatusSchema } from './statuses.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

/** Days of uptime bars a status page shows. */
export const STATUS_PAGE_DAYS = 90
/** How far back a status page lists resolved incidents. */
export const STATUS_PAGE_INCIDENT_DAYS = 14
export const MAX_STATUS_PAGE_GATEWAYS = 500

/** Lowercase words joined by dashes: the page lives at `/status/<slug>`. */
export const statusPageSlugSchema = z
  .string()
  .trim()
  .min(2, 'at least 2 characters')
  .max(64, 'at most 64 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes, e.g. "prod-eu"')

const titleSchema = z.string().trim().min(1, 'required').max(120, 'at most 120 characters')
const descriptionSchema = z.string().trim().max(2000, 'at most 2000 characters')
const gatewayIdsSchema = z
  .array(idSchema)
  .max(MAX_STATUS_PAGE_GATEWAYS, `at most ${MAX_STATUS_PAGE_GATEWAYS} gateways`)
  .refine((ids) => new Set(ids).size === ids.length, 'lists a gateway twice')

export const createStatusPageRequestSchema = z.strictObject({
  slug: statusPageSlugSchema,
  title: titleSchema,
  description: descriptionSchema.default(''),
  /** In the order the page lists them. */
  gateway_ids: gatewayIdsSchema,
  /** Readable without signing in (and its gateways' badges served). */
  public: z.boolean().default(false),
  /** Show each gateway's last error text on the page. Off by default: errors can name hosts and ports. */
  show_errors: z.boolean().default(false),
})
export type CreateStatusPageRequest = z.input<typeof createStatusPageRequestSchema>

export const updateStatusPageRequestSchema = z
  .strictObject({
    slug: statusPageSlugSchema.optional(),
    title: titleSchema.optional(),
    description: descriptionSchema.optional(),
    gateway_ids: gatewayIdsSchema.optional(),
    public: z.boolean().optional(),
    show_errors: z.boolean().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'nothing to change: give slug, title, description, gateway_ids, public or show_errors',
  })
export type UpdateStatusPageRequest = z.input<typeof updateStatusPageRequestSchema>

/** A status page as admins manage it. */
export const statusPageSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  gateway_ids: z.array(z.number().int()),
  public: z.boolean(),
  show_errors: z.boolean(),
  created_at: unixSecondsSchema,
  updated_at: unixSecondsSchema,
})
export type StatusPage = z.infer<typeof statusPageSchema>

export const statusPageResponseSchema = z.object({ status_page: statusPageSchema })
export const statusPagesResponseSchema = z.object({ status_pages: z.array(statusPageSchema) })

/** One day of a gateway's uptime on a status page (UTC days, oldest first). */
export const statusDaySchema = z.object({
  /** `YYYY-MM-DD`, UTC. */
  date: z.string(),
  /** Share of online probes that day, 0–100; null without probes. */
  uptime: z.number().nullable(),
})
export type StatusDay = z.infer<typeof statusDaySchema>

/** A gateway as the public sees it: never its host, port or token; its error only if the page opts in. */
export const publicGatewayStatusSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: gatewayStatusSchema,
  last_probe_at: nullableUnixSecondsSchema,
  /** Share of online probes over the last 90 days, 0–100; null without probes. */
  uptime_90d: z.number().nullable(),
  days: z.array(statusDaySchema),
  /** Only when the page has `show_errors`; null otherwise. */
  last_error: z.string().nullable(),
})
export type PublicGatewayStatus = z.infer<typeof publicGatewayStatusSchema>

/** An incident of a listed gateway: what happened, in the words of its rule, without internals. */
export const publicIncidentSchema = z.object({
  id: z.number().int(),
  gateway_id: z.number().int(),
  gateway_name: z.string(),
  /** The rule's name, e.g. "Gateway offline". */
  title: z.string(),
  severity: alertSeveritySchema,
  status: incidentStatusSchema,
  opened_at: unixSecondsSchema,
  resolved_at: nullableUnixSecondsSchema,
})
export type PublicIncident = z.infer<typeof publicIncidentSchema>

/** `GET /api/status/:slug`: what `/status/:slug` shows. */
export const publicStatusResponseSchema = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  /** The worst status of the listed gateways, as the page's headline. */
  overall: z.enum(['operational', 'degraded', 'outage', 'unknown']),
  gateways: z.array(publicGatewayStatusSchema),
  /** Open ones first, then those resolved in the last STATUS_PAGE_INCIDENT_DAYS days, newest first. */
  incidents: z.array(publicIncidentSchema),
  generated_at: unixSecondsSchema,
  /** How often the page refreshes itself, in seconds. */
  refresh_s: z.number().int(),
})
export type PublicStatusResponse = z.infer<typeof publicStatusResponseSchema>

export const BADGE_PERIODS = ['24h', '7d', '30d'] as const
export const badgeQuerySchema = z.strictObject({ period: z.enum(BADGE_PERIODS).default('24h') })
