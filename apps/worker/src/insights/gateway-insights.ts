import { setTimeout as sleep } from 'node:timers/promises'
import type { GatewayClient, GatewayEvent } from '@mc/openclaw'
import { errorMessage } from '@mc/shared'
import { pollAuthFailures } from './auth-failure-poller.ts'
import type { InsightContext } from './insight-context.ts'
import { createInsightInbox } from './insight-inbox.ts'
import type { InsightSettings } from './insight-settings.ts'
import { backfillToolCalls } from './tool-call-backfill.ts'
import { storeToolCalls } from './tool-call-store.ts'
import { pollUsage, type UsageSlot } from './usage-poller.ts'

export interface InsightCadence {
  /** The watcher's own flush cadence: normal, and while the gateway floods. */
  flushMs: number
  throttledFlushMs: number
  flooding: () => boolean
}

export interface GatewayInsights {
  /** Every event the connection brings (cheap: summarised and counted, stored at the next flush). */
  receive(event: GatewayEvent): void
  /** Starts the flushes, the backfill and the pollers on this connection, until `signal` aborts. */
  start(client: GatewayClient, signal: AbortSignal): void
  /** Waits until the loops have ended (after `signal` aborted) and stores what is left. */
  stop(): Promise<void>
}

/**
 * The insights one watcher connection gathers besides its sessions: the event timeline, finished
 * tool calls (live, and backfilled from the audit ledger after a reconnect), failed handshakes from
 * the log and token usage. Each runs on its own and logs its failures: none ever closes the
 * connection or delays the sessions.
 */
export function createGatewayInsights(
  ctx: InsightContext,
  settings: InsightSettings,
  cadence: InsightCadence,
  usageSlot: UsageSlot,
): GatewayInsights {
  const inbox = createInsightInbox(settings)
  let running: Promise<unknown> = Promise.resolve()
  let flushFailing = false

  async function flush(): Promise<void> {
    const { calls, dropped } = inbox.takeCalls()
    if (dropped > 0)
      ctx.logger.warn({ dropped }, 'tool calls dropped: they came faster than they were stored')
    const failures: unknown[] = []
    // One after the other, each on its own: a failing timeline write must not lose the calls.
    await storeToolCalls(ctx, calls, 'event').catch((error: unknown) => {
      failures.push(error)
      inbox.putBack(calls)
    })
    await ctx.timeline(ctx.gatewayId, inbox.takeEvents()).catch((error: unknown) => failures.push(error))
    if (failures.length > 0) {
      // The database is away: the calls wait for the next flush, the events are lost.
      ctx.logger[flushFailing ? 'debug' : 'warn'](
        { err: errorMessage(failures[0]) },
        'could not store gateway insights',
      )
    }
    flushFailing = failures.length > 0
  }

  async function flushUntilAborted(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await sleep(cadence.flooding() ? cadence.throttledFlushMs : cadence.flushMs, undefined, {
        signal,
      }).catch(() => {})
      await flush()
    }
  }

  async function backfill(client: GatewayClient, signal: AbortSignal): Promise<void> {
    try {
      const stored = await backfillToolCalls(ctx, client, settings, signal)
      if (stored > 0) ctx.logger.info({ stored }, 'tool calls missed while away read from the audit ledger')
    } catch (error) {
      if (!signal.aborted) ctx.logger.warn({ err: errorMessage(error) }, 'could not backfill tool calls')
    }
  }

  return {
    receive: (event) => inbox.receive(event),
    start(client, signal) {
      running = Promise.all([
        flushUntilAborted(signal),
        backfill(client, signal),
        pollAuthFailures(ctx, client, settings, signal),
        pollUsage(ctx, client, settings, usageSlot, signal),
      ])
    },
    async stop() {
      await running
    },
  }
}
