import { recordGatewayUsage } from '@mc/db'
import { readSessionsUsage, type UsageClient } from '@mc/openclaw'
import type { InsightContext } from './insight-context.ts'
import type { InsightSettings } from './insight-settings.ts'
import { pollUntilAborted } from './poll-loop.ts'

/**
 * Runs a usage reading when the worker has room for it (a few at a time: the gateway computes it);
 * one waiting when `signal` aborts runs no more.
 */
export type UsageSlot = <T>(read: () => Promise<T>, signal?: AbortSignal) => Promise<T>

const DAY_MS = 86_400_000
const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10)

/**
 * Every `usagePollMs`, reads each session's tokens and cost of today (UTC) and replaces the day's
 * rows; the first reading of a connection, and the first after midnight, read yesterday too, so
 * that its last hours are counted. The gateway answers from a cache: a reading taken while it
 * refreshes (zeros) is not stored, and is taken again after `usageRetryMs`.
 */
export async function pollUsage(
  ctx: InsightContext,
  client: UsageClient,
  settings: InsightSettings,
  slot: UsageSlot,
  signal: AbortSignal,
): Promise<void> {
  // The last day read fresh; null until the first fresh reading of this connection.
  let lastDay: string | null = null

  /** Stores the day's reading; false when the gateway was still refreshing. */
  async function readDay(day: string): Promise<boolean> {
    const reading = await slot(() => readSessionsUsage(client, { day, signal }), signal)
    if (!reading.fresh) return false
    await recordGatewayUsage(ctx.db, ctx.gatewayId, day, reading.sessions)
    return true
  }

  await pollUntilAborted(
    signal,
    { name: 'reading the gateway usage', logger: ctx.logger, firstDelayMs: 0, retryMs: settings.usagePollMs },
    async () => {
      const now = Date.now()
      const today = utcDay(now)
      if (lastDay !== today && !(await readDay(utcDay(now - DAY_MS)))) return settings.usageRetryMs
      if (!(await readDay(today))) return settings.usageRetryMs
      lastDay = today
      return settings.usagePollMs
    },
  )
}
