import type { ToolCallInput } from '../src/queries/tool-call-writes.ts'

/** A finished `exec` call as a watcher stores it: ok, 10 ms, ended a second before it was made. */
export const finishedToolCall = (toolCallId: string, fields: Partial<ToolCallInput> = {}): ToolCallInput => {
  const endedAt = fields.endedAt ?? Date.now() - 1000
  const durationMs = fields.durationMs ?? 10
  return {
    toolCallId,
    tool: 'exec',
    sessionKey: null,
    agentId: null,
    runId: null,
    startedAt: endedAt - durationMs,
    endedAt,
    durationMs,
    ok: true,
    error: null,
    exitCode: null,
    ...fields,
  }
}
