import { eq } from 'drizzle-orm'
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
 * The whole batch in one statement; its parameters are the inputs' fields as arrays, then the
 * timeout. Several heartbeats of one connection update it once, and each records its own token
 * usage. Row locks are taken in the order every writer of these tables keeps: the agents by id,
 * then their connections by id (a batch that locked connections first deadlocked with reconnects
 * and with other batches). Each input's connection is found by an index probe, and its results ride
 * along with its connection's row rather than being joined back to it, so a batch's time grows in
 * proportion to its size (joined back, a batch of 250 spent most of its time matching rows pairwise).
 */
const HEARTBEAT_STATEMENT = `
  with input as (
    select * from unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[])
      as t(n, connection_id, agent_id, agent_name, model, input_tokens, output_tokens)
  ), live as materialized (
    -- Each input that names a live connection of its own agent, by its position in the batch.
    -- The limit keeps the lookup an index probe per input (joined, a planner that thought few
    -- connections live read all of them for every batch).
    select i.n, d.id, d.agent_id, i.model, i.input_tokens, i.output_tokens
    from input i
    cross join lateral (
      select d.id, d.agent_id from direct_connections d join agents a on a.id = d.agent_id
      where d.connection_id = i.connection_id and d.status = 'connected'
        and (a.id = i.agent_id or a.name = i.agent_name)
      limit 1
    ) d
  ), locked_agents as materialized (
    select id from agents where id = any(array(select agent_id from live)) order by id for no key update
  ), locked as materialized (
    -- The count is a one-time filter: every agent is locked before the first connection is.
    -- A connection retired meanwhile fails the status re-check and is left out. Each carries
    -- its inputs: their positions and token usage.
    select d.id, g.ns, g.models, g.inputs, g.outputs
    from direct_connections d
    join (
      select id, array_agg(n) as ns, array_agg(model) as models,
        array_agg(input_tokens) as inputs, array_agg(output_tokens) as outputs
      from live group by id
    ) g on g.id = d.id
    where d.id = any(array(select id from live)) and d.status = 'connected'
      and (select count(*) from locked_agents) >= 0
    order by d.id for no key update of d
  ), c as (
    update direct_connections d
    set last_heartbeat = now(), expires_at = now() + make_interval(secs => $8)
    from locked l where d.id = l.id
    returning d.id, d.agent_id, d.expires_at, l.ns, l.models, l.inputs, l.outputs
  ), touched as (
    -- Data-modifying CTEs always run, whether or not the final select reads them.
    update agents set last_seen = now(), status = 'online' where id = any(array(select agent_id from c))
  ), usage as (
    insert into token_usage (agent_id, connection_id, model, input_tokens, output_tokens)
    select c.agent_id, c.id, u.model, u.input_tokens, u.output_tokens
    from c cross join lateral unnest(c.models, c.inputs, c.outputs) as u(model, input_tokens, output_tokens)
    where u.model is not null
  )
  select u.n, c.agent_id, c.expires_at, u.model is not null as token_recorded
  from c cross join lateral unnest(c.ns, c.models) as u(n, model)`

/**
 * Runs HEARTBEAT_STATEMENT as a prepared statement: each connection parses it once, and a batch
 * then costs one round trip (drizzle sends every statement unnamed, which postgres.js describes
 * first: two round trips, and a parse each time). The api's ingest pool still plans it for each
 * batch (`customPlans`).
 */
async function heartbeatStatement(db: Database, inputs: HeartbeatInput[], timeoutS: number) {
  const rows = await db.$client.unsafe<
    { n: number; agent_id: number; expires_at: string | Date; token_recorded: boolean }[]
  >(
    HEARTBEAT_STATEMENT,
    [
      inputs.map((_, index) => index),
      inputs.map((h) => h.connectionId),
      inputs.map((h) => (typeof h.agent === 'number' ? h.agent : null)),
      inputs.map((h) => (typeof h.agent === 'string' ? h.agent : null)),
      inputs.map((h) => h.tokens?.model ?? null),
      inputs.map((h) => h.tokens?.input ?? 0),
      inputs.map((h) => h.tokens?.output ?? 0),
      timeoutS,
    ],
    { prepare: true },
  )
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
