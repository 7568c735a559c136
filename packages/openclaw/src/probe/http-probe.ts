import http from 'node:http'
import https from 'node:https'
import { isTimeoutReason } from '../client/deadline.ts'
import { socketFailure } from '../client/socket-failure.ts'
import { type GatewayTarget, healthUrl } from '../client/target.ts'
import { isRecord } from '../protocol/is-record.ts'
import { failedProbe, type ProbeReading } from './probe-reading.ts'

const MAX_BODY_BYTES = 64 * 1024

/** Liveness without a token: `GET /health` must answer 200 `{"ok":true,…}`. */
export async function probeHttp(
  target: GatewayTarget,
  deadline: { signal: AbortSignal; timeoutMs: number },
  redact: (text: string) => string,
): Promise<ProbeReading> {
  const started = performance.now()
  let url: URL
  try {
    url = healthUrl(target)
  } catch (error) {
    return failedProbe('http', 'error', `invalid gateway address: ${String(error)}`, redact)
  }
  const answer = await getHealth(url, target.tlsInsecure ?? false, deadline.signal)
  const latencyMs = Math.round(performance.now() - started)
  if (answer.kind === 'failed') {
    if (deadline.signal.aborted) {
      return isTimeoutReason(deadline.signal.reason)
        ? failedProbe('http', 'timeout', `no answer within ${deadline.timeoutMs} ms (GET /health)`, redact)
        : failedProbe('http', 'error', 'probe aborted', redact)
    }
    const failure = socketFailure(answer.error, true)
    const status =
      failure.kind === 'unreachable' ? 'offline' : failure.kind === 'timeout' ? 'timeout' : 'error'
    return failedProbe('http', status, failure.message, redact)
  }
  if (answer.status === 200 && isLiveBody(answer.body)) {
    return {
      status: 'online',
      latencyMs,
      version: null,
      sessionsCount: null,
      agentsCount: null,
      error: null,
      method: 'http',
    }
  }
  const what =
    answer.status === 200
      ? `not an OpenClaw gateway (GET /health answered 200 ${answer.contentType || 'without a content type'})`
      : `GET /health answered HTTP ${answer.status}`
  return failedProbe('http', 'error', what, redact)
}

type HealthAnswer =
  | { kind: 'answered'; status: number; contentType: string; body: string }
  | { kind: 'failed'; error: Error }

function getHealth(url: URL, tlsInsecure: boolean, signal: AbortSignal): Promise<HealthAnswer> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http
    // No agent: a kept-alive socket would outlive the probe.
    const request = client.get(url, {
      agent: false,
      signal,
      rejectUnauthorized: !tlsInsecure,
      headers: { accept: 'application/json', connection: 'close' },
    })
    request.on('error', (error) => resolve({ kind: 'failed', error }))
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_BODY_BYTES) chunks.push(chunk)
        else response.destroy()
      })
      response.on('error', (error) => resolve({ kind: 'failed', error }))
      response.on('close', () =>
        resolve({
          kind: 'answered',
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type'] ?? '').split(';')[0] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
  })
}

function isLiveBody(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body)
    return isRecord(value) && value.ok === true
  } catch {
    return false
  }
}
