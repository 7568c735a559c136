import { type Database, schema } from '@mc/db'
import { openConnection } from '@mc/db/testing'

interface Tokens {
  inputTokens: number
  outputTokens: number
}

/** One gateway session's day; agent `main` and model `echo-1` unless given (null: not named). */
interface GatewayUsageDay extends Tokens {
  day: string
  sessionKey: string
  agent?: string | null
  model?: string | null
  costUsd: number
}

/** One gateway session's tokens and cost on a UTC day, as the worker stores a `sessions.usage` reading. */
export async function storeGatewayUsage(db: Database, gatewayId: number, row: GatewayUsageDay) {
  await db.insert(schema.gatewayUsage).values({
    ...row,
    gatewayId,
    agent: row.agent === undefined ? 'main' : row.agent,
    model: row.model === undefined ? 'echo-1' : row.model,
  })
}

/** A connected CLI agent, and a way to record the token usage its heartbeats report. */
export async function makeCliAgent(db: Database, name: string) {
  const { agent } = await openConnection(db, name)
  return {
    agent,
    /** Token usage of `model` recorded at `at`. */
    used: async (model: string, at: string | Date, tokens: Tokens) => {
      await db
        .insert(schema.tokenUsage)
        .values({ agentId: agent.id, model, recordedAt: new Date(at), ...tokens })
    },
  }
}
