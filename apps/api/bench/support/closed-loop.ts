import { Pool } from 'undici'

export interface LoopResult {
  /** Requests answered per second over the whole run. */
  rate: number
  /** Each request's round trip in ms, ascending. */
  latencies: number[]
  /** Answers other than 2xx, and requests that failed. */
  failures: number
}

/**
 * Keep-alive connections to the api on loopback, at most `connections` at once. undici's client
 * costs about a third less CPU per request than node:http's, and the load generator shares the
 * machine's cores with the api it measures.
 */
export const apiClient = (port: number, connections: number) =>
  new Pool(`http://127.0.0.1:${port}`, { connections })

/** POSTs `body` as JSON with `key`; resolves with the status and the body. */
export async function postJson(
  client: Pool,
  path: string,
  key: string,
  body: string,
): Promise<{ status: number; text: string }> {
  const res = await client.request({
    path,
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body,
  })
  return { status: res.statusCode, text: await res.body.text() }
}

/**
 * Closed loop: `clients` clients, each sending its next request when the last one answers, for
 * `durationMs`. `request(n)` sends the n-th request and resolves with its HTTP status.
 */
export async function closedLoop(
  clients: number,
  durationMs: number,
  request: (n: number) => Promise<number>,
): Promise<LoopResult> {
  const latencies: number[] = []
  let failures = 0
  let next = 0
  const started = performance.now()
  const deadline = started + durationMs
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const status = await request(next++).catch(() => 0)
        latencies.push(performance.now() - t0)
        if (status < 200 || status >= 300) failures++
      }
    }),
  )
  const elapsedS = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { rate: latencies.length / elapsedS, latencies, failures }
}
