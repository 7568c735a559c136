import type { WorkerConfig } from '../config.ts'

export interface InsightSettings {
  /** Events of a gateway kept one by one per minute; beyond, counted per type and minute. */
  eventsPerMinute: number
  maxPendingEvents: number
  maxPendingCalls: number
  /** Calls one backfill from the audit ledger reads at most. */
  maxBackfillCalls: number
  logPollMs: number
  /** The next log read comes this soon after one that may have missed lines. */
  logCatchUpMs: number
  /** Bytes one `logs.tail` read returns at most. */
  logMaxBytes: number
  usagePollMs: number
  /** A reading the gateway was still refreshing is taken again after this long (its refresh takes ≈20 s). */
  usageRetryMs: number
}

export const insightSettings = (config: WorkerConfig): InsightSettings => ({
  eventsPerMinute: config.GATEWAY_EVENTS_PER_MINUTE,
  maxPendingEvents: 1000,
  maxPendingCalls: 5000,
  maxBackfillCalls: 5000,
  logPollMs: config.LOG_POLL_S * 1000,
  logCatchUpMs: 5000,
  logMaxBytes: 256 * 1024,
  usagePollMs: config.USAGE_POLL_S * 1000,
  usageRetryMs: 30_000,
})
