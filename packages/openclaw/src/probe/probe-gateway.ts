import { errorMessage } from '@mc/shared'
import { createDeadline } from '../client/deadline.ts'
import { type GatewayTarget, tokenRedactor } from '../client/target.ts'
import { probeHttp } from './http-probe.ts'
import { failedProbe, type ProbeReading } from './probe-reading.ts'
import { probeWebSocket } from './websocket-probe.ts'

export interface ProbeOptions {
  /** One hard deadline for the whole probe; default 5000 ms (PROBE_TIMEOUT_MS). */
  timeoutMs?: number
  /** Sent as `client.version` in connect. */
  clientVersion: string
  /** Stops the probe early (e.g. worker shutdown); the result is then `error: "probe aborted"`. */
  signal?: AbortSignal
  /** Called once the handshake is over, whichever way (websocket only; an http probe just ends). */
  onHandshakeOver?: () => void
}

const DEFAULT_TIMEOUT_MS = 5000

/**
 * Probes one gateway and classifies the outcome. Never throws; leaves no socket or timer behind.
 * With a token: the WebSocket handshake plus agents.list and sessions.list; without: GET /health.
 */
export async function probeGateway(target: GatewayTarget, options: ProbeOptions): Promise<ProbeReading> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const started = performance.now()
  const deadline = createDeadline(timeoutMs, options.signal)
  const redact = tokenRedactor(target.token)
  const window = {
    signal: deadline.signal,
    timeoutMs,
    remainingMs: () => Math.max(0, timeoutMs - (performance.now() - started)),
  }
  try {
    return target.token
      ? await probeWebSocket(target, options.clientVersion, window, redact, options.onHandshakeOver)
      : await probeHttp(target, window, redact)
  } catch (error) {
    // Unreachable by design; kept so that a bug can never turn into a thrown probe.
    const reason = errorMessage(error)
    return failedProbe(target.token ? 'websocket' : 'http', 'error', `probe failed: ${reason}`, redact)
  } finally {
    deadline.dispose()
  }
}
