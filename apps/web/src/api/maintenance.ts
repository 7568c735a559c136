import type { CreateMaintenanceWindowRequest } from '@mc/shared'
import { useMutation, useQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { useInvalidate } from './invalidate.ts'
import { queryKeys } from './queries.ts'

/** A window starts and ends by the clock: the list asks again this often to move it along. */
export const MAINTENANCE_REFETCH_MS = 30_000

/** `GET /api/maintenance` (viewer): current, upcoming and recent windows. */
export function useMaintenanceWindows() {
  return useQuery({
    queryKey: queryKeys.maintenance,
    queryFn: ({ signal }) => api.maintenance.list(signal),
    refetchInterval: MAINTENANCE_REFETCH_MS,
  })
}

const useRefreshAfterMaintenanceChange = () => useInvalidate(queryKeys.maintenance, queryKeys.incidents)

/** `POST /api/maintenance` (operator). */
export function useCreateMaintenanceWindow() {
  const refresh = useRefreshAfterMaintenanceChange()
  return useMutation({
    mutationFn: (body: CreateMaintenanceWindowRequest) => api.maintenance.create(body),
    onSuccess: refresh,
  })
}

/** `DELETE /api/maintenance/:id` (operator): ends the window now; it stays listed. */
export function useEndMaintenanceWindow() {
  const refresh = useRefreshAfterMaintenanceChange()
  return useMutation({ mutationFn: (id: number) => api.maintenance.end(id), onSuccess: refresh })
}
