import { z } from 'zod'
import { idSchema } from './ids.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

/** A moment in a JSON body: unix seconds, or an ISO 8601 date-time with its offset. */
const INSTANT_RULE = 'must be unix seconds or an ISO 8601 date-time such as 2026-12-01T22:00:00Z'
const instantSchema = z
  .union([unixSecondsSchema, z.iso.datetime({ offset: true, error: INSTANT_RULE })], { error: INSTANT_RULE })
  .transform((value) => (typeof value === 'number' ? value : Math.floor(Date.parse(value) / 1000)))

/** During a window, incidents of its gateways are recorded but notify nobody until it ends. */
export const createMaintenanceWindowRequestSchema = z
  .strictObject({
    gateway_ids: z.array(idSchema).min(1, 'needs at least one gateway').max(1000, 'at most 1000 gateways'),
    starts_at: instantSchema,
    ends_at: instantSchema,
    reason: z.string().trim().min(1, 'required').max(500, 'at most 500 characters'),
  })
  // Compared only once both are valid times: a bad date gets its own message, not these too.
  .refine((w) => w.ends_at > w.starts_at, {
    message: 'must be after starts_at',
    path: ['ends_at'],
    when: (payload) => payload.issues.length === 0,
  })
  .refine((w) => w.ends_at - w.starts_at <= 31 * 86_400, {
    message: 'a window lasts at most 31 days',
    path: ['ends_at'],
    when: (payload) => payload.issues.length === 0,
  })
export type CreateMaintenanceWindowRequest = z.input<typeof createMaintenanceWindowRequestSchema>

export const maintenanceWindowSchema = z.object({
  id: z.number().int(),
  gateway_ids: z.array(z.number().int()),
  starts_at: unixSecondsSchema,
  ends_at: unixSecondsSchema,
  reason: z.string(),
  created_by: z.string(),
  created_at: unixSecondsSchema,
  /** Ended early by DELETE; the window is kept for the record. */
  cancelled_at: nullableUnixSecondsSchema,
  /** Now within it (and not cancelled). */
  active: z.boolean(),
})
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>

export const maintenanceWindowResponseSchema = z.object({ window: maintenanceWindowSchema })
export const maintenanceWindowsResponseSchema = z.object({ windows: z.array(maintenanceWindowSchema) })
