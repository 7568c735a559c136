import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { api } from './client.ts'
import { type AuditFilters, queryKeys } from './queries.ts'

export const AUDIT_PAGE_SIZE = 50

/** `GET /api/audit` (admin), newest first, a page at a time: `next_before` asks for the next one. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.auditLog(filters),
    queryFn: ({ pageParam }) => api.audit.list({ ...filters, limit: AUDIT_PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.next_before ?? undefined,
    // Changing a filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  })
}
