import { z } from 'zod'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'
import { text } from './fields.ts'
import { auditToolCallId, boundedError, type FinishedToolCall } from './finished-tool-call.ts'

/** What the ledger calls need from a client (a stub in unit tests). */
export type ToolActionsClient = Pick<GatewayClient, 'request'>

/** The ledger's page limit (1..500). */
export const TOOL_ACTIONS_PAGE_SIZE = 500
/** Finished calls one catch-up keeps by default. */
export const DEFAULT_MAX_TOOL_ACTIONS = 5000

const pageSchema = z.looseObject({
  events: z.array(z.unknown()),
  nextCursor: z.string().min(1).optional().catch(undefined),
})

const actionSchema = z.looseObject({
  kind: z.literal('tool_action'),
  action: z.enum(['tool.action.started', 'tool.action.finished']),
  toolCallId: z.string().min(1).max(512),
  occurredAt: z.number().nonnegative(),
  toolName: z.string().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  errorCode: z.string().optional().catch(undefined),
  sessionKey: z.string().optional().catch(undefined),
  agentId: z.string().optional().catch(undefined),
  runId: z.string().optional().catch(undefined),
})
type ToolAction = z.infer<typeof actionSchema>

/**
 * The tool calls that finished at or after `sinceMs`, from `audit.activity.list {kind: "tool_action"}`
 * (newest first, cursor paging): for catching up after a reconnect, since live events missed while
 * away are gone. The ledger keeps only metadata: `error` is its errorCode (e.g. `tool_failed`) and
 * `exitCode` is null; durations are finished − started `occurredAt`. Paging stops at the first action
 * older than `sinceMs` once every finished call has found its start (a page further at most), or once
 * `maxCalls` are found. A call whose start is out of reach is left out rather than given a made-up
 * duration. Oldest first. Rejects with a GatewayError.
 */
export async function listToolActionsSince(
  client: ToolActionsClient,
  sinceMs: number,
  options: { signal?: AbortSignal; maxCalls?: number } = {},
): Promise<FinishedToolCall[]> {
  const maxCalls = Math.max(1, options.maxCalls ?? DEFAULT_MAX_TOOL_ACTIONS)
  const finished = new Map<string, ToolAction>()
  const calls: FinishedToolCall[] = []
  let cursor: string | undefined
  let pagesPastSince = 0
  while (calls.length < maxCalls) {
    const params = { kind: 'tool_action', limit: TOOL_ACTIONS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }
    const page = pageSchema.safeParse(
      await client.request('audit.activity.list', params, { signal: options.signal }),
    )
    if (!page.success) {
      const message = 'unexpected audit.activity.list answer (no events array)'
      throw new GatewayError({ kind: 'protocol', method: 'audit.activity.list', message })
    }
    let reachedSince = false
    for (const raw of page.data.events) {
      const action = actionSchema.safeParse(raw)
      if (!action.success) continue
      const { data } = action
      if (data.occurredAt < sinceMs) reachedSince = true
      if (data.action === 'tool.action.finished') {
        if (!reachedSince) finished.set(data.toolCallId, data)
        continue
      }
      const end = finished.get(data.toolCallId)
      if (!end) continue
      finished.delete(data.toolCallId)
      calls.push(pairedCall(data, end))
      if (calls.length >= maxCalls) break
    }
    if (reachedSince) pagesPastSince++
    const done = reachedSince && (finished.size === 0 || pagesPastSince > 1)
    // An empty page or a cursor that does not move would page forever.
    const stuck = page.data.events.length === 0 || page.data.nextCursor === cursor
    if (done || stuck || !page.data.nextCursor) break
    cursor = page.data.nextCursor
  }
  return calls.sort((a, b) => a.endedAt - b.endedAt)
}

function pairedCall(start: ToolAction, end: ToolAction): FinishedToolCall {
  const startedAt = Math.min(start.occurredAt, end.occurredAt)
  const ok = end.status === 'succeeded' || end.status === 'completed'
  return {
    toolCallId: end.toolCallId,
    auditToolCallId: auditToolCallId(end.toolCallId),
    tool: text(end.toolName ?? start.toolName) ?? 'unknown',
    sessionKey: text(end.sessionKey ?? start.sessionKey),
    agentId: text(end.agentId ?? start.agentId),
    runId: text(end.runId ?? start.runId),
    startedAt,
    endedAt: end.occurredAt,
    durationMs: end.occurredAt - startedAt,
    ok,
    error: ok ? null : (boundedError(end.errorCode) ?? boundedError(end.status) ?? 'failed'),
    exitCode: null,
  }
}
