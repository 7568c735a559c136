import type { ModelPriceInput } from '@mc/shared'
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { USAGE_WINDOWS, windowSince } from '../lib/insight-windows.ts'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys, type UsageKey } from './queries.ts'

/** Usage is polled from the gateways every few minutes: asking more often shows nothing new. */
export const USAGE_REFETCH_MS = 120_000

/** `GET /api/usage` (viewer): tokens and cost per group and per day. */
export function useUsage(query: UsageKey) {
  return useQuery({
    queryKey: queryKeys.usage(query),
    queryFn: ({ signal }) =>
      api.usage.get({ group_by: query.group_by, ...windowSince(USAGE_WINDOWS, query.window) }, signal),
    refetchInterval: USAGE_REFETCH_MS,
    placeholderData: keepPreviousData,
  })
}

/** `GET /api/model-prices` (viewer). */
export function useModelPrices() {
  return useQuery({
    queryKey: queryKeys.modelPrices,
    queryFn: ({ signal }) => api.modelPrices.list(signal),
  })
}

// A price changes the cost of every CLI agent's usage.
const useRefreshAfterPriceChange = () => useInvalidate(queryKeys.modelPrices, ['usage'])

/** `PUT /api/model-prices/:model` (admin): adds or replaces one model's price. */
export function useSaveModelPrice() {
  const refresh = useRefreshAfterPriceChange()
  return useMutation({
    mutationFn: ({ model, price }: { model: string; price: ModelPriceInput }) =>
      api.modelPrices.put(model, price),
    onSuccess: refresh,
  })
}

/** `DELETE /api/model-prices/:model` (admin). */
export function useDeleteModelPrice() {
  const refresh = useRefreshAfterPriceChange()
  return useMutation({ mutationFn: (model: string) => api.modelPrices.remove(model), onSuccess: refresh })
}
