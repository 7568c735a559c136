import type { Database } from '@mc/db'
import type { EventPublisher, Logger, TokenCipher } from '@mc/runtime'
import type { Principal } from '@mc/shared'
import type { Redis } from 'ioredis'
import type { ApiKeyCache } from './auth/api-key-cache.ts'
import type { Authenticator } from './auth/authenticate.ts'
import type { AuthLimiters } from './auth/rate-limits.ts'
import type { ApiConfig } from './config.ts'
import type { EventHub } from './events/event-hub.ts'
import type { HeartbeatBatcher } from './ingest/heartbeat-batcher.ts'
import type { LiveHub } from './live/live-hub.ts'
import type { ProbeDispatcher } from './probes/probe-dispatcher.ts'

/** What route handlers get from the process: built once in main, replaced with test doubles never. */
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
  /** Fire-and-forget: never slows or fails a request, even with Redis down. */
  events: EventPublisher
  /** Every event of the installation as this process receives it, and the log to resume from. */
  eventHub: EventHub
  /** Live gateway sockets: one shared upstream per gateway, closed on shutdown before the server. */
  live: LiveHub
  startedAt: Date
}

/** What route handlers get: the process's dependencies plus the app-wide auth machinery. */
export interface RouteDeps extends AppDeps {
  limiters: AuthLimiters
  /** Cleared by every key or user change, so revocations take effect at once in this process. */
  keyCache: ApiKeyCache
  authenticate: Authenticator
  /** Heartbeats are written in coalesced batches on `ingestDb`. */
  heartbeats: HeartbeatBatcher
}

export interface AppEnv {
  Variables: {
    requestId: string
    log: Logger
    /** Set by `authorize` on every route that is not public. */
    principal: Principal
    /** How the principal proved itself; a session cookie needs CSRF protection, a key does not. */
    credential: 'session' | 'api_key'
  }
}
