import { z } from 'zod'
import { nullableUnixSecondsSchema, unixSecondsSchema } from './time.ts'

/**
 * - `connecting`: its first connection is being made
 * - `watching`: connected, its sessions follow the gateway live
 * - `reconnecting`: the connection dropped; the sessions shown are as last seen
 */
export const WATCHER_STATUSES = ['connecting', 'watching', 'reconnecting'] as const
export const watcherStatusSchema = z.enum(WATCHER_STATUSES)
export type WatcherStatus = z.infer<typeof watcherStatusSchema>

/** What the worker watching one gateway's sessions is doing. Never a token. */
export const gatewayWatcherSchema = z.object({
  /** The worker holding the gateway's watcher lease. */
  worker_id: z.string(),
  status: watcherStatusSchema,
  /** Why the last connection failed or ended. */
  error: z.string().nullable(),
  /** Since when its events are throttled because the gateway floods them; null when they are not. */
  throttled_since: nullableUnixSecondsSchema,
  /** When the last full session list was loaded. */
  loaded_at: nullableUnixSecondsSchema,
  changed_at: unixSecondsSchema,
})
export type GatewayWatcher = z.infer<typeof gatewayWatcherSchema>

/** `GET /api/gateways/:id/watcher`: null while no worker watches it (no token, or no worker yet). */
export const gatewayWatcherResponseSchema = z.object({ watcher: gatewayWatcherSchema.nullable() })
export type GatewayWatcherResponse = z.infer<typeof gatewayWatcherResponseSchema>
