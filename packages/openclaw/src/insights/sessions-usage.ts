import { z } from 'zod'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'
import { isRecord } from '../protocol/is-record.ts'
import { nonNegative, text } from './fields.ts'

/** One session's tokens and cost over the range asked for. */
export interface SessionUsage {
  sessionKey: string
  agentId: string | null
  model: string | null
  provider: string | null
  inputTokens: number
  outputTokens: number
  costUsd: number
  lastActivityAt: number | null
}

export interface UsageReading {
  /** false while the gateway's usage cache refreshes: it then answers zeros, and `sessions` is empty. */
  fresh: boolean
  sessions: SessionUsage[]
}

export type UsageClient = Pick<GatewayClient, 'request'>

/** Sessions asked for (the gateway's default is 50, with no maximum). */
export const DEFAULT_USAGE_SESSIONS_LIMIT = 1000

const answerSchema = z.looseObject({
  sessions: z.array(z.unknown()),
  cacheStatus: z
    .looseObject({ status: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
})
const DAY = /^\d{4}-\d{2}-\d{2}$/
const AGENT_KEY = /^agent:([^:]+):/

/**
 * Per-session usage for every agent (`sessions.usage {agentScope: "all"}`; without it only the default
 * agent is covered), over one UTC `day` (`startDate` = `endDate`, `mode: "utc"`) or else the gateway's
 * default range (the last 30 days). The answer comes from a cache that answers zeros while it
 * refreshes (`cacheStatus.status: "refreshing"`, fresh ≈20 s later): such a reading is `fresh: false`
 * with no sessions, so that zeros are never stored. The package docs ask not to poll this for live
 * lists: call it at most every few minutes. Rejects with a GatewayError.
 */
export async function readSessionsUsage(
  client: UsageClient,
  options: { day?: string; limit?: number; signal?: AbortSignal } = {},
): Promise<UsageReading> {
  const { day } = options
  if (day !== undefined && !DAY.test(day)) throw new RangeError(`day must be YYYY-MM-DD, not ${day}`)
  const params = {
    agentScope: 'all',
    limit: Math.max(1, Math.floor(options.limit ?? DEFAULT_USAGE_SESSIONS_LIMIT)),
    ...(day ? { startDate: day, endDate: day, mode: 'utc' } : {}),
  }
  const answer = answerSchema.safeParse(
    await client.request('sessions.usage', params, { signal: options.signal }),
  )
  if (!answer.success) {
    const message = 'unexpected sessions.usage answer (no sessions array)'
    throw new GatewayError({ kind: 'protocol', method: 'sessions.usage', message })
  }
  if (answer.data.cacheStatus?.status === 'refreshing') return { fresh: false, sessions: [] }
  const sessions: SessionUsage[] = []
  for (const raw of answer.data.sessions) {
    const row = parseUsageRow(raw)
    if (row) sessions.push(row)
  }
  return { fresh: true, sessions }
}

/** One `sessions.usage` row; null without a key or a usage object (no usage in the range). */
export function parseUsageRow(raw: unknown): SessionUsage | null {
  if (!isRecord(raw) || !isRecord(raw.usage)) return null
  const sessionKey = text(raw.key)
  if (!sessionKey) return null
  const { usage } = raw
  const firstModel =
    Array.isArray(usage.modelUsage) && isRecord(usage.modelUsage[0]) ? usage.modelUsage[0] : {}
  return {
    sessionKey,
    agentId: short(raw.agentId) ?? short(AGENT_KEY.exec(sessionKey)?.[1]),
    model: short(raw.model) ?? short(firstModel.model),
    provider: short(raw.modelProvider) ?? short(firstModel.provider),
    inputTokens: nonNegative(usage.input) ?? 0,
    outputTokens: nonNegative(usage.output) ?? 0,
    costUsd: nonNegative(usage.totalCost) ?? 0,
    lastActivityAt: nonNegative(usage.lastActivity) ?? nonNegative(raw.updatedAt),
  }
}

const MAX_NAME_LENGTH = 200

function short(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, MAX_NAME_LENGTH) : null
}
