import { createHash } from 'node:crypto'
import { MAX_TOOL_ERROR_LENGTH } from '@mc/shared'

/** A tool call that ended (from live `agent` events, or from `audit.activity.list` after a reconnect). */
export interface FinishedToolCall {
  /** As the source gives it: the raw id from live events, `sha256:<hex>` of that id from the audit ledger. */
  toolCallId: string
  /** `sha256:<hex of the raw id>` for both sources (the audit ledger's id), so that the two can be matched. */
  auditToolCallId: string
  tool: string
  sessionKey: string | null
  agentId: string | null
  runId: string | null
  /** Epoch ms. */
  startedAt: number
  endedAt: number
  /** endedAt − startedAt: the tool's own span, for every tool (exec's process time is shorter). */
  durationMs: number
  ok: boolean
  error: string | null
  /** exec only, from its `command_output` end. */
  exitCode: number | null
}

const AUDIT_ID = /^sha256:[0-9a-f]{64}$/

/** The audit ledger's id for a raw tool call id: the gateway hashes it with sha256 (checked on 2026.9.6). */
export function auditToolCallId(toolCallId: string): string {
  if (AUDIT_ID.test(toolCallId)) return toolCallId
  return `sha256:${createHash('sha256').update(toolCallId).digest('hex')}`
}

export function boundedError(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, MAX_TOOL_ERROR_LENGTH) : null
}
