import { type GatewayStatus, gatewayStatusSchema } from '@mc/shared'
import { useSearchParams } from 'react-router'

export interface ListParams {
  search: string
  status: GatewayStatus | null
  page: number
}

/**
 * The Gateway Manager's search, status filter and page, kept in the URL (`?q=&status=&page=`) so a
 * filtered view can be linked and survives a reload. A new search or filter starts at page 1.
 */
export function useListParams(): [ListParams, (change: Partial<ListParams>) => void] {
  const [params, setParams] = useSearchParams()
  const status = gatewayStatusSchema.safeParse(params.get('status'))
  const current: ListParams = {
    search: params.get('q') ?? '',
    status: status.success ? status.data : null,
    page: Number(params.get('page') ?? 1) || 1,
  }
  const update = (change: Partial<ListParams>) => {
    const next = { ...current, page: 1, ...change }
    const search = new URLSearchParams()
    if (next.search) search.set('q', next.search)
    if (next.status) search.set('status', next.status)
    if (next.page > 1) search.set('page', String(next.page))
    setParams(search, { replace: true })
  }
  return [current, update]
}
