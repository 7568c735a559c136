import { z } from 'zod'
import { ALERT_SUBJECT_TYPES, alertRuleKindSchema, alertSeveritySchema } from './alert-rules.ts'
import { idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES)
export type IncidentStatus = z.infer<typeof incidentStatusSchema>

/** One condition (a rule) on one subject (a gateway, an agent or a session), from its opening to its end. */
export const incidentSchema = z.object({
  id: z.number().int(),
  rule_id: z.number().int().nullable(),
  rule_name: z.string(),
  kind: alertRuleKindSchema,
  severity: alertSeveritySchema,
  subject_type: z.enum(ALERT_SUBJECT_TYPES),
  subject_id: z.number().int(),
  subject_name: z.string(),
  status: incidentStatusSchema,
  /** One line: what happened, e.g. "gw-eu-1 is offline: connect ECONNREFUSED". */
  summary: z.string(),
  opened_at: unixSecondsSchema,
  acknowledged_at: nullableUnixSecondsSchema,
  acknowledged_by: z.string().nullable(),
  resolved_at: nullableUnixSecondsSchema,
  /** Who resolved it by hand; null when its condition cleared by itself. */
  resolved_by: z.string().nullable(),
  /** Opened while its gateway was in a maintenance window: nobody was told (yet). */
  in_maintenance: z.boolean(),
  last_notified_at: nullableUnixSecondsSchema,
})
export type Incident = z.infer<typeof incidentSchema>

export const INCIDENT_TIMELINE_TYPES = [
  'opened',
  'notified',
  'delivery_failed',
  'suppressed',
  'acknowledged',
  'resolved',
] as const

export const incidentTimelineEntrySchema = z.object({
  at: unixSecondsSchema,
  type: z.enum(INCIDENT_TIMELINE_TYPES),
  /** A user for acknowledgements and manual resolutions; `system` otherwise. */
  actor: z.string(),
  /** The channel and attempt of a delivery, the reason of a suppression… */
  detail: z.string().nullable(),
})
export type IncidentTimelineEntry = z.infer<typeof incidentTimelineEntrySchema>

export const incidentResponseSchema = z.object({ incident: incidentSchema })
export const incidentDetailResponseSchema = z.object({
  incident: incidentSchema,
  timeline: z.array(incidentTimelineEntrySchema),
})

/** `GET /api/incidents`: open first is the client's ordering; the list is newest first by id. */
export const incidentsQuerySchema = z.strictObject({
  status: z
    .union([incidentStatusSchema, z.literal('all')])
    .optional()
    .transform((status) => (status === 'all' ? undefined : status)),
  gateway_id: idTextSchema.optional(),
  agent_id: idTextSchema.optional(),
  kind: alertRuleKindSchema.optional(),
  limit: queryInt(1, 500).default(100),
  before: idTextSchema.optional(),
})
export type IncidentsQuery = z.infer<typeof incidentsQuerySchema>

export const incidentsResponseSchema = z.object({
  incidents: z.array(incidentSchema),
  next_before: z.number().int().nullable(),
})

/** Published when an incident opens, changes (acknowledged) or resolves. */
export const incidentEventSchema = z.object({
  type: z.enum(['incident.opened', 'incident.updated', 'incident.resolved']),
  incident: incidentSchema,
  at: unixSecondsSchema,
})
export type IncidentEvent = z.infer<typeof incidentEventSchema>
