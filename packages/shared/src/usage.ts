import { z } from 'zod'
import { queryInt } from './query-params.ts'

export const USAGE_GROUPS = ['gateway', 'agent', 'model'] as const
export const usageGroupSchema = z.enum(USAGE_GROUPS)
export type UsageGroup = z.infer<typeof usageGroupSchema>

/**
 * `GET /api/usage`: tokens and estimated cost of gateway sessions and CLI agents, grouped.
 * `since`/`until` are unix seconds, counted by whole UTC days (default: the last 30 days).
 */
export const usageQuerySchema = z.strictObject({
  group_by: usageGroupSchema.default('gateway'),
  since: queryInt(0, 2 ** 40).optional(),
  until: queryInt(0, 2 ** 40).optional(),
})
export type UsageQuery = z.infer<typeof usageQuerySchema>

const usageNumbers = {
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cost_usd: z.number(),
}

/**
 * One group. `gateway`: key is the gateway's name (CLI agents together under "CLI agents", no
 * gateway_id); `agent`: a gateway agent is `<gateway>/<agent id>`, a CLI agent its name;
 * `model`: the model name.
 */
export const usageGroupRowSchema = z.object({
  key: z.string(),
  gateway_id: z.number().int().optional(),
  agent: z.string().optional(),
  model: z.string().optional(),
  ...usageNumbers,
})
export type UsageGroupRow = z.infer<typeof usageGroupRowSchema>

/** One UTC day of one group. */
export const usageDaySchema = z.object({ date: z.string(), key: z.string(), ...usageNumbers })
export type UsageDay = z.infer<typeof usageDaySchema>

export const usageResponseSchema = z.object({
  groups: z.array(usageGroupRowSchema),
  series: z.array(usageDaySchema),
})
export type UsageResponse = z.infer<typeof usageResponseSchema>

/** The group CLI agents fall in when grouping by gateway. */
export const CLI_AGENTS_USAGE_KEY = 'CLI agents'
