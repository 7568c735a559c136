import { type Database, type GatewayUptime24h, gatewaySetStamp, uptime24hByGateway } from '@mc/db'

/**
 * A fleet's 24 h uptimes move by at most 1/2,880 per probe (one every 30 s), yet recomputing them
 * reads the last hour or two of raw probes of every gateway (the rollups are hourly): ≈0.7 s at
 * 10,000 gateways, a few ms for a small fleet. A load quicker than `SLOW_LOAD_MS` is never reused:
 * a small fleet always gets fresh figures. A slower one is reused for `LOAD_MULTIPLE` times what it
 * took (at most `FRESH_MAX_MS`), so a large fleet spends at most a thirtieth of the time on them,
 * and up to `STALE_MS` old it is served while a single refresh runs in the background. A gateway
 * added or removed recomputes them at once.
 */
const SLOW_LOAD_MS = 100
const LOAD_MULTIPLE = 30
const FRESH_MAX_MS = 30_000
const STALE_MS = 5 * 60_000

interface Entry {
  stamp: string
  /** When the load that produced `value` started, and how long it took. */
  at: number
  tookMs: number
  value: GatewayUptime24h[]
}

export interface UptimeSources {
  load: (db: Database) => Promise<GatewayUptime24h[]>
  /** Changes whenever a gateway is added or removed. */
  stamp: (db: Database) => Promise<string>
  now: () => number
}

const fromDatabase: UptimeSources = { load: uptime24hByGateway, stamp: gatewaySetStamp, now: Date.now }

/** `uptime24hByGateway` for one api process, cached as above. */
export function cachedUptime24h(sources: UptimeSources = fromDatabase) {
  let entry: Entry | undefined
  let loading: Promise<GatewayUptime24h[]> | undefined
  const refresh = (db: Database, stamp: string) => {
    loading ??= (async () => {
      const at = sources.now()
      const value = await sources.load(db)
      entry = { stamp, at, tookMs: sources.now() - at, value }
      return value
    })().finally(() => {
      loading = undefined
    })
    return loading
  }
  return async (db: Database): Promise<GatewayUptime24h[]> => {
    const stamp = await sources.stamp(db)
    if (entry?.stamp === stamp && entry.tookMs >= SLOW_LOAD_MS) {
      const age = sources.now() - entry.at
      if (age < Math.min(FRESH_MAX_MS, LOAD_MULTIPLE * entry.tookMs)) return entry.value
      if (age < STALE_MS) {
        // A failed refresh is retried by the next request, and surfaces once the entry is too old.
        refresh(db, stamp).catch(() => {})
        return entry.value
      }
    }
    return refresh(db, stamp)
  }
}
