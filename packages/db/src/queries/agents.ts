import { and, asc, count, eq, ilike, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { agents } from '../schema/agents.ts'
import { tokenUsage } from '../schema/token-usage.ts'
import { containsPattern } from './like-pattern.ts'

type AgentRow = typeof agents.$inferSelect
export type AgentWithConnections = AgentRow & { openConnections: number }

// Written out in full: drizzle would render the outer `agents.id` unqualified inside the subquery,
// where it would mean direct_connections.id.
const openConnections = sql<number>`(
  select count(*)::int from direct_connections d
  where d.agent_id = "agents"."id" and d.status = 'connected')`

export interface AgentFilter {
  status?: AgentRow['status']
  /** Part of the name, case-insensitive. */
  q?: string
  limit: number
  offset: number
}

/** Agents by name with how many live connections each has, and the total for paging. */
export async function listAgents(db: Database, filter: AgentFilter) {
  const conditions: SQL[] = []
  if (filter.status) conditions.push(eq(agents.status, filter.status))
  if (filter.q) conditions.push(ilike(agents.name, containsPattern(filter.q)))
  const where = conditions.length > 0 ? and(...conditions) : sql`true`
  const [rows, [total]] = await Promise.all([
    db
      .select({ agent: agents, openConnections })
      .from(agents)
      .where(where)
      .orderBy(asc(agents.name))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ n: count() }).from(agents).where(where),
  ])
  return { rows: rows.map((r) => ({ ...r.agent, openConnections: r.openConnections })), total: total?.n ?? 0 }
}

/** By numeric id, or by name (the heartbeat URL accepts either). */
export async function findAgent(
  db: Database,
  ref: number | string,
): Promise<AgentWithConnections | undefined> {
  const [row] = await db
    .select({ agent: agents, openConnections })
    .from(agents)
    .where(typeof ref === 'number' ? eq(agents.id, ref) : eq(agents.name, ref))
  return row && { ...row.agent, openConnections: row.openConnections }
}

/** Token usage per model over the last 24 h, 7 d and all time, in one pass. */
export async function agentTokenTotals(db: Database, agentId: number) {
  const rows = await db
    .select({
      model: tokenUsage.model,
      in24h: sql<string>`coalesce(sum(${tokenUsage.inputTokens}) filter (where ${tokenUsage.recordedAt} > now() - interval '24 hours'), 0)`,
      out24h: sql<string>`coalesce(sum(${tokenUsage.outputTokens}) filter (where ${tokenUsage.recordedAt} > now() - interval '24 hours'), 0)`,
      in7d: sql<string>`coalesce(sum(${tokenUsage.inputTokens}) filter (where ${tokenUsage.recordedAt} > now() - interval '7 days'), 0)`,
      out7d: sql<string>`coalesce(sum(${tokenUsage.outputTokens}) filter (where ${tokenUsage.recordedAt} > now() - interval '7 days'), 0)`,
      inAll: sql<string>`sum(${tokenUsage.inputTokens})`,
      outAll: sql<string>`sum(${tokenUsage.outputTokens})`,
    })
    .from(tokenUsage)
    .where(eq(tokenUsage.agentId, agentId))
    .groupBy(tokenUsage.model)
    .orderBy(asc(tokenUsage.model))
  const pick = (input: (r: (typeof rows)[number]) => string, output: (r: (typeof rows)[number]) => string) =>
    rows
      .map((r) => ({ model: r.model, input: Number(input(r)), output: Number(output(r)) }))
      .filter((t) => t.input + t.output > 0)
  return {
    day: pick(
      (r) => r.in24h,
      (r) => r.out24h,
    ),
    week: pick(
      (r) => r.in7d,
      (r) => r.out7d,
    ),
    all: pick(
      (r) => r.inAll,
      (r) => r.outAll,
    ),
  }
}
