import { z } from 'zod'
import { directConnectionSchema } from './connections.ts'
import { queryInt } from './query-params.ts'
import { agentStatusSchema } from './statuses.ts'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

export const tokenTotalsSchema = z.object({
  model: z.string(),
  input: z.number().int(),
  output: z.number().int(),
})
export type TokenTotals = z.infer<typeof tokenTotalsSchema>

export const agentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.string(),
  status: agentStatusSchema,
  source: z.string(),
  last_seen: nullableUnixSecondsSchema,
  created_at: unixSecondsSchema,
  open_connections: z.number().int(),
})
export type Agent = z.infer<typeof agentSchema>

export const agentsQuerySchema = z.strictObject({
  status: agentStatusSchema.optional(),
  q: z.string().max(200).optional(),
  limit: queryInt(1, 500).default(100),
  offset: queryInt(0, 1_000_000).default(0),
})
export const agentsResponseSchema = z.object({ agents: z.array(agentSchema), total: z.number().int() })

/** `GET /api/agents/:id`: the agent, its open connections, token totals per model. */
export const agentDetailResponseSchema = z.object({
  agent: agentSchema,
  connections: z.array(directConnectionSchema),
  tokens: z.object({
    '24h': z.array(tokenTotalsSchema),
    '7d': z.array(tokenTotalsSchema),
    all: z.array(tokenTotalsSchema),
  }),
})
export type AgentDetailResponse = z.infer<typeof agentDetailResponseSchema>
