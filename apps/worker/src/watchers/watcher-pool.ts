import { createHash } from 'node:crypto'
import { clearWatcherStatus, findGatewayProbeTargets, listWatchableGatewayIds } from '@mc/db'
import { errorMessage } from '@mc/shared'
import pLimit from 'p-limit'
import type { WorkerConfig } from '../config.ts'
import {
  type GatewayWatcher,
  startGatewayWatcher,
  type WatcherContext,
  type WatcherSettings,
} from './gateway-watcher.ts'
import { rendezvousOwner } from './rendezvous.ts'
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
 * First full loads running at once in one worker. A worker that starts with 1,000 gateways would
 * otherwise list and store them all together: its heap grew past 500 MB for a moment (and kept most
 * of it) to go no faster, as the database pool serves a few statements at a time anyway.
 */
const LOADS_AT_ONCE = 20

/** Usage readings running at once in one worker: the gateway computes each from its transcripts. */
const USAGE_READS_AT_ONCE = 4

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
  /** A hash of where and how it connects (host, port, encrypted token, TLS): a change restarts it. */
  fingerprint: string
}

/**
 * The watchers of one worker: each gateway with a token is watched by exactly one live worker,
 * the one rendezvous hashing picks among the workers announced in Redis, under a lease in Redis
 * that holds while membership views differ. Each tick re-reads the gateways, so new ones, deleted
 * ones, cleared tokens and changed addresses are followed within a tick.
 */
export function startWatcherPool(
  ctx: WatcherContext,
  options: { timing?: WatcherTiming; settings?: WatcherSettings } = {},
): WatcherPool {
  const { workerId } = ctx
  const timing = options.timing ?? watcherTiming(ctx.config)
  const leases = createWatcherLeases({
    redis: ctx.redis,
    prefix: ctx.config.REDIS_PREFIX,
    workerId,
    leaseMs: timing.leaseMs,
    memberTtlMs: timing.leaseMs,
  })
  const running = new Map<number, Running>()
  const loadSlot = pLimit(LOADS_AT_ONCE)
  const usageSlot = pLimit(USAGE_READS_AT_ONCE)
  let claimedAt = Date.now()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let ticking: Promise<void> | undefined

  async function stopWatchers(ids: number[]): Promise<void> {
    await Promise.all(
      ids.map(async (id) => {
        const entry = running.get(id)
        running.delete(id)
        await entry?.watcher.stop()
      }),
    )
  }

  async function tick(): Promise<void> {
    const live = await leases.announce()
    const watchable = new Set(await listWatchableGatewayIds(ctx.db))
    const mine = [...watchable].filter((id) => rendezvousOwner(id, live) === workerId)
    const mineSet = new Set(mine)
    // Given up first (stopped, then released), so the new owner finds the lease free.
    const givenUp = [...running.keys()].filter((id) => !mineSet.has(id))
    await stopWatchers(givenUp)
    await leases.release(givenUp)
    await Promise.all(givenUp.filter((id) => !watchable.has(id)).map((id) => clearWatcherStatus(ctx.db, id)))

    const held = await leases.claim(mine)
    claimedAt = Date.now()
    // A lease that ran out (a stalled tick) may be another worker's now: that one watches.
    await stopWatchers([...running.keys()].filter((id) => !held.has(id)))
    const targets = await findGatewayProbeTargets(ctx.db, [...held])
    for (const target of targets) {
      const fingerprint = createHash('sha256')
        .update(JSON.stringify([target.host, target.port, target.token, target.tlsInsecure]))
        .digest('base64')
      const entry = running.get(target.id)
      if (entry?.fingerprint === fingerprint) continue
      if (entry) await stopWatchers([target.id])
      if (stopped) return
      const watcher = startGatewayWatcher(
        ctx,
        target.id,
        options.settings,
        (load) => loadSlot(load),
        (read) => usageSlot(read),
      )
      running.set(target.id, { watcher, fingerprint })
    }
  }

  async function safeTick(): Promise<void> {
    try {
      await tick()
    } catch (error) {
      ctx.logger.warn({ err: errorMessage(error) }, 'watcher tick failed')
      // Leases not renewed for a whole lease time may be another worker's: never watch twice.
      if (Date.now() - claimedAt >= timing.leaseMs) await stopWatchers([...running.keys()])
    }
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      ticking = safeTick().finally(() => {
        ticking = undefined
        if (!stopped) schedule(timing.tickMs)
      })
    }, delayMs)
  }
  schedule(0)

  return {
    workerId,
    watching: () => [...running.keys()].sort((a, b) => a - b),
    async stop({ abandon = false } = {}) {
      stopped = true
      clearTimeout(timer)
      await ticking
      const ids = [...running.keys()]
      await stopWatchers(ids)
      if (abandon) return
      await Promise.all([leases.release(ids), leases.leave()]).catch((error: unknown) =>
        ctx.logger.warn({ err: errorMessage(error) }, 'could not give the watched gateways up'),
      )
    },
  }
}
