import {
  FLEET_RECENT_FLIPS,
  type FleetOverviewResponse,
  type GatewayStatusEvent,
  type StatusChange,
} from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { withFlips } from '../lib/gateway-status.ts'
import { queryKeys } from './queries.ts'

/** What a flip needs from a live `gateway.status` event (the event itself fits). */
export type StatusFlip = Pick<GatewayStatusEvent, 'old_status' | 'gateway' | 'at'>

/**
 * The flip as the overview lists it, from the gateway the probe left behind (as the stored flip is).
 * The stored row's id is not in the event: a negative id built from time and gateway stands in
 * (unique enough for list keys) until the next refetch.
 */
export function flipFromEvent({ old_status, gateway, at }: StatusFlip): StatusChange {
  return {
    id: -(at * 100_000 + (gateway.id % 100_000)),
    gateway_id: gateway.id,
    gateway_name: gateway.name,
    old_status,
    new_status: gateway.status,
    latency: gateway.latency,
    error: gateway.last_error,
    changed_at: at,
  }
}

/** The same flip already listed (a refetch that raced the event, or the event seen twice). */
const isSameFlip = (a: StatusChange, b: StatusChange) =>
  a.gateway_id === b.gateway_id &&
  a.old_status === b.old_status &&
  a.new_status === b.new_status &&
  Math.abs(a.changed_at - b.changed_at) <= 2

/** `flips` with `flip` added, newest first, at most `FLEET_RECENT_FLIPS`; `flips` itself if listed. */
export function withFlip(flips: StatusChange[], flip: StatusChange): StatusChange[] {
  if (flips.some((listed) => isSameFlip(listed, flip))) return flips
  return [flip, ...flips].sort((a, b) => b.changed_at - a.changed_at).slice(0, FLEET_RECENT_FLIPS)
}

/**
 * Puts live status flips at the top of the cached overview's recent flips and moves its status
 * counts, in one write, so the home view shows them at once. `gateway.status` events with
 * `old_status === status` are ignored, as is a missing overview (it loads with the flips in it).
 */
export function prependStatusFlips(queryClient: QueryClient, flips: readonly StatusFlip[]): void {
  const changes = flips.filter((flip) => flip.old_status !== flip.gateway.status)
  if (changes.length === 0) return
  queryClient.setQueryData<FleetOverviewResponse>(queryKeys.fleetOverview, (overview) => {
    if (!overview) return overview
    // Of a burst about the whole fleet, only the newest can be listed.
    const newest = changes.toSorted((a, b) => b.at - a.at).slice(0, FLEET_RECENT_FLIPS)
    return {
      ...overview,
      status_counts: withFlips(
        overview.status_counts,
        changes.map((flip) => ({ old_status: flip.old_status, status: flip.gateway.status })),
      ),
      recent_flips: newest.reduce((list, flip) => withFlip(list, flipFromEvent(flip)), overview.recent_flips),
    }
  })
}
