import { connectionStatusSchema } from '@mc/shared'
import { useSearchParams } from 'react-router'
import type { ConnectionFilters } from '../../api/queries.ts'

/**
 * The Connections page's filters in the URL: `?status=` (connected by default, `all` for every
 * connection), `&agent=` and `&tool=` (exact names, as the API matches them).
 */
export function useConnectionFilters(): [ConnectionFilters, (next: ConnectionFilters) => void] {
  const [params, setParams] = useSearchParams()
  const rawStatus = params.get('status')
  const status = connectionStatusSchema.safeParse(rawStatus ?? 'connected')
  const filters: ConnectionFilters = {
    status: status.success ? status.data : undefined,
    agent: params.get('agent') || undefined,
    tool: params.get('tool') || undefined,
  }
  const apply = (next: ConnectionFilters) => {
    const search = new URLSearchParams()
    if (next.status !== 'connected') search.set('status', next.status ?? 'all')
    if (next.agent) search.set('agent', next.agent)
    if (next.tool) search.set('tool', next.tool)
    setParams(search, { replace: true })
  }
  return [filters, apply]
}
