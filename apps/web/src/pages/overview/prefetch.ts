import type { QueryClient } from '@tanstack/react-query'
import { fleetOverviewQuery } from '../../api/fleet.ts'

/** Starts the Overview's main request: the fleet's figures. */
export function prefetchOverview(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(fleetOverviewQuery)
}
