import { percentile } from '@mc/testing/bench-runs'
import type { BenchApi } from './bench-api.ts'
import { closedLoop } from './closed-loop.ts'

/**
 * One client's back-to-back GETs of `path(n)` (the n-th request's path) for `durationMs`: the p95
 * round trip in ms, and how many answers were not 2xx.
 */
export async function getP95(
  api: Pick<BenchApi, 'port' | 'key'>,
  path: (n: number) => string,
  durationMs: number,
): Promise<{ p95: number; failures: number }> {
  const result = await closedLoop(1, durationMs, async (n) => {
    const res = await fetch(`http://127.0.0.1:${api.port}${path(n)}`, { headers: { 'x-api-key': api.key } })
    await res.arrayBuffer()
    return res.status
  })
  return { p95: percentile(result.latencies, 0.95), failures: result.failures }
}
