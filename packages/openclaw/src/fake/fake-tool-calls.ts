import { randomUUID } from 'node:crypto'
import type { FakeActivityLedger } from './fake-activity-ledger.ts'
import type { FakeWorld } from './fake-world.ts'

/** A tool call for the fake to report, as if an agent run made it. */
export interface FakeToolRun {
  tool: string
  durationMs: number
  /** Default true. */
  ok?: boolean
  /** The failure's text (default `<tool> failed` when not ok). */
  error?: string
  /** exec's exit code (default 0, or 1 when not ok). */
  exitCode?: number
  /** When the call ended, epoch ms (default now); it started `durationMs` before. */
  at?: number
}

type Broadcast = (event: string, payload: unknown) => void

// Per-run event numbers are kept for this many runs.
const MAX_RUNS = 1000

/**
 * Reports tool calls the way the real gateway does: `agent` events with `stream: "item"` (start, an
 * update for exec, end) to every connection, exec's `command_output` end right after its item end,
 * and a started/finished pair in the audit ledger (under the sha256 of the call id).
 */
export class FakeToolCalls {
  private calls = 0
  private readonly runSeq = new Map<string, number>()

  constructor(
    private readonly world: FakeWorld,
    private readonly ledger: FakeActivityLedger,
    private readonly broadcast: Broadcast,
  ) {}

  /** Runs one call in the session's current run (or a run of its own); returns the ids used. */
  run(sessionKey: string, call: FakeToolRun): { runId: string; toolCallId: string } {
    const session = this.world.session(sessionKey)
    const runId = session.hasActiveRun && session.lastRunId ? session.lastRunId : randomUUID()
    const toolCallId = `call_fake_${++this.calls}`
    const ok = call.ok ?? true
    const endedAt = call.at ?? Date.now()
    const startedAt = endedAt - Math.max(0, call.durationMs)
    const exec = call.tool === 'exec'
    const item = {
      itemId: `tool:${toolCallId}`,
      toolCallId,
      name: call.tool,
      kind: 'tool',
      title: call.tool,
      commandBearing: exec,
    }
    const send = (stream: string, ts: number, data: Record<string, unknown>) =>
      this.broadcast('agent', {
        runId,
        stream,
        data,
        sessionKey,
        agentId: session.agentId,
        seq: this.nextSeq(runId),
        ts,
        isHeartbeat: false,
      })
    send('item', startedAt, { ...item, phase: 'start', status: 'running', startedAt })
    if (exec) send('item', endedAt, { ...item, phase: 'update', status: 'running' })
    const error = ok ? {} : { error: call.error ?? `${call.tool} failed` }
    const status = ok ? 'completed' : 'failed'
    send('item', endedAt, { ...item, phase: 'end', status, startedAt, endedAt, ...error })
    if (exec) {
      const exitCode = call.exitCode ?? (ok ? 0 : 1)
      send('command_output', endedAt, {
        itemId: `command:${toolCallId}`,
        phase: 'end',
        title: `command ${call.tool}`,
        toolCallId,
        name: call.tool,
        status,
        exitCode,
        durationMs: Math.max(0, call.durationMs),
        cwd: '/fake/state/workspace',
      })
    }
    this.ledger.recordToolAction({
      agentId: session.agentId,
      sessionKey,
      sessionId: session.sessionId,
      runId,
      toolCallId,
      toolName: call.tool,
      startedAt,
      endedAt,
      ok,
    })
    return { runId, toolCallId }
  }

  /** `count` tool calls that start and never end, in one run (a runaway run), for tests of caps. */
  startWithoutEnd(sessionKey: string, count: number): { runId: string } {
    const session = this.world.session(sessionKey)
    const runId = randomUUID()
    for (let i = 0; i < count; i++) {
      const toolCallId = `call_fake_${++this.calls}`
      const ts = Date.now()
      this.broadcast('agent', {
        runId,
        stream: 'item',
        data: {
          itemId: `tool:${toolCallId}`,
          toolCallId,
          name: 'ls',
          kind: 'tool',
          phase: 'start',
          status: 'running',
          startedAt: ts,
        },
        sessionKey,
        agentId: session.agentId,
        seq: this.nextSeq(runId),
        ts,
        isHeartbeat: false,
      })
    }
    return { runId }
  }

  private nextSeq(runId: string): number {
    const seq = (this.runSeq.get(runId) ?? 0) + 1
    this.runSeq.delete(runId)
    this.runSeq.set(runId, seq)
    if (this.runSeq.size > MAX_RUNS) this.runSeq.delete(this.runSeq.keys().next().value as string)
    return seq
  }
}
