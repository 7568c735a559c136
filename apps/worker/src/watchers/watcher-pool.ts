import { clearWatcherStatus, listWatchTargets } from '@mc/db'
import { errorMessage } from '@mc/shared'
import type { WorkerConfig } from '../config.ts'
import {
  type GatewayWatcher,
  startGatewayWatcher,
  type WatcherContext,
  type WatcherSettings,
  type WatcherShared,
  watcherSettings,
} from './gateway-watcher.ts'
import { rendezvousOwner } from './rendezvous.ts'
import { createSlot } from './slot.ts'
import { createWatcherBatches } from './watcher-batches.ts'
import { createWatcherLeases } from './watcher-leases.ts'

export interface WatcherTiming {
  /** How often a worker announces itself, renews its leases and looks for gateways to take or give up. */
  tickMs: number
  /** A lease (and a worker's announcement) not renewed within this long is free for another worker. */
  leaseMs: number
}

/**
 * A killed worker's gateways are taken over within two probe intervals: its leases and its
 * announcement run out one interval after its last tick, and the others look a quarter later.
 */
export const watcherTiming = (config: Pick<WorkerConfig, 'PROBE_INTERVAL_S'>): WatcherTiming => ({
  tickMs: (config.PROBE_INTERVAL_S * 1000) / 4,
  leaseMs: config.PROBE_INTERVAL_S * 1000,
})

/**
 * First full loads running at once in one worker. The loads under way share their statements (see
 * `watcher-batches.ts`), so more at once go faster: a worker starting with 5,000 gateways loaded
 * them in 31 s 20 at once, in 11 s 200 at once. Memory bounds them: all of 1,000 gateways × 50
 * sessions together, the heap grew past 500 MB for a moment (and kept most of it); 200 at once, the
 * worker's RSS peaked at 356 MB, 20 at once at 313 MB.
 */
const LOADS_AT_ONCE = 200

/** Usage readings running at once in one worker: the gateway computes each from its transcripts. */
const USAGE_READS_AT_ONCE = 4

/**
 * Handshakes running at once in one worker. Each has `PROBE_TIMEOUT_MS`: thousands started together
 * share the CPU, so each one's deadline would cover the whole burst, not its own handshake.
 */
const HANDSHAKES_AT_ONCE = 100

/** How soon a worker looks again for its gateways that another worker still held. */
const CONTESTED_RETRY_MS = 1000

export interface WatcherPool {
  readonly workerId: string
  /** The gateways this worker watches now. */
  watching(): number[]
  /**
   * Stops every watcher; gives their gateways and its membership up at once. `abandon` keeps the
   * leases and the membership, as a crash would: the others take over once they run out.
   */
  stop(options?: { abandon?: boolean }): Promise<void>
}

interface Running {
  watcher: GatewayWatcher
  /** A digest of where and how it connects (host, port, encrypted token, TLS): a change restarts it. */
  fingerprint: string
}

/**
 * The watchers of one worker: each gateway with a token is watched by exactly one live worker,
 * the one rendezvous hashing picks among the workers announced in Redis, under a lease in Redis
 * that holds while membership views differ. Two loops, each every tick: one renews the leases from
 * Redis alone, so that neither a database busy with thousands of watchers' writes nor watchers slow
 * to stop let them run out; the other re-reads the gateways, so new ones, deleted ones, cleared
 * tokens and changed addresses are followed within a tick.
 */
export function startWatcherPool(
  ctx: WatcherContext,
  options: { timing?: WatcherTiming; settings?: WatcherSettings } = {},
): WatcherPool {
  const { workerId } = ctx
  const timing = options.timing ?? watcherTiming(ctx.config)
  const settings = options.settings ?? watcherSettings(ctx.config)
  const leases = createWatcherLeases({
    redis: ctx.redis,
    prefix: ctx.config.REDIS_PREFIX,
    workerId,
    leaseMs: timing.leaseMs,
    memberTtlMs: timing.leaseMs,
  })
  const running = new Map<number, Running>()
  /** Watchers being stopped: their gateways start again (here) only once they have. */
  const stopping = new Map<number, Promise<void>>()
  const shared: WatcherShared = {
    batches: createWatcherBatches(ctx.db, {
      thresholds: { idleS: ctx.config.SESSION_IDLE_S, stuckS: ctx.config.SESSION_STUCK_S },
      eventsPerMinute: settings.insights.eventsPerMinute,
    }),
    handshakeSlot: createSlot(HANDSHAKES_AT_ONCE),
    loadSlot: createSlot(LOADS_AT_ONCE),
    usageSlot: createSlot(USAGE_READS_AT_ONCE),
  }
  let live: string[] = []
  let claimedAt = Date.now()
  let stopped = false
  const isMine = (id: number) => rendezvousOwner(id, live) === workerId

  /**
   * Stops watchers without waiting for them (a thousand closing connections must not hold a tick
   * up), then runs `after` on their gateways, e.g. gives the leases up for the new owner.
   */
  function letGo(ids: number[], after: (ids: number[]) => Promise<unknown> = async () => {}): void {
    if (ids.length === 0) return
    const watchers = ids.map((id) => running.get(id)?.watcher)
    for (const id of ids) running.delete(id)
    const done = Promise.all(watchers.map((watcher) => watcher?.stop()))
      .then(() => after(ids))
      .then(
        () => {},
        (error: unknown) =>
          ctx.logger.warn({ err: errorMessage(error) }, 'could not give watched gateways up'),
      )
      .finally(() => {
        for (const id of ids) if (stopping.get(id) === done) stopping.delete(id)
      })
    for (const id of ids) stopping.set(id, done)
  }

  async function renew(): Promise<undefined> {
    const known = live.join()
    live = await leases.announce()
    // A worker gone or joined: its gateways are looked for now, not up to a tick later.
    if (live.join() !== known) following.soon()
    const ids = [...running.keys()]
    const held = await leases.claim(ids.filter(isMine))
    claimedAt = Date.now()
    // Given up: stopped, then released, so the new owner finds the lease free.
    letGo(
      ids.filter((id) => !isMine(id)),
      (gone) => leases.release(gone),
    )
    // A lease that ran out (a stalled tick) may be another worker's now: that one watches.
    letGo(ids.filter((id) => isMine(id) && !held.has(id)))
  }

  /** Returns how soon to look again when that must be sooner than a tick. */
  async function follow(): Promise<number | undefined> {
    if (live.length === 0) live = await leases.announce()
    const targets = await listWatchTargets(ctx.db)
    const fingerprints = new Map(targets.map((target) => [target.id, target.fingerprint]))
    const unwatchable = [...running.keys()].filter((id) => !fingerprints.has(id))
    letGo(unwatchable, async (gone) => {
      await leases.release(gone)
      await Promise.all(gone.map((id) => clearWatcherStatus(ctx.db, id)))
    })
    // Moved or given another token: started again at the next tick, once stopped.
    letGo([...running].filter(([id, entry]) => fingerprints.get(id) !== entry.fingerprint).map(([id]) => id))

    const wanted = targets.filter(({ id }) => isMine(id) && !running.has(id) && !stopping.has(id))
    const taken = await leases.claim(wanted.map(({ id }) => id))
    for (const { id, fingerprint } of wanted) {
      if (stopped) return undefined
      if (!taken.has(id)) continue
      const watcher = startGatewayWatcher(ctx, id, shared, settings)
      running.set(id, { watcher, fingerprint })
    }
    // Held by another worker, which gives them up once it sees this one (at its next tick, stopping
    // its watchers first): looked for again soon, not a whole tick after that.
    return taken.size < wanted.length ? Math.min(CONTESTED_RETRY_MS, timing.tickMs) : undefined
  }

  const renewing = repeat(
    renew,
    timing.tickMs,
    () => stopped,
    (error) => {
      ctx.logger.warn({ err: errorMessage(error) }, 'watcher leases could not be renewed')
      // Leases not renewed for a whole lease time may be another worker's: never watch twice.
      if (Date.now() - claimedAt >= timing.leaseMs) letGo([...running.keys()])
    },
  )
  const following = repeat(
    follow,
    timing.tickMs,
    () => stopped,
    (error) => ctx.logger.warn({ err: errorMessage(error) }, 'watcher tick failed'),
  )

  return {
    workerId,
    watching: () => [...running.keys()].sort((a, b) => a - b),
    async stop({ abandon = false } = {}) {
      stopped = true
      await Promise.all([renewing.stop(), following.stop()])
      letGo([...running.keys()], (ids) => (abandon ? Promise.resolve() : leases.release(ids)))
      await Promise.all(stopping.values())
      if (abandon) return
      await leases
        .leave()
        .catch((error: unknown) =>
          ctx.logger.warn({ err: errorMessage(error) }, 'could not leave the watcher pool'),
        )
    },
  }
}

/**
 * Runs `step` now, then `everyMs` after each run ends (sooner when a run says so), until `done()`;
 * `stop` waits for a run under way.
 */
function repeat(
  step: () => Promise<number | undefined>,
  everyMs: number,
  done: () => boolean,
  onError: (error: unknown) => void,
) {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      let nextMs = everyMs
      running = step()
        .then((soonerMs) => {
          nextMs = soonerMs ?? everyMs
        }, onError)
        .finally(() => {
          running = undefined
          if (!done()) schedule(nextMs)
        })
    }, delayMs)
  }
  schedule(0)
  return {
    /** Runs the step at once, unless one is under way. */
    soon() {
      if (running || done()) return
      clearTimeout(timer)
      schedule(0)
    },
    async stop() {
      clearTimeout(timer)
      await running
    },
  }
}
