import { z } from 'zod'
import { idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { unixSecondsSchema } from './time.ts'

/** Longest error text kept for a failed tool call (the gateway's can be a whole stack). */
export const MAX_TOOL_ERROR_LENGTH = 500

/** A tool's p95 over the last hour this many times its 7-day p95 or more: it is degrading. */
export const TOOL_DEGRADING_RATIO = 2

const toolWindow = {
  /** Unix seconds; default 24 hours before `until`. */
  since: queryInt(0, 2 ** 40).optional(),
  /** Unix seconds; default now. */
  until: queryInt(0, 2 ** 40).optional(),
}

/** `GET /api/tools`: one row per gateway × tool over the window. */
export const toolsQuerySchema = z.strictObject({ gateway_id: idTextSchema.optional(), ...toolWindow })
export type ToolsQuery = z.infer<typeof toolsQuerySchema>

export const toolSummarySchema = z.object({
  gateway_id: z.number().int(),
  gateway_name: z.string(),
  name: z.string(),
  calls: z.number().int(),
  failures: z.number().int(),
  /** Null when the window holds no call. */
  p50_ms: z.number().int().nullable(),
  p95_ms: z.number().int().nullable(),
  max_ms: z.number().int().nullable(),
  /** p95 over the last hour ≥ TOOL_DEGRADING_RATIO × its 7-day p95. */
  degrading: z.boolean(),
})
export type ToolSummary = z.infer<typeof toolSummarySchema>

export const toolsResponseSchema = z.object({ tools: z.array(toolSummarySchema) })
export type ToolsResponse = z.infer<typeof toolsResponseSchema>

/** `GET /api/tools/:name`: the tool on one gateway, or summed over all of them. */
export const toolQuerySchema = z.strictObject({ gateway_id: idTextSchema.optional(), ...toolWindow })
export type ToolQuery = z.infer<typeof toolQuerySchema>

export const toolNameSchema = z.string().trim().min(1).max(200)

export const toolHourSchema = z.object({
  /** Start of the hour, unix seconds. */
  hour: unixSecondsSchema,
  calls: z.number().int(),
  failures: z.number().int(),
  p50_ms: z.number().int().nullable(),
  p95_ms: z.number().int().nullable(),
  max_ms: z.number().int().nullable(),
})
export type ToolHour = z.infer<typeof toolHourSchema>

export const toolFailureSchema = z.object({
  gateway_id: z.number().int(),
  gateway_name: z.string(),
  session_key: z.string().nullable(),
  agent: z.string().nullable(),
  ended_at: unixSecondsSchema,
  duration_ms: z.number().int(),
  /** Bounded to MAX_TOOL_ERROR_LENGTH. */
  error: z.string().nullable(),
  exit_code: z.number().int().nullable(),
})
export type ToolFailure = z.infer<typeof toolFailureSchema>

export const toolResponseSchema = z.object({
  name: z.string(),
  gateway_id: z.number().int().nullable(),
  series: z.array(toolHourSchema),
  /** The latest failures in the window, newest first (at most 20). */
  failures: z.array(toolFailureSchema),
  /** p95 over the last 7 days, the baseline "degrading" compares with. */
  baseline_p95_ms: z.number().int().nullable(),
  degrading: z.boolean(),
})
export type ToolResponse = z.infer<typeof toolResponseSchema>
