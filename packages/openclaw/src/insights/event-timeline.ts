import { MAX_EVENT_SUMMARY_LENGTH } from '@mc/shared'
import type { GatewayEvent } from '../client/frame-channel.ts'
import { isRecord } from '../protocol/is-record.ts'
import { nonNegative, text } from './fields.ts'

/** One entry of a gateway's event timeline. */
export interface TimelineEvent {
  /** Epoch ms: the payload's `ts`, else the time it was summarized. */
  at: number
  /** The event name, with `:` + stream for streamed events, e.g. `agent:item`, `session.tool:tool`. */
  type: string
  sessionKey: string | null
  agentId: string | null
  runId: string | null
  /** Built only from names, phases, statuses, reasons and counts: never message text, output or errors. */
  summary: string
}

type Payload = Record<string, unknown>
type Describe = (payload: Payload, data: Payload) => (string | number | null)[]

const STREAMED = new Set(['agent', 'session.tool'])

// What each event says, as words picked from its payload (absent words are left out).
const DESCRIBE: Record<string, Describe> = {
  'agent:item': (_, data) => [
    data.kind === 'tool' ? 'tool' : word(data.kind),
    word(data.name),
    word(data.phase),
    word(data.status),
  ],
  'agent:command_output': (_, data) => [word(data.name), 'output', word(data.phase), exit(data.exitCode)],
  'agent:lifecycle': (_, data) => [
    'run',
    word(data.phase),
    word(data.stopReason),
    data.aborted === true ? 'aborted' : null,
  ],
  'agent:run_status': (_, data) => ['run status', word(data.phase)],
  'agent:usage': (_, data) => ['usage', tokens('in', data.inputTokens), tokens('out', data.outputTokens)],
  'agent:assistant': () => ['assistant reply'],
  'session.tool:tool': (_, data) => [
    'tool',
    word(data.name),
    word(data.phase),
    data.isError === true ? 'error' : null,
  ],
  chat: (payload) => ['chat', word(payload.state), word(payload.stopReason)],
  health: (payload) => ['health', payload.ok === true ? 'ok' : payload.ok === false ? 'not ok' : null],
  presence: (payload) => [
    'presence',
    Array.isArray(payload.presence) ? `${payload.presence.length} clients` : null,
  ],
  cron: (payload) => ['cron job', word(payload.action)],
  'sessions.changed': (payload) => ['session', word(payload.reason) ?? word(payload.phase)],
  'session.message': (payload) => ['message', isRecord(payload.message) ? word(payload.message.role) : null],
  'skills.changed': (payload) => ['skills changed', word(payload.reason)],
  'config.changed': () => ['config changed'],
  shutdown: () => ['gateway shutting down'],
}

/**
 * A timeline entry for `event`, or null for `tick` (every 30 s, noise). Never throws: an event this
 * code does not know becomes its name alone.
 */
export function summarizeEvent(event: GatewayEvent): TimelineEvent | null {
  if (event.event === 'tick') return null
  try {
    const payload = isRecord(event.payload) ? event.payload : {}
    const data = isRecord(payload.data) ? payload.data : {}
    const stream = STREAMED.has(event.event) ? word(payload.stream) : null
    const type = (stream ? `${event.event}:${stream}` : event.event).slice(0, MAX_EVENT_SUMMARY_LENGTH)
    const words = DESCRIBE[type]?.(payload, data) ?? [type]
    return {
      at: nonNegative(payload.ts) ?? Date.now(),
      type,
      sessionKey: text(payload.sessionKey),
      agentId: text(payload.agentId),
      runId: text(payload.runId),
      summary: words
        .filter((part) => part !== null)
        .join(' ')
        .slice(0, MAX_EVENT_SUMMARY_LENGTH),
    }
  } catch {
    return null
  }
}

/** An identifier-like word (`completed`, `token_mismatch`, `exec`); null for anything that could be prose. */
function word(value: unknown): string | null {
  return typeof value === 'string' && /^[\w.:-]{1,64}$/.test(value) ? value : null
}

function exit(code: unknown): string | null {
  return Number.isInteger(code) ? `exit ${code}` : null
}

function tokens(label: string, count: unknown): string | null {
  const value = nonNegative(count)
  return value === null ? null : `${label} ${value}`
}
