import { queryOptions, useQuery } from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { queryKeys } from './queries.ts'

/**
 * Flips arrive live (`fleet-cache.ts`) and the live stream asks for the overview again after flips
 * and connection changes; only while the stream is down does it poll, this often. Counts and
 * latency come from the live gateway list instead.
 */
export const FLEET_REFETCH_MS = 30_000

export const fleetOverviewQuery = queryOptions({
  queryKey: queryKeys.fleetOverview,
  queryFn: ({ signal }) => api.fleet.overview(signal),
  refetchInterval: pollWhileStreamDown(FLEET_REFETCH_MS),
})

/** `GET /api/fleet/overview` (viewer): recent status flips, 24 h uptime, connected CLI agents. */
export function useFleetOverview() {
  return useQuery(fleetOverviewQuery)
}
