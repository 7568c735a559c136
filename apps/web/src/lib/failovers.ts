import type { Gateway, GatewayFailover } from '@mc/shared'
import { formatAge } from './time.ts'

/**
 * The primary role's latest move in a line: "gw-a → gw-b 3 min ago: <reason>", with "no standby"
 * as the target when none could take over; "No failover yet" before the first.
 */
export function lastFailoverText(failover: GatewayFailover | null, now: number): string {
  if (!failover) return 'No failover yet'
  const to = failover.to_name ?? 'no standby'
  return `${failover.from_name} → ${to} ${formatAge(now - failover.at)}: ${failover.reason}`
}

const byPriority = (a: Gateway, b: Gateway) =>
  (a.failover_priority ?? Number.POSITIVE_INFINITY) - (b.failover_priority ?? Number.POSITIVE_INFINITY) ||
  a.name.localeCompare(b.name)

/** Where a failover by hand can go: every gateway but the primary, standbys first by priority. */
export function failoverTargets(gateways: readonly Gateway[]): Gateway[] {
  return gateways.filter((gateway) => gateway.is_primary === 0).sort(byPriority)
}

/** A target as the failover dialog lists it: "gw-b (standby #1, online)". */
export function failoverTargetLabel(gateway: Gateway): string {
  const standby = gateway.failover_priority === null ? null : `standby #${gateway.failover_priority}`
  return `${gateway.name} (${[standby, gateway.status].filter(Boolean).join(', ')})`
}
