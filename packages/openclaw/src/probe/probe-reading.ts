import type { ProbeStatus } from '@mc/shared'

export type { ProbeStatus }

/** What one probe read from a gateway over its protocol, and how. `error` is set exactly when not online. */
export interface ProbeReading {
  status: ProbeStatus
  /**
   * Handshake ms, online only: websocket, from the open WebSocket (upgrade done) to hello-ok's
   * arrival; http, from the request to the /health answer.
   */
  latencyMs: number | null
  /** `hello-ok.server.version`; websocket only. */
  version: string | null
  /** `sessions.list` totalCount; websocket only. */
  sessionsCount: number | null
  /** `agents.list` agents.length; websocket only. */
  agentsCount: number | null
  /** Why it is not online, for people: at most `MAX_ERROR_LENGTH` characters, never containing the token. */
  error: string | null
  method: 'websocket' | 'http'
}

export const MAX_ERROR_LENGTH = 300

export function failedProbe(
  method: ProbeReading['method'],
  status: Exclude<ProbeStatus, 'online'>,
  error: string,
  redact: (text: string) => string,
): ProbeReading {
  return {
    status,
    latencyMs: null,
    version: null,
    sessionsCount: null,
    agentsCount: null,
    error: boundedText(redact(error)),
    method,
  }
}

function boundedText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim() || 'unknown error'
  return oneLine.length <= MAX_ERROR_LENGTH ? oneLine : `${oneLine.slice(0, MAX_ERROR_LENGTH - 1)}…`
}
