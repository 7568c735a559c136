import type { Database } from '@mc/db'
import type { McEvent } from '@mc/shared'
import type { Queue } from 'bullmq'

/** Settings both apps read from their config (`alertingConfigShape`, `tokenConfigShape`). */
export interface AlertSettings {
  ALERT_GROUP_WAIT_S: number
  ALERT_RETRY_BASE_MS: number
  PUBLIC_URL?: string | undefined
  /** `tokenConfigShape`: when a gateway's token is stale (`token_stale`). */
  TOKEN_MAX_AGE_DAYS: number
}

/** What evaluating rules and queueing notices needs, in the api and in the worker alike. */
export interface AlertContext {
  db: Database
  /** The `alert-delivery` queue. */
  deliveryQueue: Queue
  /** Announces incident events (the api's fire-and-forget publisher, or the worker's Redis). */
  publish: (events: McEvent[]) => unknown
  settings: AlertSettings
}
