import type { Gateway } from '@mc/shared'
import { formatAge } from './time.ts'

/** The seed's best practices: "High latency (>100ms) may indicate network issues". */
export const HIGH_LATENCY_MS = 100
/** The worker probes every 30 s (PROBE_INTERVAL_S); three missed intervals make `last_seen` stale. */
export const PROBE_INTERVAL_S = 30
export const STALE_AFTER_S = 3 * PROBE_INTERVAL_S

/** Why a latency deserves attention, or null when it does not. */
export function latencyWarning(latency: number | null): string | null {
  if (latency === null || latency <= HIGH_LATENCY_MS) return null
  return `High latency: over ${HIGH_LATENCY_MS} ms may indicate network issues`
}

/**
 * Why `last_seen` deserves attention ("Stale timestamps indicate connectivity problems"), or null:
 * no successful probe for more than three probe intervals. A gateway never seen is not stale, just
 * never seen (its status says why).
 */
export function staleWarning(gateway: Pick<Gateway, 'last_seen'>, nowS: number): string | null {
  if (gateway.last_seen === null) return null
  const age = nowS - gateway.last_seen
  if (age <= STALE_AFTER_S) return null
  return `Stale: last successful probe ${formatAge(age)}, more than ${STALE_AFTER_S} s (three probe intervals)`
}
