import { ApiRequestError, type ProbeResponse, type ProbeResult } from '@mc/shared'
import type { NoticeMessage } from '../components/Notice.tsx'
import { errorMessage } from './error-message.ts'
import { summarizeStatuses } from './gateway-status.ts'

/** A result the API could not wait for (a large fleet at the deadline): the gateway's last known state. */
export function isUnfinished(result: ProbeResult): boolean {
  return result.pending === true
}

/**
 * What a finished probe found, in one line: "Probed 13 gateways: 12 online · 1 offline" for several,
 * "Production is online (12 ms)" or "Staging is offline: connect ECONNREFUSED…" for one.
 */
export function describeProbeResults({ results }: ProbeResponse, scope: 'all' | 'one'): NoticeMessage {
  const healthy = results.every((result) => result.status === 'online')
  const tone = healthy ? 'success' : 'warning'
  const [only] = results
  if (scope === 'one' && only && results.length === 1) {
    if (isUnfinished(only)) {
      return { tone: 'warning', text: `${only.name}: the probe is still running; its result appears shortly` }
    }
    if (only.status === 'online') {
      return { tone, text: `${only.name} is online${only.latency === null ? '' : ` (${only.latency} ms)`}` }
    }
    return { tone, text: `${only.name} is ${only.status}${only.error ? `: ${only.error}` : ''}` }
  }
  const finished = results.filter((result) => !isUnfinished(result))
  const noun = results.length === 1 ? 'gateway' : 'gateways'
  const found = summarizeStatuses(finished.map((result) => result.status))
  const waiting = results.length - finished.length
  if (waiting === 0) return { tone, text: `Probed ${results.length} ${noun}: ${found}` }
  return {
    tone: 'warning',
    text: `Probed ${finished.length} of ${results.length} ${noun}: ${found}; ${waiting} still running, their results appear shortly`,
  }
}

/** Why a probe could not run; a 503 means no worker is there to probe. */
export function describeProbeError(error: unknown): NoticeMessage {
  if (error instanceof ApiRequestError && error.status === 503) {
    return {
      tone: 'error',
      text: 'No worker is running, so nothing can be probed. Start the worker (npm start runs one) and try again.',
    }
  }
  return { tone: 'error', text: `The probe failed: ${errorMessage(error)}` }
}
