import { z } from 'zod'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'

const agentsListSchema = z.looseObject({ agents: z.array(z.unknown()) })
const sessionsListSchema = z.looseObject({ totalCount: z.int().nonnegative() })

export interface GatewayCounts {
  agentsCount: number
  sessionsCount: number
}

/** agents_count = agents.list agents.length; sessions_count = sessions.list totalCount (both at once). */
export async function readCounts(client: GatewayClient, signal: AbortSignal): Promise<GatewayCounts> {
  const options = { signal, timeoutMs: Number.POSITIVE_INFINITY }
  const [agents, sessions] = await Promise.all([
    client.request('agents.list', {}, options),
    client.request('sessions.list', { limit: 1 }, options),
  ])
  return {
    agentsCount: parse(agentsListSchema, agents, 'agents.list', 'no agents array').agents.length,
    sessionsCount: parse(sessionsListSchema, sessions, 'sessions.list', 'no totalCount').totalCount,
  }
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, method: string, problem: string): T {
  const parsed = schema.safeParse(payload)
  if (parsed.success) return parsed.data
  throw new GatewayError({ kind: 'protocol', message: `unexpected ${method} answer (${problem})`, method })
}
