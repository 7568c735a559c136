import type { SessionCounts, SessionCursor, SessionState } from '@mc/shared'
import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { sessionSearchText } from '../schema/gateway-sessions.ts'
import { type GatewaySessionRow, withGatewayName } from './gateway-sessions.ts'
import { containsPattern } from './like-pattern.ts'

export interface SessionFilters {
  gatewayId?: number
  /** The gateway's agent id, exactly. */
  agent?: string
  /** Undefined: every session still on its gateway; `all`: ended ones too. */
  state?: SessionState | 'all'
  /** A case-insensitive substring of the label, key or model. */
  q?: string
}

function filterConditions(filters: SessionFilters): SQL[] {
  const conditions: SQL[] = []
  if (filters.gatewayId !== undefined) conditions.push(sql`s.gateway_id = ${filters.gatewayId}`)
  if (filters.agent !== undefined) conditions.push(sql`s.agent = ${filters.agent}`)
  if (filters.q !== undefined) {
    const pattern = containsPattern(filters.q)
    const columns = {
      label: sql.raw('s.label'),
      sessionKey: sql.raw('s.session_key'),
      model: sql.raw('s.model'),
    }
    conditions.push(sql`${sessionSearchText(columns)} ilike ${pattern}`)
  }
  return conditions
}

/**
 * Runs `query`, planned for its own search pattern when there is one: a cached generic plan cannot
 * know that `ilike '%…%'` of a rare text suits the trigram index, and scans every session instead.
 */
function selectRows<Row extends Record<string, unknown>>(db: Database, filters: SessionFilters, query: SQL) {
  if (filters.q === undefined) return db.execute<Row>(query)
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`)
    return tx.execute<Row>(query)
  })
}

const stateCondition = (state: SessionFilters['state']): SQL[] =>
  state === 'all' ? [] : state === undefined ? [sql`s.state <> 'ended'`] : [sql`s.state = ${state}`]

const whereAll = (conditions: SQL[]) =>
  conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `)

/** One page of sessions, newest activity first; `before` continues after an earlier page's last row. */
export async function listSessions(
  db: Database,
  filters: SessionFilters,
  page: { limit: number; before?: SessionCursor },
): Promise<{ rows: GatewaySessionRow[]; nextBefore: SessionCursor | null }> {
  const after = page.before
    ? [
        sql`(s.last_activity_at, s.id) < (to_timestamp(${page.before.lastActivityMs} / 1000.0), ${page.before.id})`,
      ]
    : []
  const rows = await selectRows<Record<string, unknown>>(
    db,
    filters,
    sql`
    select s.*, g.name as gateway_name from gateway_sessions s join gateways g on g.id = s.gateway_id
    where ${whereAll([...filterConditions(filters), ...stateCondition(filters.state), ...after])}
    order by s.last_activity_at desc, s.id desc
    limit ${page.limit + 1}`,
  )
  const sessions = rows.slice(0, page.limit).map(withGatewayName)
  const last = sessions.at(-1)
  return {
    rows: sessions,
    nextBefore:
      rows.length > page.limit && last
        ? { lastActivityMs: last.lastActivityAt.getTime(), id: last.id }
        : null,
  }
}

/** How many live sessions are in each state, among those `filters` match (their `state` aside). */
export async function countSessions(
  db: Database,
  filters: Omit<SessionFilters, 'state'> = {},
): Promise<SessionCounts> {
  const rows = await selectRows<{ state: SessionState; n: number }>(
    db,
    filters,
    sql`
    select s.state, count(*)::int as n from gateway_sessions s
    where ${whereAll([...filterConditions(filters), sql`s.state <> 'ended'`])}
    group by s.state`,
  )
  const count = (state: SessionState) => rows.find((row) => row.state === state)?.n ?? 0
  return { active: count('active'), ready: count('ready'), idle: count('idle'), stuck: count('stuck') }
}

export async function findSession(db: Database, id: number): Promise<GatewaySessionRow | undefined> {
  const [row] = await db.execute<Record<string, unknown>>(sql`
    select s.*, g.name as gateway_name from gateway_sessions s join gateways g on g.id = s.gateway_id
    where s.id = ${id}`)
  return row ? withGatewayName(row) : undefined
}

/** Deletes sessions that ended more than `days` ago; returns how many. */
export async function pruneEndedSessions(db: Database, days: number): Promise<number> {
  const rows = await db.execute(sql`
    delete from gateway_sessions where ended_at < now() - make_interval(days => ${days}) returning id`)
  return rows.length
}
