import { z } from 'zod'
import { idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { agentStatusSchema, connectionStatusSchema } from './statuses.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

export const METADATA_MAX_BYTES = 16 * 1024

const nameSchema = (what: string) =>
  z.string().trim().min(1, `${what} is required`).max(200, 'at most 200 characters')

const utf8 = new TextEncoder()

/** Any JSON object, up to 16 KB serialised (UTF-8 bytes, counted the same in browsers and Node). */
export const connectionMetadataSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => utf8.encode(JSON.stringify(value)).byteLength <= METADATA_MAX_BYTES, {
    message: `at most ${METADATA_MAX_BYTES / 1024} KB as JSON`,
  })

/** `POST /api/connect`, exactly as the seed's CLI tools send it. */
export const connectRequestSchema = z.strictObject({
  agent_name: nameSchema('agent_name'),
  tool_name: nameSchema('tool_name'),
  tool_version: z.string().max(100).nullable().optional(),
  agent_role: z.string().trim().min(1).max(100).optional(),
  metadata: connectionMetadataSchema.nullable().optional(),
})
export type ConnectRequest = z.infer<typeof connectRequestSchema>

export const connectResponseSchema = z.object({
  connection_id: z.string(),
  agent_id: z.number().int(),
  agent_name: z.string(),
  status: z.literal('connected'),
  heartbeat_url: z.string(),
  heartbeat_interval_s: z.number().int(),
})
export type ConnectResponse = z.infer<typeof connectResponseSchema>

const tokenCount = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(2 ** 31 - 1)

/**
 * `POST /api/agents/:id/heartbeat`: the seed's `tokens: { input, output, model }`, or the older
 * `token_usage: { model, inputTokens, outputTokens }`, which parses into `tokens` as well.
 */
export const heartbeatRequestSchema = z
  .strictObject({
    connection_id: z.string().min(1, 'connection_id is required').max(100),
    tokens: z
      .strictObject({ input: tokenCount, output: tokenCount, model: z.string().min(1).max(200) })
      .optional(),
    token_usage: z
      .strictObject({ model: z.string().min(1).max(200), inputTokens: tokenCount, outputTokens: tokenCount })
      .optional(),
  })
  .refine((body) => !(body.tokens && body.token_usage), { message: 'give tokens or token_usage, not both' })
  .transform(({ connection_id, tokens, token_usage }) => ({
    connection_id,
    tokens:
      tokens ??
      (token_usage && {
        input: token_usage.inputTokens,
        output: token_usage.outputTokens,
        model: token_usage.model,
      }),
  }))
/** What a tool sends: either form of token usage. */
export type HeartbeatRequest = z.input<typeof heartbeatRequestSchema>

export const heartbeatResponseSchema = z.object({
  status: z.literal('ok'),
  agent_id: z.number().int(),
  connection_id: z.string(),
  token_recorded: z.boolean(),
  /** Unix seconds by which the next heartbeat must arrive before the connection expires. */
  next_heartbeat_before: unixSecondsSchema,
})
export type HeartbeatResponse = z.infer<typeof heartbeatResponseSchema>

export const disconnectRequestSchema = z.strictObject({ connection_id: z.string().min(1).max(100) })
export const disconnectResponseSchema = z.object({
  status: z.literal('disconnected'),
  connection_id: z.string(),
})

/** The seed's `DirectConnection`, plus additive fields. `metadata` is the tool's JSON, as a string. */
export const directConnectionSchema = z.object({
  id: z.number().int(),
  agent_id: z.number().int(),
  tool_name: z.string(),
  tool_version: z.string().nullable(),
  connection_id: z.string(),
  status: connectionStatusSchema,
  last_heartbeat: nullableUnixSecondsSchema,
  metadata: z.string().nullable(),
  created_at: unixSecondsSchema,
  agent_name: z.string(),
  agent_status: agentStatusSchema,
  agent_role: z.string(),
  expires_at: unixSecondsSchema,
  disconnected_at: nullableUnixSecondsSchema,
  disconnect_reason: z.string().nullable(),
})
export type DirectConnection = z.infer<typeof directConnectionSchema>

export const connectionsQuerySchema = z.strictObject({
  /** `all` is the same as leaving it out: the web app's `/connections?status=all` passes it on. */
  status: z
    .union([connectionStatusSchema, z.literal('all')])
    .optional()
    .transform((status) => (status === 'all' ? undefined : status)),
  agent: z.string().max(200).optional(),
  tool: z.string().max(200).optional(),
  limit: queryInt(1, 500).default(100),
  before: idTextSchema.optional(),
})
export const connectionsResponseSchema = z.object({
  connections: z.array(directConnectionSchema),
  next_before: z.number().int().nullable(),
})
