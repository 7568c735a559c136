import type { ProbeOutcome, ProbeStatus } from '@mc/shared'

export type { ProbeStatus }

/** One probe's outcome, as the worker stores it, and how it was taken. `error` is set exactly when not online. */
export interface ProbeResult extends ProbeOutcome {
  method: 'websocket' | 'http'
}

export const MAX_ERROR_LENGTH = 300

export function failedProbe(
  method: ProbeResult['method'],
  status: Exclude<ProbeStatus, 'online'>,
  error: string,
  redact: (text: string) => string,
): ProbeResult {
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
