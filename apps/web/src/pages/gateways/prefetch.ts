import type { QueryClient } from '@tanstack/react-query'
import { gatewayCountsQuery, gatewayPageQuery } from '../../api/gateways.ts'
import { gatewayPageParams, parseListParams } from './use-list-params.ts'

/** Starts the Gateway Manager's first requests for `search` (its URL's query): its page of cards and counts. */
export function prefetchGatewayList(queryClient: QueryClient, search: URLSearchParams): void {
  const list = parseListParams(search)
  void queryClient.prefetchQuery(gatewayPageQuery(gatewayPageParams(list)))
  void queryClient.prefetchQuery(gatewayCountsQuery(list.search.trim()))
}
