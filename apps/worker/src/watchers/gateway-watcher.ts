import { setTimeout as sleep } from 'node:timers/promises'
import type { GatewaySessionRow as StoredSession, WatcherStatus } from '@mc/db'
import {
  connectGateway,
  type GatewayClient,
  GatewayError,
  type GatewayEvent,
  type GatewaySessionRow,
  listAllSessions,
  subscribeSessions,
} from '@mc/openclaw'
import { errorMessage } from '@mc/shared'
import { CLIENT_VERSION } from '../client-version.ts'
import { createGatewayInsights, type GatewayInsights } from '../insights/gateway-insights.ts'
import { type InsightSettings, insightSettings } from '../insights/insight-settings.ts'
import type { UsageSlot } from '../insights/usage-poller.ts'
import type { WorkerContext } from '../worker-context.ts'
import { announceSessionChanges } from './session-announcer.ts'
import { createSessionInbox, type SessionInbox } from './session-inbox.ts'
import type { Slot } from './slot.ts'
import type { WatcherBatches } from './watcher-batches.ts'

export type WatcherContext = Pick<
  WorkerContext,
  'db' | 'redis' | 'config' | 'logger' | 'tokenCipher' | 'alertEvaluator'
> & { workerId: string }

export interface WatcherSettings {
  /** How often received rows are stored (one statement per flush). */
  flushMs: number
  /** The same for a gateway that floods events. */
  throttledFlushMs: number
  /** How often the whole list is loaded again, to find sessions deleted on the gateway. */
  fullReloadMs: number
  maxPendingRows: number
  floodWindowMs: number
  floodLimit: number
  /** Reconnects wait this long, doubling per failed attempt up to `backoffMaxMs` (±20 % jitter). */
  backoffBaseMs: number
  backoffMaxMs: number
  /**
   * After the gateway refuses the stored token, the next attempt waits this long instead. A new
   * stored token restarts the watcher at once (the pool follows token changes), while a gateway
   * delays and then locks out an address that keeps failing (10 failed logins a minute): asking
   * again with the same token only delays the new one's acceptance.
   */
  tokenRefusedRetryMs: number
  /** The timeline, tool calls, log and usage read on the same connection. */
  insights: InsightSettings
}

export const watcherSettings = (config: WorkerContext['config']): WatcherSettings => ({
  flushMs: 1000,
  throttledFlushMs: 5000,
  fullReloadMs: config.SESSION_RELOAD_S * 1000,
  maxPendingRows: 2000,
  // A busy run sends about 8 events a second (≈1,000 in 2 minutes) and a gateway may run several;
  // 50 a second for 10 s is a gateway out of control.
  floodWindowMs: 10_000,
  floodLimit: 500,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
  tokenRefusedRetryMs: 5 * 60_000,
  insights: insightSettings(config),
})

// Rows stored at a time when a whole list is stored (a statement of their own, or with other watchers').
const ROWS_PER_STATEMENT = 1000
const PAGE_SIZE = 100
// A reload asks for the sessions active since the last listing plus this much, for clock skew.
const RELOAD_MARGIN_MS = 60_000
const BACKOFF_JITTER = 0.2
/** The gateway's `details.code` when it refuses a token. */
const TOKEN_MISMATCH = 'AUTH_TOKEN_MISMATCH'

/** What the watchers of one worker share: batched statements, and slots bounding work done at once. */
export interface WatcherShared {
  batches: WatcherBatches
  /** Looking the gateway up and opening the connection (see `startWatcherPool`). */
  handshakeSlot: Slot
  /** A connection's first full load (a pool lets only a few run at once: see `startWatcherPool`). */
  loadSlot: Slot
  /** A usage reading (the gateway computes each from its transcripts). */
  usageSlot: UsageSlot
}

export interface GatewayWatcher {
  readonly gatewayId: number
  /** Closes the connection and waits until nothing more is written. */
  stop(): Promise<void>
}

/**
 * Mirrors one gateway's sessions over a long-lived `operator.read` connection: subscribes, loads
 * the whole list, then stores the rows `sessions.changed` brings, batched per flush, and reloads
 * when told to (keyless events) or when the periodic full reload is due. A lost connection is
 * opened again with exponential backoff. The token is read and decrypted right before each
 * connection and kept nowhere else.
 */
export function startGatewayWatcher(
  ctx: WatcherContext,
  gatewayId: number,
  shared: WatcherShared,
  settings: WatcherSettings,
): GatewayWatcher {
  const logger = ctx.logger.child({ gateway_id: gatewayId })
  const stopping = new AbortController()
  let throttled = false
  // When the last listing began (worker clock, ms): a reload asks for what changed since.
  let listedAt = 0

  const status = (
    value: WatcherStatus,
    extra: { error?: string | null; loaded?: boolean; throttled?: boolean },
  ) => shared.batches.recordStatus({ gatewayId, workerId: ctx.workerId, status: value, ...extra })

  async function connect(inbox: SessionInbox, insights: GatewayInsights): Promise<GatewayClient> {
    const target = await shared.batches.findTarget(gatewayId)
    if (!target?.token) throw new Error('the gateway has no token')
    return connectGateway(
      {
        host: target.host,
        port: target.port,
        token: ctx.tokenCipher.decrypt(target.token),
        tlsInsecure: target.tlsInsecure,
      },
      {
        clientVersion: CLIENT_VERSION,
        timeoutMs: ctx.config.PROBE_TIMEOUT_MS,
        signal: stopping.signal,
        onEvent: (event: GatewayEvent) => {
          inbox.receive(event)
          insights.receive(event)
        },
      },
    )
  }

  async function store(rows: GatewaySessionRow[]): Promise<StoredSession[]> {
    const changed: StoredSession[] = []
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + ROWS_PER_STATEMENT)
      changed.push(...(await shared.batches.applySessionRows(gatewayId, chunk)))
    }
    return changed
  }

  /** Lists every session: stores them, and ends the stored ones the gateway no longer has. */
  async function loadAll(client: GatewayClient, signal: AbortSignal): Promise<StoredSession[]> {
    // The database's clock: sessions stored since it began are compared with it.
    const startedAt = await shared.batches.databaseNow()
    listedAt = Date.now()
    const rows = await listAllSessions(client, { pageSize: PAGE_SIZE, signal })
    const changed = await store(rows)
    const keys = rows.map((row) => row.key)
    return [...changed, ...(await shared.batches.endMissingSessions(gatewayId, keys, startedAt))]
  }

  /** Lists the sessions active since the last listing (a keyless `sessions.changed`). */
  async function loadRecent(client: GatewayClient, signal: AbortSignal): Promise<StoredSession[]> {
    const since = listedAt
    listedAt = Date.now()
    const activeMinutes = Math.ceil((listedAt - since + RELOAD_MARGIN_MS) / 60_000)
    return store(await listAllSessions(client, { pageSize: PAGE_SIZE, activeMinutes, signal }))
  }

  /**
   * The first full load of a connection, stored and announced. Its rows must not outlive it: held in
   * `watchOnce`'s frame they would stay for the whole connection (50 sessions × 1,000 gateways ≈ 80 MB).
   */
  async function firstLoad(client: GatewayClient, signal: AbortSignal): Promise<void> {
    await announceSessionChanges(ctx, await loadAll(client, signal))
    await status('watching', { loaded: true, throttled })
  }

  async function noteFlooding(inbox: SessionInbox): Promise<void> {
    const flooding = inbox.flooding()
    if (flooding === throttled) return
    throttled = flooding
    if (flooding) logger.warn('gateway floods events: its sessions are stored less often')
    else logger.info('gateway events calmed down: sessions stored as they come again')
    await status('watching', { throttled: flooding })
  }

  /** Stores what comes in until the connection closes (or the watcher stops). */
  async function follow(client: GatewayClient, inbox: SessionInbox, signal: AbortSignal): Promise<void> {
    let fullReloadAt = Date.now() + settings.fullReloadMs
    for (;;) {
      await sleep(inbox.flooding() ? settings.throttledFlushMs : settings.flushMs, undefined, { signal })
      const changed: StoredSession[] = []
      if (Date.now() >= fullReloadAt) {
        inbox.takeReload()
        changed.push(...(await loadAll(client, signal)))
        fullReloadAt = Date.now() + settings.fullReloadMs
      } else if (inbox.takeReload()) {
        changed.push(...(await loadRecent(client, signal)))
      }
      changed.push(...(await store(inbox.takeRows())))
      await announceSessionChanges(ctx, changed)
      await noteFlooding(inbox)
    }
  }

  /** One connection, from connect to close: whether it loaded the sessions, and why it ended. */
  async function watchOnce(): Promise<{ loaded: boolean; error: string }> {
    const inbox = createSessionInbox(settings)
    const insights = createGatewayInsights(
      {
        db: ctx.db,
        alertEvaluator: ctx.alertEvaluator,
        gatewayId,
        logger,
        cursors: shared.batches.cursors,
        timeline: shared.batches.timeline,
      },
      settings.insights,
      { flushMs: settings.flushMs, throttledFlushMs: settings.throttledFlushMs, flooding: inbox.flooding },
      shared.usageSlot,
    )
    const client = await shared.handshakeSlot(() => connect(inbox, insights), stopping.signal)
    const connection = new AbortController()
    void client.closed.then(() => connection.abort())
    const signal = AbortSignal.any([connection.signal, stopping.signal])
    let loaded = false
    try {
      await subscribeSessions(client, { signal })
      await shared.loadSlot(() => firstLoad(client, signal), signal)
      loaded = true
      // Only now: the backfill, log and usage reads of thousands of connections opened together
      // would otherwise hold their first loads up. What the connection brought meanwhile waits in
      // the insights' inbox.
      insights.start(client, signal)
      await follow(client, inbox, signal)
    } catch (error) {
      if (!signal.aborted) return { loaded, error: errorMessage(error) }
    } finally {
      await client.close()
      connection.abort()
      await insights.stop()
    }
    const close = await client.closed
    const why = [close.code, close.reason].filter(Boolean).join(' ')
    return { loaded, error: close.error?.message ?? `connection closed (${why})` }
  }

  /** Status writes between connections must not end the watcher while the database is away. */
  const noteStatus = (value: WatcherStatus, error: string | null) =>
    status(value, { error }).catch((writeError: unknown) =>
      logger.debug({ err: errorMessage(writeError) }, 'could not record the watcher status'),
    )

  async function run(): Promise<void> {
    let failures = 0
    await noteStatus('connecting', null)
    while (!stopping.signal.aborted) {
      let error: string
      let tokenRefused = false
      try {
        const outcome = await watchOnce()
        failures = outcome.loaded ? 0 : failures + 1
        error = outcome.error
      } catch (connectError) {
        failures += 1
        error = errorMessage(connectError)
        tokenRefused = connectError instanceof GatewayError && connectError.detailsCode === TOKEN_MISMATCH
      }
      if (stopping.signal.aborted) return
      // Once per outage: a gateway that stays down is the probes' news, not a line per attempt.
      logger[failures <= 1 ? 'warn' : 'debug'](
        { err: error, failures },
        'gateway watcher lost its connection',
      )
      await noteStatus('reconnecting', tokenRefused ? `${error}; waiting for a new token` : error)
      const delay = tokenRefused ? settings.tokenRefusedRetryMs : reconnectDelay(failures, settings)
      await sleep(delay, undefined, { signal: stopping.signal }).catch(() => {})
    }
  }

  const running = run().catch((error: unknown) =>
    logger.error({ err: errorMessage(error) }, 'gateway watcher stopped on an error'),
  )
  return {
    gatewayId,
    async stop() {
      stopping.abort()
      await running
    },
  }
}

/** The wait before the next attempt: doubling per failure in a row, ±20 % so workers spread out. */
function reconnectDelay(failures: number, settings: WatcherSettings): number {
  const exponential = settings.backoffBaseMs * 2 ** Math.min(Math.max(0, failures - 1), 30)
  const jitter = 1 - BACKOFF_JITTER + 2 * BACKOFF_JITTER * Math.random()
  return Math.round(Math.min(settings.backoffMaxMs, exponential) * jitter)
}
