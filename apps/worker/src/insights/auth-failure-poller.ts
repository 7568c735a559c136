import { recordAuthFailures } from '@mc/db'
import { type LogsClient, tailAuthFailures } from '@mc/openclaw'
import type { InsightContext } from './insight-context.ts'
import type { InsightSettings } from './insight-settings.ts'
import { pollUntilAborted } from './poll-loop.ts'

/**
 * Every `logPollMs`, reads what the gateway logged since the stored cursor and counts its failed
 * handshakes per minute and address; the cursor is stored, so another worker or connection goes on
 * from there. The gateway skips to the end of its log when a read would exceed its bounds, so a
 * truncated read is followed by another soon rather than by a second page (there is none).
 */
export async function pollAuthFailures(
  ctx: InsightContext,
  client: LogsClient,
  settings: InsightSettings,
  signal: AbortSignal,
): Promise<void> {
  const { gatewayId } = ctx
  let cursor: number | null | undefined
  await pollUntilAborted(
    signal,
    { name: 'reading the gateway log', logger: ctx.logger, firstDelayMs: 0, retryMs: settings.logPollMs },
    async () => {
      if (cursor === undefined) cursor = (await ctx.cursors.find(gatewayId)).logCursor
      const page = await tailAuthFailures(client, cursor, { maxBytes: settings.logMaxBytes, signal })
      if (page.truncated)
        ctx.logger.debug('the gateway log grew faster than it was read: failures may be missing')
      const counted = await recordAuthFailures(ctx.db, gatewayId, page.failures)
      await ctx.cursors.saveLog(gatewayId, page.cursor)
      cursor = page.cursor
      if (counted > 0) ctx.alertEvaluator.afterAuthFailures([gatewayId])
      return page.truncated ? Math.min(settings.logCatchUpMs, settings.logPollMs) : settings.logPollMs
    },
  )
}
