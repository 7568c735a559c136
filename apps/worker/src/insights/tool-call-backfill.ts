import { listToolActionsSince, type ToolActionsClient } from '@mc/openclaw'
import type { InsightContext } from './insight-context.ts'
import type { InsightSettings } from './insight-settings.ts'
import { storeToolCalls } from './tool-call-store.ts'

/**
 * After a (re)connect: the calls that finished while nobody watched, read from the gateway's audit
 * ledger from the latest call seen live (on any worker), at most `maxBackfillCalls`. A gateway
 * never seen calling a tool is not backfilled: its history before the first watch is not ours.
 */
export async function backfillToolCalls(
  ctx: InsightContext,
  client: ToolActionsClient,
  settings: InsightSettings,
  signal: AbortSignal,
): Promise<number> {
  const { toolCallsSeenUntil } = await ctx.cursors.find(ctx.gatewayId)
  if (!toolCallsSeenUntil) return 0
  const calls = await listToolActionsSince(client, toolCallsSeenUntil.getTime(), {
    signal,
    maxCalls: settings.maxBackfillCalls,
  })
  return storeToolCalls(ctx, calls, 'audit')
}
