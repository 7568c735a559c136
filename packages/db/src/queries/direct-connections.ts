import { and, eq, getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { agents } from '../schema/agents.ts'
import { directConnections } from '../schema/direct-connections.ts'
import { type ConnectedAgent, type ConnectInput, connectAgents } from './connect-agents.ts'
import { type KeysetPage, type KeysetParams, keysetPage } from './keyset-page.ts'
import { retryOnConflict } from './retry-on-conflict.ts'

export type ConnectionRow = typeof directConnections.$inferSelect
export type AgentRow = typeof agents.$inferSelect
export type ConnectionWithAgent = ConnectionRow & {
  agentName: string
  agentStatus: AgentRow['status']
  agentRole: string
}

/**
 * Registers a CLI connection: creates the agent on first sight (role `cli` unless given) and marks
 * it online, retires an older live connection of the same agent and tool (a reconnect), and opens
 * the new one, expiring `timeoutS` after now unless a heartbeat comes. One transaction in one
 * round trip; `connectAgents` registers many at once.
 */
export async function connectAgent(db: Database, input: ConnectInput): Promise<ConnectedAgent> {
  const [settled] = await connectAgents(db, [input])
  if (settled?.status !== 'fulfilled') throw settled ? settled.reason : new Error('connect returned nothing')
  return settled.value
}

/**
 * Closes a connection (repeating it is harmless) and takes its agent offline when it has no live
 * connection left. Undefined for an unknown connection id.
 */
export async function disconnectConnection(db: Database, connectionId: string, reason: string) {
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      // The agent first, then the connection: the lock order every writer of these tables keeps.
      const [agent] = await tx.execute<{ id: number }>(sql`
        select id from agents
        where id = (select agent_id from direct_connections where connection_id = ${connectionId})
        for no key update`)
      if (!agent) return undefined
      const [connection] = await tx
        .update(directConnections)
        .set({ status: 'disconnected', disconnectedAt: sql`now()`, disconnectReason: reason })
        .where(
          and(eq(directConnections.connectionId, connectionId), eq(directConnections.status, 'connected')),
        )
        .returning()
      if (!connection) {
        const [current] = await tx
          .select()
          .from(directConnections)
          .where(eq(directConnections.connectionId, connectionId))
        return current && { connection: current, changed: false, offlineAgent: null }
      }
      const [offline] = await tx.execute<{ id: number; name: string }>(sql`
        update agents a set status = 'offline', updated_at = now()
        where a.id = ${agent.id} and not exists (
          select 1 from direct_connections d where d.agent_id = a.id and d.status = 'connected')
        returning a.id, a.name`)
      return { connection, changed: true, offlineAgent: offline ?? null }
    }),
  )
}

/** What one expiry sweep changed: the connections it disconnected and the agents it took offline. */
export interface ExpiredConnections {
  connections: { connectionId: string; agentId: number }[]
  agents: { id: number; name: string }[]
}

/**
 * The expiry sweep: every live connection without a heartbeat for its timeout becomes
 * `disconnected` (reason `heartbeat_timeout`) and agents left without a live connection go
 * offline, on database time. Running it again, or on two workers at once, changes nothing more.
 */
export async function expireConnections(db: Database): Promise<ExpiredConnections> {
  return retryOnConflict(() =>
    db.transaction(async (tx) => {
      // Agents first, in id order: the lock order every writer of these tables keeps. Each
      // connection is then locked under its agent's lock, which every other writer of it must
      // take first, so their order does not matter (and sorting 10,000 of them costs the sweep
      // ~15%). The agents are locked by a statement of their own so that the next one sees what
      // a reconnect of theirs committed meanwhile; now() is the transaction's start in both.
      const locked = await tx.execute<{ id: number }>(sql`
        select id from agents where id in (
          select agent_id from direct_connections where status = 'connected' and expires_at < now())
        order by id for no key update`)
      if (locked.length === 0) return { connections: [], agents: [] }
      const rows = await tx.execute<{
        kind: 'connection' | 'agent'
        id: number
        ref: string
        agent_id: number
      }>(sql`
        with expired as (
          update direct_connections
          set status = 'disconnected', disconnected_at = now(), disconnect_reason = 'heartbeat_timeout'
          where status = 'connected' and expires_at < now()
            and agent_id = any(${sql.param(locked.map((a) => a.id))}::int[])
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
    }),
  )
}

export interface ConnectionFilter extends KeysetParams {
  status?: ConnectionRow['status']
  agent?: string
  tool?: string
  agentId?: number
}

/** Connections with their agent's name, status and role, newest first, with the next page's cursor. */
export async function listConnections(
  db: Database,
  filter: ConnectionFilter,
): Promise<KeysetPage<ConnectionWithAgent>> {
  const conditions: SQL[] = []
  if (filter.status) conditions.push(eq(directConnections.status, filter.status))
  if (filter.agent) conditions.push(eq(agents.name, filter.agent))
  if (filter.agentId !== undefined) conditions.push(eq(directConnections.agentId, filter.agentId))
  if (filter.tool) conditions.push(eq(directConnections.toolName, filter.tool))
  const query = db
    .select({
      ...getTableColumns(directConnections),
      agentName: agents.name,
      agentStatus: agents.status,
      agentRole: agents.role,
    })
    .from(directConnections)
    .innerJoin(agents, eq(agents.id, directConnections.agentId))
    .$dynamic()
  return keysetPage(query, directConnections.id, conditions, filter)
}
