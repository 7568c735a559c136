import { eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { isDatabaseUnavailable } from '../database-unavailable.ts'
import { agents } from '../schema/agents.ts'
import { directConnections } from '../schema/direct-connections.ts'
import { isDataException, postgresError } from './postgres-errors.ts'
import { retryOnConflict } from './retry-on-conflict.ts'

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
  /** A value Postgres refuses: the sender's fault, and nobody else's. */
  | { kind: 'invalid'; message: string }

/** Each heartbeat's own result: an outcome, or the error that failed it (the database unreachable…). */
export type HeartbeatSettlement = PromiseSettledResult<HeartbeatOutcome>

const isInt4 = (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31
/** Postgres refuses NUL in text; a lone UTF-16 surrogate has no UTF-8 form and would be stored as U+FFFD. */
const isStorableText = (text: string) => !text.includes('\0') && !/\p{Cs}/u.test(text)

/** What Postgres would refuse in `input`: found before it joins a batch, where it would fail every heartbeat. */
function refusal({ agent, connectionId, tokens }: HeartbeatInput): string | undefined {
  if (typeof agent === 'number' && !isInt4(agent)) return `agent id ${agent} is out of range`
  if (typeof agent === 'string' && !isStorableText(agent))
    return 'the agent name contains NUL or a lone surrogate'
  if (!isStorableText(connectionId)) return 'connection_id contains NUL or a lone surrogate'
  if (tokens && !isStorableText(tokens.model)) return 'the model contains NUL or a lone surrogate'
  if (tokens && !(isInt4(tokens.input) && isInt4(tokens.output)))
    return 'token counts must be 32-bit integers'
  return undefined
}

const fulfilled = (value: HeartbeatOutcome): HeartbeatSettlement => ({ status: 'fulfilled', value })

/** A failed statement as the result of the one heartbeat it carried. */
function failure(error: unknown): HeartbeatSettlement {
  const refused = isDataException(error) ? postgresError(error) : undefined
  return refused
    ? fulfilled({ kind: 'invalid', message: refused.message })
    : { status: 'rejected', reason: error }
}

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
 * The whole batch in one statement. Several heartbeats of one connection update it once, and
 * each records its own token usage. Row locks are taken in the order every writer of these
 * tables keeps: the agents by id, then their connections by id (a batch that locked connections
 * first deadlocked with reconnects and with other batches).
 */
async function heartbeatStatement(db: Database, inputs: HeartbeatInput[], timeoutS: number) {
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
    ), live as materialized (
      -- Each input that names a live connection of its own agent, by its position in the batch.
      select i.n, d.id, d.agent_id
      from input i
      join direct_connections d on d.connection_id = i.connection_id and d.status = 'connected'
      join agents a on a.id = d.agent_id and (a.id = i.agent_id or a.name = i.agent_name)
    ), locked_agents as materialized (
      select id from agents where id in (select agent_id from live) order by id for no key update
    ), locked as materialized (
      -- The count is a one-time filter: every agent is locked before the first connection is.
      -- A connection retired meanwhile fails the status re-check and is left out.
      select d.id from direct_connections d
      where d.id in (select id from live) and d.status = 'connected'
        and (select count(*) from locked_agents) >= 0
      order by d.id for no key update
    ), c as (
      update direct_connections d
      set last_heartbeat = now(), expires_at = now() + make_interval(secs => ${timeoutS})
      from locked l where d.id = l.id
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
  const written: (HeartbeatOutcome | undefined)[] = inputs.map(() => undefined)
  for (const row of rows) {
    written[row.n] = {
      kind: 'ok',
      agentId: row.agent_id,
      expiresAt: new Date(row.expires_at),
      tokenRecorded: row.token_recorded,
    }
  }
  return written
}

/**
 * One statement for the batch. Should Postgres refuse it anyway, each heartbeat is tried on its
 * own, so that only the guilty one fails; trouble with the database itself (unreachable, out of
 * time) fails them all at once rather than multiplying the load.
 */
async function settleBatch(
  db: Database,
  inputs: HeartbeatInput[],
  timeoutS: number,
): Promise<HeartbeatSettlement[]> {
  if (inputs.length === 0) return []
  let written: (HeartbeatOutcome | undefined)[]
  try {
    written = await retryOnConflict(() => heartbeatStatement(db, inputs, timeoutS))
  } catch (error) {
    const statementRefused = postgresError(error) !== undefined && !isDatabaseUnavailable(error)
    if (inputs.length === 1 || !statementRefused) return inputs.map(() => failure(error))
    const alone = await Promise.all(inputs.map((input) => settleBatch(db, [input], timeoutS)))
    return alone.flat()
  }
  // The rare misses (unknown, foreign or closed connections) are told apart one by one.
  return Promise.allSettled(inputs.map((input, i) => written[i] ?? classifyMissedHeartbeat(db, input)))
}

/**
 * Many heartbeats, coalesced from the ones that arrive within a few milliseconds, settled each
 * on its own: the result of each input, in order.
 */
export async function recordHeartbeats(
  db: Database,
  inputs: HeartbeatInput[],
  timeoutS: number,
): Promise<HeartbeatSettlement[]> {
  const refusals = inputs.map(refusal)
  const settled = await settleBatch(
    db,
    inputs.filter((_, i) => refusals[i] === undefined),
    timeoutS,
  )
  // settleBatch answers each heartbeat it was given, in order.
  return refusals.map((message) =>
    message === undefined
      ? (settled.shift() as HeartbeatSettlement)
      : fulfilled({ kind: 'invalid', message }),
  )
}
