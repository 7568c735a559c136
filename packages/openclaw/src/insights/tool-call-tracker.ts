import type { GatewayEvent } from '../client/frame-channel.ts'
import { type AgentEvent, parseAgentEvent } from './agent-event.ts'
import { nonNegative, text } from './fields.ts'
import { auditToolCallId, boundedError, type FinishedToolCall } from './finished-tool-call.ts'

/** Turns a connection's `agent` events into finished tool calls; never throws, keeps bounded state. */
export interface ToolCallTracker {
  /** The tool calls this event finished (usually none). Unknown or malformed events are ignored. */
  receive(event: GatewayEvent): FinishedToolCall[]
}

/** Open calls kept by default: a runaway run starts ≈1,000 tool calls in 2 minutes. */
export const DEFAULT_MAX_OPEN_TOOL_CALLS = 1000

interface OpenCall {
  toolCallId: string
  tool: string
  sessionKey: string | null
  agentId: string | null
  runId: string | null
  startedAt: number
  commandBearing: boolean
  exitCode: number | null
  outputEnded: boolean
}

/** An exec call whose item ended before its `command_output` end (the usual order): held for the exit code. */
interface HeldCall {
  call: FinishedToolCall
  runId: string | null
}

const SUCCEEDED = new Set(['completed', 'succeeded'])

/**
 * Pairs `agent` stream "item" events (data.kind "tool", phase start/update/end) by run and toolCallId.
 * An end alone is enough (it repeats name and startedAt), so calls that started before a reconnect
 * still count. exec's `command_output` end, which carries the exit code, comes right after its item
 * end: the call is held until then, or until the next event of the same run shows it will not come.
 * At most `maxOpen` calls are open and as many held; the oldest are dropped (open) or let go (held).
 */
export function createToolCallTracker(options: { maxOpen?: number } = {}): ToolCallTracker {
  const maxOpen = Math.max(1, Math.floor(options.maxOpen ?? DEFAULT_MAX_OPEN_TOOL_CALLS))
  const open = new Map<string, OpenCall>()
  const held = new Map<string, HeldCall>()
  // Calls already reported, so that a repeated end or a late command_output reports nothing twice.
  const reported = new Set<string>()

  const report = (key: string, call: FinishedToolCall, out: FinishedToolCall[]) => {
    out.push(call)
    reported.add(key)
    if (reported.size > maxOpen) reported.delete(first(reported))
  }

  const releaseHeldPassedBy = (event: AgentEvent, key: string | null, out: FinishedToolCall[]) => {
    for (const [heldKey, entry] of held) {
      if (entry.runId !== event.runId || heldKey === key) continue
      held.delete(heldKey)
      report(heldKey, entry.call, out)
    }
  }

  const onItem = (event: AgentEvent, key: string, toolCallId: string, out: FinishedToolCall[]) => {
    const { data } = event
    const known = open.get(key)
    if (data.phase !== 'end') {
      if (known || (data.phase !== 'start' && data.phase !== 'update')) return
      const tool = text(data.name) ?? 'unknown'
      open.set(key, {
        toolCallId,
        tool,
        sessionKey: event.sessionKey,
        agentId: event.agentId,
        runId: event.runId,
        startedAt: nonNegative(data.startedAt) ?? event.ts ?? Date.now(),
        commandBearing: data.commandBearing === true || tool === 'exec',
        exitCode: null,
        outputEnded: false,
      })
      if (open.size > maxOpen) open.delete(first(open.keys()))
      return
    }
    open.delete(key)
    const call = finishedCall(event, toolCallId, known)
    const commandBearing = known?.commandBearing ?? (data.commandBearing === true || call.tool === 'exec')
    if (!commandBearing || known?.outputEnded) return report(key, call, out)
    held.set(key, { call, runId: event.runId })
    if (held.size > maxOpen) {
      const oldest = first(held.keys())
      const entry = held.get(oldest)
      held.delete(oldest)
      if (entry) report(oldest, entry.call, out)
    }
  }

  const onCommandOutput = (event: AgentEvent, key: string, out: FinishedToolCall[]) => {
    if (event.data.phase !== 'end') return
    const exitCode = Number.isInteger(event.data.exitCode) ? (event.data.exitCode as number) : null
    const entry = held.get(key)
    if (entry) {
      held.delete(key)
      return report(key, { ...entry.call, exitCode }, out)
    }
    const known = open.get(key)
    if (known) Object.assign(known, { exitCode, outputEnded: true })
  }

  return {
    receive(frame) {
      const out: FinishedToolCall[] = []
      try {
        const event = parseAgentEvent(frame)
        if (!event) return out
        const toolCallId = text(event.data.toolCallId)
        const key = toolCallId ? `${event.runId ?? ''}\n${toolCallId}` : null
        if (held.size > 0) releaseHeldPassedBy(event, event.stream === 'command_output' ? key : null, out)
        if (!toolCallId || !key || reported.has(key)) return out
        if (event.stream === 'item' && event.data.kind === 'tool') onItem(event, key, toolCallId, out)
        else if (event.stream === 'command_output') onCommandOutput(event, key, out)
      } catch {
        // A frame this code did not foresee must not stop the watcher that feeds it.
      }
      return out
    },
  }
}

function finishedCall(event: AgentEvent, toolCallId: string, known: OpenCall | undefined): FinishedToolCall {
  const { data } = event
  const endedAt = nonNegative(data.endedAt) ?? event.ts ?? Date.now()
  const startedAt = Math.min(nonNegative(data.startedAt) ?? known?.startedAt ?? endedAt, endedAt)
  const status = typeof data.status === 'string' ? data.status : null
  const ok = status === null ? !data.error : SUCCEEDED.has(status)
  return {
    toolCallId,
    auditToolCallId: auditToolCallId(toolCallId),
    tool: text(data.name) ?? known?.tool ?? 'unknown',
    sessionKey: event.sessionKey ?? known?.sessionKey ?? null,
    agentId: event.agentId ?? known?.agentId ?? null,
    runId: event.runId ?? known?.runId ?? null,
    startedAt,
    endedAt,
    durationMs: endedAt - startedAt,
    ok,
    error: ok ? null : (boundedError(data.error) ?? status),
    exitCode: known?.exitCode ?? null,
  }
}

function first<T>(values: Iterable<T>): T {
  for (const value of values) return value
  throw new Error('empty')
}
