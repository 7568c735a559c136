import { type GatewayStatus, gatewayStatusSchema } from '@mc/shared'
import { useSearchParams } from 'react-router'
import { GATEWAYS_PAGE_SIZE } from '../../api/gateways.ts'
import type { GatewayPageParams } from '../../api/queries.ts'

export interface ListParams {
  search: string
  status: GatewayStatus | null
  page: number
}

/** The list's search, status and page as the URL (`?q=&status=&page=`) has them. */
export function parseListParams(params: URLSearchParams): ListParams {
  const status = gatewayStatusSchema.safeParse(params.get('status'))
  return {
    search: params.get('q') ?? '',
    status: status.success ? status.data : null,
    page: Number(params.get('page') ?? 1) || 1,
  }
}

/** The page of the API's list that `list` shows. */
export function gatewayPageParams(list: ListParams): GatewayPageParams {
  const q = list.search.trim()
  return {
    q: q || undefined,
    status: list.status ?? undefined,
    limit: GATEWAYS_PAGE_SIZE,
    offset: (list.page - 1) * GATEWAYS_PAGE_SIZE,
  }
}

/**
 * The Gateway Manager's search, status filter and page, kept in the URL (`?q=&status=&page=`) so a
 * filtered view can be linked and survives a reload. A new search or filter starts at page 1.
 */
export function useListParams(): [ListParams, (change: Partial<ListParams>) => void] {
  const [params, setParams] = useSearchParams()
  const current = parseListParams(params)
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
