import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { agents } from '../schema/agents.ts'
import { directConnections } from '../schema/direct-connections.ts'

export type ConnectionRow = typeof directConnections.$inferSelect
export type AgentRow = typeof agents.$inferSelect
export type ConnectionWithAgent = ConnectionRow & {
  agentName: string
  agentStatus: AgentRow['status']
  agentRole: string
}

const withAgent = {
  connection: directConnections,
  agentName: agents.name,
  agentStatus: agents.status,
  agentRole: agents.role,
}
const flatten = (row: {
  connection: ConnectionRow
  agentName: string
  agentStatus: AgentRow['status']
  agentRole: string
}) => ({
  ...row.connection,
  agentName: row.agentName,
  agentStatus: row.agentStatus,
  agentRole: row.agentRole,
})

export interface ConnectInput {
  agentName: string
  agentRole: string | undefined
  toolName: string
  toolVersion: string | null
  metadata: Record<string, unknown> | null
  connectionId: string
  timeoutS: number
}

/**
 * Registers a CLI connection: creates the agent on first sight (role `cli` unless given) and marks
 * it online, retires an older live connection of the same agent and tool (a reconnect), and opens
 * the new one, expiring `timeoutS` after now unless a heartbeat comes. One transaction.
 */
export async function connectAgent(db: Database, input: ConnectInput) {
  return db.transaction(async (tx) => {
    const [agent] = await tx
      .insert(agents)
      .values({
        name: input.agentName,
        role: input.agentRole ?? 'cli',
        status: 'online',
        lastSeen: sql`now()`,
      })
      .onConflictDoUpdate({
        target: agents.name,
        set: {
          status: 'online',
          lastSeen: sql`now()`,
          updatedAt: sql`now()`,
          ...(input.agentRole ? { role: input.agentRole } : {}),
        },
      })
      .returning()
    if (!agent) throw new Error('agent upsert returned nothing')
    const replaced = await tx
      .update(directConnections)
      .set({ status: 'disconnected', disconnectedAt: sql`now()`, disconnectReason: 'replaced' })
      .where(
        and(
          eq(directConnections.agentId, agent.id),
          eq(directConnections.toolName, input.toolName),
          eq(directConnections.status, 'connected'),
        ),
      )
      .returning({ connectionId: directConnections.connectionId })
    const [connection] = await tx
      .insert(directConnections)
      .values({
        agentId: agent.id,
        toolName: input.toolName,
        toolVersion: input.toolVersion,
        connectionId: input.connectionId,
        metadata: input.metadata,
        expiresAt: sql`now() + make_interval(secs => ${input.timeoutS})`,
      })
      .returning()
    if (!connection) throw new Error('connection insert returned nothing')
    return { agent, connection, replaced: replaced.map((r) => r.connectionId) }
  })
}

export interface HeartbeatInput {
  /** The agent's numeric id or its name, as the URL gives it. */
  agent: number | string
  connectionId: string
  tokens: { model: string; input: number; output: number } | null
}

export type HeartbeatOutcome =
  | { kind: 'ok'; agentId: number; expiresAt: Date; tokenRecorded: boolean }
  | { kind: 'not_found' }
  | { kind: 'disconnected'; reason: string | null }

/** Why a heartbeat matched no live connection of its agent: unknown or foreign (404), or closed (409). */
async function classifyMissedHeartbeat(db: Database, input: HeartbeatInput): Promise<HeartbeatOutcome> {
  const [existing] = await db
    .select({ reason: directConnections.disconnectReason, agentId: agents.id, agentName: agents.name })
    .from(directConnections)
    .innerJoin(agents, eq(agents.id, directConnections.agentId))
    .where(eq(directConnections.connectionId, input.connectionId))
  const belongs =
    existing &&
    (typeof input.agent === 'number' ? existing.agentId === input.agent : existing.agentName === input.agent)
  return !belongs || !existing ? { kind: 'not_found' } : { kind: 'disconnected', reason: existing.reason }
}

/**
 * Many heartbeats in one statement: the set-based form of `recordHeartbeat`, for coalescing the
 * heartbeats that arrive within a few milliseconds. Returns the outcome of each input, in order.
 */
export async function recordHeartbeats(
  db: Database,
  inputs: HeartbeatInput[],
  timeoutS: number,
): Promise<HeartbeatOutcome[]> {
  if (inputs.length === 0) return []
  // Each column goes as one array parameter (drizzle would expand a bare array into a list).
  const column = <T>(pick: (input: HeartbeatInput, index: number) => T) => sql.param(inputs.map(pick))
  const rows = await db.execute<{
    n: number
    agent_id: number
    expires_at: string | Date
    token_recorded: boolean
  }>(sql`
    with input as (
      select * from unnest(
        ${column((_, index) => index)}::int[],
        ${column((h) => h.connectionId)}::text[],
        ${column((h) => (typeof h.agent === 'number' ? h.agent : null))}::int[],
        ${column((h) => (typeof h.agent === 'string' ? h.agent : null))}::text[],
        ${column((h) => h.tokens?.model ?? null)}::text[],
        ${column((h) => h.tokens?.input ?? 0)}::int[],
        ${column((h) => h.tokens?.output ?? 0)}::int[]
      ) as t(n, connection_id, agent_id, agent_name, model, input_tokens, output_tokens)
    ), live as (
      -- Each input that names a live connection of its own agent, by its position in the batch.
      select i.n, d.id
      from input i
      join direct_connections d on d.connection_id = i.connection_id and d.status = 'connected'
      join agents a on a.id = d.agent_id and (a.id = i.agent_id or a.name = i.agent_name)
    ), c as (
      update direct_connections d
      set last_heartbeat = now(), expires_at = now() + make_interval(secs => ${timeoutS})
      from (select distinct id from live) l where d.id = l.id
      returning d.id, d.agent_id, d.expires_at
    ), touched as (
      -- Data-modifying CTEs always run, whether or not the final select reads them.
      update agents set last_seen = now(), status = 'online' where id in (select agent_id from c)
    ), usage as (
      insert into token_usage (agent_id, connection_id, model, input_tokens, output_tokens)
      select c.agent_id, c.id, i.model, i.input_tokens, i.output_tokens
      from live l join c on c.id = l.id join input i on i.n = l.n
      where i.model is not null
    )
    select l.n, c.agent_id, c.expires_at, i.model is not null as token_recorded
    from live l join c on c.id = l.id join input i on i.n = l.n`)
  const outcomes: (HeartbeatOutcome | undefined)[] = inputs.map(() => undefined)
  for (const row of rows) {
    outcomes[row.n] = {
      kind: 'ok',
      agentId: row.agent_id,
      expiresAt: new Date(row.expires_at),
      tokenRecorded: row.token_recorded,
    }
  }
  // The rare misses (unknown, foreign or closed connections) are told apart one by one.
  return Promise.all(inputs.map((input, i) => outcomes[i] ?? classifyMissedHeartbeat(db, input)))
}

/**
 * Closes a connection (repeating it is harmless) and takes its agent offline when it has no live
 * connection left. Undefined for an unknown connection id.
 */
export async function disconnectConnection(db: Database, connectionId: string, reason: string) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(directConnections)
      .where(eq(directConnections.connectionId, connectionId))
      .for('update')
    if (!current) return undefined
    if (current.status === 'disconnected') return { connection: current, changed: false, offlineAgent: null }
    const [connection] = await tx
      .update(directConnections)
      .set({ status: 'disconnected', disconnectedAt: sql`now()`, disconnectReason: reason })
      .where(eq(directConnections.id, current.id))
      .returning()
    const offline = await tx.execute<{ id: number; name: string }>(sql`
      update agents a set status = 'offline', updated_at = now()
      where a.id = ${current.agentId} and not exists (
        select 1 from direct_connections d where d.agent_id = a.id and d.status = 'connected')
      returning a.id, a.name`)
    const agent = offline[0] as { id: number; name: string } | undefined
    return { connection: connection ?? current, changed: true, offlineAgent: agent ?? null }
  })
}

/**
 * The expiry sweep: every live connection without a heartbeat for its timeout becomes
 * `disconnected` (reason `heartbeat_timeout`) and agents left without a live connection go
 * offline, in one set-based statement on database time. Running it again, or on two workers at
 * once, changes nothing more.
 */
export async function expireConnections(db: Database) {
  const rows = await db.execute<{
    kind: 'connection' | 'agent'
    id: number
    ref: string
    agent_id: number
  }>(sql`
    with expired as (
      update direct_connections
      set status = 'disconnected', disconnected_at = now(), disconnect_reason = 'heartbeat_timeout'
      where status = 'connected' and expires_at < now()
      returning id, agent_id, connection_id
    ), offline as (
      update agents a set status = 'offline', updated_at = now()
      where a.id in (select agent_id from expired) and not exists (
        select 1 from direct_connections d
        where d.agent_id = a.id and d.status = 'connected' and d.id not in (select id from expired))
      returning a.id, a.name
    )
    select 'connection' as kind, id, connection_id as ref, agent_id from expired
    union all
    select 'agent' as kind, id, name as ref, id as agent_id from offline`)
  return {
    connections: rows
      .filter((r) => r.kind === 'connection')
      .map((r) => ({ connectionId: r.ref, agentId: r.agent_id })),
    agents: rows.filter((r) => r.kind === 'agent').map((r) => ({ id: r.id, name: r.ref })),
  }
}

export interface ConnectionFilter {
  status?: ConnectionRow['status']
  agent?: string
  tool?: string
  agentId?: number
  limit: number
  before?: number
}

/** Connections with their agent's name, status and role, newest first, with a cursor. */
export async function listConnections(db: Database, filter: ConnectionFilter) {
  const conditions: SQL[] = []
  if (filter.status) conditions.push(eq(directConnections.status, filter.status))
  if (filter.agent) conditions.push(eq(agents.name, filter.agent))
  if (filter.agentId !== undefined) conditions.push(eq(directConnections.agentId, filter.agentId))
  if (filter.tool) conditions.push(eq(directConnections.toolName, filter.tool))
  if (filter.before !== undefined) conditions.push(lt(directConnections.id, filter.before))
  const rows = await db
    .select(withAgent)
    .from(directConnections)
    .innerJoin(agents, eq(agents.id, directConnections.agentId))
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(desc(directConnections.id))
    .limit(filter.limit + 1)
  const page = rows.slice(0, filter.limit).map(flatten)
  const last = page.at(-1)
  return { rows: page, nextBefore: rows.length > filter.limit && last ? last.id : null }
}
