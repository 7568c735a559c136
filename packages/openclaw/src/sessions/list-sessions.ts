import { z } from 'zod'
import type { RequestOptions } from '../client/frame-channel.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'
import { type GatewaySessionRow, parseSessionRow } from './session-row.ts'

/** What the session calls need from a client (a stub in unit tests). */
export type SessionsClient = Pick<GatewayClient, 'request'>

export interface ListSessionsOptions {
  /** Rows per `sessions.list` call; default 100 (the gateway's own default). */
  pageSize?: number
  /** Only sessions updated within this many minutes. */
  activeMinutes?: number
  /** Per page; default the client's (10 s). */
  timeoutMs?: number
  signal?: AbortSignal
}

export const DEFAULT_SESSIONS_PAGE_SIZE = 100
/** The most rows one listing keeps: a guard against a runaway gateway, far above real fleets. */
export const MAX_LISTED_SESSIONS = 100_000

const pageSchema = z.looseObject({
  sessions: z.array(z.unknown()),
  hasMore: z.boolean().optional(),
  nextOffset: z.number().nullable().optional(),
})

/**
 * Every session (archived ones excluded, as the gateway does), walking `sessions.list` pages by
 * `nextOffset`. A row seen twice (the list shifts while it is paged) is kept once, the more recently
 * updated copy. Rejects with a GatewayError, also when the list cannot be complete (a `nextOffset`
 * that does not move forward, more than MAX_LISTED_SESSIONS rows): a caller treats sessions missing
 * from the answer as gone from the gateway, so a partial list must never look whole.
 */
export async function listAllSessions(
  client: SessionsClient,
  options: ListSessionsOptions = {},
): Promise<GatewaySessionRow[]> {
  const limit = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_SESSIONS_PAGE_SIZE))
  const filters = options.activeMinutes === undefined ? {} : { activeMinutes: options.activeMinutes }
  const requestOptions: RequestOptions = { timeoutMs: options.timeoutMs, signal: options.signal }
  const rows = new Map<string, GatewaySessionRow>()
  let offset = 0
  for (;;) {
    const answer = await client.request('sessions.list', { limit, offset, ...filters }, requestOptions)
    const page = pageSchema.safeParse(answer)
    if (!page.success) {
      const message = 'unexpected sessions.list answer (no sessions array)'
      throw new GatewayError({ kind: 'protocol', method: 'sessions.list', message })
    }
    for (const raw of page.data.sessions) keepNewer(rows, parseSessionRow(raw))
    if (rows.size > MAX_LISTED_SESSIONS) throw incomplete(`more than ${MAX_LISTED_SESSIONS} sessions`)
    if (!page.data.hasMore) return [...rows.values()]
    const next = page.data.nextOffset ?? offset + page.data.sessions.length
    if (next <= offset) throw incomplete(`nextOffset ${next} does not move past offset ${offset}`)
    offset = next
  }
}

const incomplete = (why: string) =>
  new GatewayError({
    kind: 'protocol',
    method: 'sessions.list',
    message: `sessions.list cannot be walked: ${why}`,
  })

/** Turns on `sessions.changed` events for this connection (scope operator.read). */
export async function subscribeSessions(client: SessionsClient, options: RequestOptions = {}): Promise<void> {
  await client.request('sessions.subscribe', {}, options)
}

function keepNewer(rows: Map<string, GatewaySessionRow>, row: GatewaySessionRow | null): void {
  if (!row) return
  const known = rows.get(row.key)
  if (!known || (row.updatedAt ?? 0) > (known.updatedAt ?? 0)) rows.set(row.key, row)
}
