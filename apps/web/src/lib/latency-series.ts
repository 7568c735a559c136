import type { Probe } from '@mc/shared'

type ProbeStatus = Probe['status']

/** One probe on the latency chart; `latency` is null for a failed probe, which breaks the line. */
export interface LatencyPoint {
  at: number
  latency: number | null
  status: ProbeStatus
  error: string | null
}

/** A run of consecutive failed probes with the same status, drawn as a shaded band. */
export interface FailureSpan {
  from: number
  to: number
  status: Exclude<ProbeStatus, 'online'>
  probes: number
}

/** The probes oldest first, without duplicates (pages may overlap while new probes arrive). */
export function latencyPoints(probes: readonly Probe[]): LatencyPoint[] {
  const byId = new Map(probes.map((probe) => [probe.id, probe]))
  return [...byId.values()]
    .sort((a, b) => a.probed_at - b.probed_at || a.id - b.id)
    .map((probe) => ({
      at: probe.probed_at,
      latency: probe.status === 'online' ? probe.latency : null,
      status: probe.status,
      error: probe.error,
    }))
}

/**
 * Outages as bands: each run of failures lasts until the next probe (or its last failure), and is at
 * least `minWidth` seconds wide so that one failed probe in a day still shows.
 */
export function failureSpans(points: readonly LatencyPoint[], minWidth = 0): FailureSpan[] {
  const spans: FailureSpan[] = []
  let open: FailureSpan | null = null
  for (const point of points) {
    if (open && point.status !== open.status) {
      open.to = point.at
      open = null
    }
    if (point.status === 'online') continue
    if (open) {
      open.to = point.at
      open.probes += 1
    } else {
      open = { from: point.at, to: point.at, status: point.status, probes: 1 }
      spans.push(open)
    }
  }
  for (const span of spans) span.to = Math.max(span.to, span.from + minWidth)
  return spans
}

/**
 * The latency axis: whole milliseconds from 0 at a round step (1, 2, 5, 10, 20, 50…), at most five
 * ticks, the last one above the highest latency so the line never touches the top.
 */
export function latencyTicks(maxLatency: number): number[] {
  const top = Math.max(0, maxLatency)
  for (let magnitude = 1; ; magnitude *= 10) {
    for (const step of [magnitude, 2 * magnitude, 5 * magnitude]) {
      const ticks = Math.floor(top / step) + 2
      if (ticks <= 5) return Array.from({ length: ticks }, (_, index) => index * step)
    }
  }
}
