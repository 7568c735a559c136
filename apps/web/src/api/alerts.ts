import type {
  CreateAlertChannelRequest,
  CreateAlertRuleRequest,
  UpdateAlertChannelRequest,
  UpdateAlertRuleRequest,
} from '@mc/shared'
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

/** `GET /api/alerts/channels` (admin): public config, last delivery and whether it is failing. */
export function useAlertChannels() {
  return useQuery({
    queryKey: queryKeys.alertChannels,
    queryFn: ({ signal }) => api.alerts.channels.list(signal),
  })
}

/** After a change to channels or rules: every alert view (rules name channels) and the audit log. */
const useRefreshAfterAlertChange = () => useInvalidate(queryKeys.alerts, queryKeys.audit)

/** `POST /api/alerts/channels` (admin): 400 with field details (`config.url`…). */
export function useCreateAlertChannel() {
  const refresh = useRefreshAfterAlertChange()
  return useMutation({
    mutationFn: (body: CreateAlertChannelRequest) => api.alerts.channels.create(body),
    onSuccess: refresh,
  })
}

/** `PATCH /api/alerts/channels/:id` (admin): secrets left out are kept. */
export function useUpdateAlertChannel() {
  const refresh = useRefreshAfterAlertChange()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateAlertChannelRequest }) =>
      api.alerts.channels.update(id, body),
    onSuccess: refresh,
  })
}

/** `DELETE /api/alerts/channels/:id` (admin). */
export function useDeleteAlertChannel() {
  const refresh = useRefreshAfterAlertChange()
  return useMutation({ mutationFn: (id: number) => api.alerts.channels.remove(id), onSuccess: refresh })
}

/**
 * `POST /api/alerts/channels/:id/test` (admin): the delivery it made, failed or not; the list then
 * shows it as the channel's last delivery.
 */
export function useTestAlertChannel() {
  const refresh = useInvalidate(queryKeys.alertChannels, queryKeys.alertDeliveries)
  return useMutation({ mutationFn: (id: number) => api.alerts.channels.test(id), onSettled: refresh })
}

/** `GET /api/alerts/rules` (admin). */
export function useAlertRules() {
  return useQuery({ queryKey: queryKeys.alertRules, queryFn: ({ signal }) => api.alerts.rules.list(signal) })
}

/** `POST /api/alerts/rules` (admin): params are checked against the kind. */
export function useCreateAlertRule() {
  const refresh = useRefreshAfterAlertChange()
  return useMutation({
    mutationFn: (body: CreateAlertRuleRequest) => api.alerts.rules.create(body),
    onSuccess: refresh,
  })
}

/** `PATCH /api/alerts/rules/:id` (admin): a rule's kind never changes. */
export function useUpdateAlertRule() {
  const refresh = useRefreshAfterAlertChange()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateAlertRuleRequest }) =>
      api.alerts.rules.update(id, body),
    onSuccess: refresh,
  })
}

/** `DELETE /api/alerts/rules/:id` (admin). */
export function useDeleteAlertRule() {
  const refresh = useRefreshAfterAlertChange()
  return useMutation({ mutationFn: (id: number) => api.alerts.rules.remove(id), onSuccess: refresh })
}

export const DELIVERIES_PAGE_SIZE = 50

/** `GET /api/alerts/deliveries` (admin): every attempt, newest first, a page at a time. */
export function useAlertDeliveries() {
  return useInfiniteQuery({
    queryKey: queryKeys.alertDeliveries,
    queryFn: ({ pageParam, signal }) =>
      api.alerts.deliveries({ limit: DELIVERIES_PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
  })
}
