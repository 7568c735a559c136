import http from 'node:http'

export interface LoopResult {
  /** Requests answered per second over the whole run. */
  rate: number
  /** Each request's round trip in ms, ascending. */
  latencies: number[]
  /** Answers other than 2xx, and requests that failed. */
  failures: number
}

/** POSTs `body` as JSON to the api on loopback with `key`; resolves with the status and the body. */
export function postJson(
  agent: http.Agent,
  port: number,
  path: string,
  key: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'x-api-key': key,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * Closed loop: `clients` clients on keep-alive sockets, each sending its next request when the
 * last one answers, for `durationMs`. `request(n)` sends the n-th request and resolves with its
 * HTTP status.
 */
export async function closedLoop(
  clients: number,
  durationMs: number,
  request: (agent: http.Agent, n: number) => Promise<number>,
): Promise<LoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const latencies: number[] = []
  let failures = 0
  let next = 0
  const started = performance.now()
  const deadline = started + durationMs
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now()
          const status = await request(agent, next++).catch(() => 0)
          latencies.push(performance.now() - t0)
          if (status < 200 || status >= 300) failures++
        }
      }),
    )
  } finally {
    agent.destroy()
  }
  const elapsedS = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { rate: latencies.length / elapsedS, latencies, failures }
}
