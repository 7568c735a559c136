import { type Database, type GatewayUptime24h, gatewaySetStamp, uptime24hByGateway } from '@mc/db'

/**
 * A fleet's 24 h uptimes move by at most 1/2,880 per probe (one every 30 s), yet recomputing them
 * reads the last hour of raw probes of every gateway (the rollups are hourly): over a second at
 * 10,000 gateways. So they are reused while younger than `FRESH_MS`, and up to `STALE_MS` old
 * while a single refresh runs in the background. A gateway added or removed recomputes them at once.
 */
const FRESH_MS = 30_000
const STALE_MS = 5 * 60_000

interface Entry {
  stamp: string
  /** When the load that produced `value` started. */
  at: number
  value: GatewayUptime24h[]
}

/** `uptime24hByGateway` for one api process, cached as above. */
export function cachedUptime24h(): (db: Database) => Promise<GatewayUptime24h[]> {
  let entry: Entry | undefined
  let loading: Promise<GatewayUptime24h[]> | undefined
  const refresh = (db: Database, stamp: string) => {
    loading ??= (async () => {
      const at = Date.now()
      const value = await uptime24hByGateway(db)
      entry = { stamp, at, value }
      return value
    })().finally(() => {
      loading = undefined
    })
    return loading
  }
  return async (db) => {
    const stamp = await gatewaySetStamp(db)
    if (entry?.stamp === stamp) {
      const age = Date.now() - entry.at
      if (age < FRESH_MS) return entry.value
      if (age < STALE_MS) {
        // A failed refresh is retried by the next request, and surfaces once the entry is too old.
        refresh(db, stamp).catch(() => {})
        return entry.value
      }
    }
    return refresh(db, stamp)
  }
}
