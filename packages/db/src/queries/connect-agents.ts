import type { Database } from '../client.ts'
import { isDatabaseUnavailable } from '../database-unavailable.ts'
import { pipelinedTransaction } from './pipelined-transaction.ts'
import { postgresError } from './postgres-errors.ts'
import { retryOnConflict } from './retry-on-conflict.ts'

export interface ConnectInput {
  agentName: string
  agentRole: string | undefined
  toolName: string
  toolVersion: string | null
  metadata: Record<string, unknown> | null
  connectionId: string
  timeoutS: number
}

/** A registered CLI connection: its agent, its id, and the older live connections it retired. */
export interface ConnectedAgent {
  agent: { id: number; name: string }
  connection: { connectionId: string }
  replaced: string[]
}

/** Each connect's own result: what it registered, or the error that failed it. */
export type ConnectSettlement = PromiseSettledResult<ConnectedAgent>

/**
 * One transaction in one round trip for connects of distinct agents. Agents are locked in id order
 * first, the order every writer of these tables keeps (the upsert alone would lock them in the
 * order it meets them); agents new to the database are then inserted in name order, so that two
 * batches creating the same ones wait for each other instead of deadlocking. The connections are
 * written by a statement of its own, whose snapshot is taken once every agent is locked: it sees,
 * and retires, what a concurrent reconnect of those agents committed.
 */
async function connectRound(db: Database, inputs: ConnectInput[]): Promise<ConnectedAgent[]> {
  const names = inputs.map((input) => input.agentName)
  const [, agents, connections] = await retryOnConflict(() =>
    pipelinedTransaction<
      [
        { id: number }[],
        { id: number; name: string }[],
        { kind: 'replaced' | 'opened'; n: number; id: string }[],
      ]
    >(db, (sql) => [
      sql`select id from agents where name = any(${sql.array(names)}::text[]) order by id for no key update`,
      sql`
        with input as (
          select * from unnest(
            ${sql.array(names)}::text[],
            ${sql.array(inputs.map((input) => input.agentRole ?? null))}::text[]
          ) as t(name, role)
        )
        insert into agents (name, role, status, last_seen)
        select name, coalesce(role, 'cli'), 'online', now() from input order by name
        on conflict (name) do update set status = 'online', last_seen = now(), updated_at = now(),
          role = coalesce((select role from input where input.name = excluded.name), agents.role)
        returning id, name`,
      sql`
        with input as (
          select * from unnest(
            ${sql.array(inputs.map((_, n) => n))}::int[],
            ${sql.array(names)}::text[],
            ${sql.array(inputs.map((input) => input.toolName))}::text[],
            ${sql.array(inputs.map((input) => input.toolVersion))}::text[],
            ${sql.array(inputs.map((input) => input.connectionId))}::text[],
            ${sql.array(inputs.map((input) => (input.metadata === null ? null : JSON.stringify(input.metadata))))}::text[],
            ${sql.array(inputs.map((input) => input.timeoutS))}::int[]
          ) as t(n, agent_name, tool_name, tool_version, connection_id, metadata, timeout_s)
        ), target as (
          select i.*, a.id as agent_id from input i join agents a on a.name = i.agent_name
        ), replaced as (
          update direct_connections d
          set status = 'disconnected', disconnected_at = now(), disconnect_reason = 'replaced'
          from target t
          where d.agent_id = t.agent_id and d.tool_name = t.tool_name and d.status = 'connected'
          returning t.n, d.connection_id
        ), opened as (
          insert into direct_connections (agent_id, tool_name, tool_version, connection_id, metadata, expires_at)
          select agent_id, tool_name, tool_version, connection_id, metadata::jsonb,
            now() + make_interval(secs => timeout_s)
          from target order by n
          returning connection_id
        )
        select 'replaced' as kind, n, connection_id as id from replaced
        union all
        select 'opened' as kind, t.n, o.connection_id as id from opened o join target t using (connection_id)`,
    ]),
  )
  const agentByName = new Map(agents.map((agent) => [agent.name, agent]))
  const rowsByInput = new Map<number, typeof connections>()
  for (const row of connections) rowsByInput.set(row.n, [...(rowsByInput.get(row.n) ?? []), row])
  return inputs.map((input, n) => {
    const agent = agentByName.get(input.agentName)
    const mine = rowsByInput.get(n) ?? []
    const opened = mine.find((c) => c.kind === 'opened')
    if (!agent || !opened) throw new Error(`connect of ${input.agentName} wrote nothing`)
    return {
      agent,
      connection: { connectionId: opened.id },
      replaced: mine.filter((c) => c.kind === 'replaced').map((c) => c.id),
    }
  })
}

/**
 * One round for all of them. Should Postgres refuse it (a duplicate connection id…), each connect
 * is tried on its own, so that only the guilty one fails; trouble with the database itself fails
 * them all at once rather than multiplying the load.
 */
async function settleRound(db: Database, inputs: ConnectInput[]): Promise<ConnectSettlement[]> {
  try {
    const connected = await connectRound(db, inputs)
    return connected.map((value) => ({ status: 'fulfilled', value }))
  } catch (error) {
    const statementRefused = postgresError(error) !== undefined && !isDatabaseUnavailable(error)
    if (inputs.length === 1 || !statementRefused)
      return inputs.map(() => ({ status: 'rejected', reason: error }))
    const alone = await Promise.all(inputs.map((input) => settleRound(db, [input])))
    return alone.flat()
  }
}

/**
 * Registers many CLI connections, each as `connectAgent` does, in as few transactions as there are
 * connects of the busiest agent: the n-th connect of each agent goes in the n-th round, so a
 * reconnect in the same batch retires the connection registered before it, as it would have
 * one after the other. The result of each input, in order.
 */
export async function connectAgents(db: Database, inputs: ConnectInput[]): Promise<ConnectSettlement[]> {
  const rounds: { input: ConnectInput; index: number }[][] = []
  const seen = new Map<string, number>()
  inputs.forEach((input, index) => {
    const round = seen.get(input.agentName) ?? 0
    seen.set(input.agentName, round + 1)
    rounds[round] ??= []
    rounds[round].push({ input, index })
  })
  const settled: ConnectSettlement[] = new Array(inputs.length)
  for (const round of rounds) {
    const results = await settleRound(
      db,
      round.map((entry) => entry.input),
    )
    round.forEach((entry, i) => {
      settled[entry.index] = results[i] as ConnectSettlement
    })
  }
  return settled
}
