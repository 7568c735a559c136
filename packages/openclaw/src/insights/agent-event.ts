import type { GatewayEvent } from '../client/frame-channel.ts'
import { isRecord } from '../protocol/is-record.ts'
import { nonNegative, text } from './fields.ts'

/** The envelope every `agent` event shares: which run, which stream, when, and the stream's data. */
export interface AgentEvent {
  runId: string | null
  stream: string
  sessionKey: string | null
  agentId: string | null
  /** The run's own event number. */
  seq: number | null
  ts: number | null
  data: Record<string, unknown>
}

/** Reads an `agent` event's payload; null for any other event or a payload without a stream. */
export function parseAgentEvent(event: GatewayEvent): AgentEvent | null {
  if (event.event !== 'agent' || !isRecord(event.payload)) return null
  const { payload } = event
  const stream = text(payload.stream)
  if (!stream) return null
  return {
    runId: text(payload.runId),
    stream,
    sessionKey: text(payload.sessionKey),
    agentId: text(payload.agentId),
    seq: nonNegative(payload.seq),
    ts: nonNegative(payload.ts),
    data: isRecord(payload.data) ? payload.data : {},
  }
}
