import type { CreateStatusPageRequest, UpdateStatusPageRequest } from '@mc/shared'
import { useMutation, useQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

/** `GET /api/status-pages` (admin). */
export function useStatusPages() {
  return useQuery({ queryKey: queryKeys.statusPages, queryFn: ({ signal }) => api.statusPages.list(signal) })
}

const useRefreshAfterStatusPageChange = () => useInvalidate(queryKeys.statusPages, queryKeys.audit)

/** `POST /api/status-pages` (admin): 400 with field details, 409 for a taken slug. */
export function useCreateStatusPage() {
  const refresh = useRefreshAfterStatusPageChange()
  return useMutation({
    mutationFn: (body: CreateStatusPageRequest) => api.statusPages.create(body),
    onSuccess: refresh,
  })
}

/** `PATCH /api/status-pages/:id` (admin): only the fields sent change. */
export function useUpdateStatusPage() {
  const refresh = useRefreshAfterStatusPageChange()
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateStatusPageRequest }) =>
      api.statusPages.update(id, body),
    onSuccess: refresh,
  })
}

/** `DELETE /api/status-pages/:id` (admin): its URL and badges stop answering. */
export function useDeleteStatusPage() {
  const refresh = useRefreshAfterStatusPageChange()
  return useMutation({ mutationFn: (id: number) => api.statusPages.remove(id), onSuccess: refresh })
}
