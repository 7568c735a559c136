import type { Database } from '@mc/db'
import type { EventPublisher, Logger, TokenCipher, TokenRotationJob, TokenRotationOutcome } from '@mc/runtime'
import type { Redis } from 'ioredis'
import type { ApiAlerts } from './alerts/api-alerts.ts'
import type { ApiKeyCache } from './auth/api-key-cache.ts'
import type { Authenticator } from './auth/authenticate.ts'
import type { AuthLimiters } from './auth/rate-limits.ts'
import type { ApiConfig } from './config.ts'
import type { EventHub } from './events/event-hub.ts'
import type { ConnectBatcher } from './ingest/connect-batcher.ts'
import type { HeartbeatBatcher } from './ingest/heartbeat-batcher.ts'
import type { WaitableQueue } from './jobs/waitable-queue.ts'
import type { ApiMetrics } from './metrics/api-metrics.ts'
import type { OpenApiDocument } from './openapi/document.ts'
import type { ProbeDispatcher } from './probes/probe-dispatcher.ts'
import type { RelayHub } from './relay/relay-hub.ts'

/** The process's infrastructure: built once in `startApi` (or the test app), closed on shutdown. */
export interface AppDeps {
  config: ApiConfig
  db: Database
  /** A pool whose commits do not wait for the disk: heartbeats only. */
  ingestDb: Database
  redis: Redis
  logger: Logger
  /** Encrypts gateway tokens with MC_SECRET_KEY before they are stored. */
  tokenCipher: TokenCipher
  /** Manual probes go through the worker's queue. */
  probes: ProbeDispatcher
  /** Automatic token rotations go through the worker's queue too. */
  tokenRotations: WaitableQueue<TokenRotationJob, TokenRotationOutcome>
  /** Notices of manual resolves go through the worker's delivery queue. */
  alerts: ApiAlerts
  /** Fire-and-forget: never slows or fails a request, even with Redis down. */
  events: EventPublisher
  /** Every event of the installation as this process receives it, and the log to resume from. */
  eventHub: EventHub
  /** Relays to gateways: one shared upstream per gateway, closed on shutdown before the server. */
  relay: RelayHub
  /** Heartbeats are written in coalesced batches on `ingestDb`. */
  heartbeats: HeartbeatBatcher
  /** CLI connections are registered in coalesced batches on `db`, which publish their events. */
  connects: ConnectBatcher
  /** This process's metrics registry, served at `/metrics`. */
  metrics: ApiMetrics
  startedAt: Date
}

/**
 * Everything a route factory may ask for: the process's dependencies plus the app-wide auth
 * machinery. Each factory takes a `Pick` of only the fields it uses.
 */
export interface RouteDeps extends AppDeps {
  limiters: AuthLimiters
  /** Cleared by every key or user change, so revocations take effect at once in this process. */
  keyCache: ApiKeyCache
  authenticate: Authenticator
  /** The OpenAPI document of every route; a thunk, as the routes serving it are among them. */
  openApiDocument: () => OpenApiDocument
}
