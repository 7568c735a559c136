import { recordToolCalls, saveToolCallsSeenUntil, type ToolCallSource } from '@mc/db'
import type { FinishedToolCall } from '@mc/openclaw'
import type { InsightContext } from './insight-context.ts'

/**
 * Stores finished calls under the audit ledger's id (the same for a live call and its ledger entry,
 * so a backfill stores nothing twice), evaluates the tools' alert rules, and moves the gateway's
 * "tool calls seen until" forward, where the next backfill starts.
 */
export async function storeToolCalls(
  ctx: InsightContext,
  calls: FinishedToolCall[],
  source: ToolCallSource,
): Promise<number> {
  if (calls.length === 0) return 0
  const rows = calls.map((call) => ({ ...call, toolCallId: call.auditToolCallId }))
  const { inserted, toolIds } = await recordToolCalls(ctx.db, ctx.gatewayId, rows, source)
  if (toolIds.length > 0) ctx.alertEvaluator.afterToolCalls(toolIds)
  const seenUntil = calls.reduce((latest, call) => Math.max(latest, call.endedAt), 0)
  await saveToolCallsSeenUntil(ctx.db, ctx.gatewayId, new Date(seenUntil))
  return inserted
}
