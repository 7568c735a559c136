import { agentStatusSchema } from '@mc/shared'
import { useSearchParams } from 'react-router'
import type { AgentListParams } from '../../api/queries.ts'

/** The Agents page's search, status and page in the URL (`?q=&status=&page=`); a new filter starts at page 1. */
export function useAgentParams(): [AgentListParams, (change: Partial<AgentListParams>) => void] {
  const [params, setParams] = useSearchParams()
  const status = agentStatusSchema.safeParse(params.get('status'))
  const current: AgentListParams = {
    q: params.get('q') || undefined,
    status: status.success ? status.data : undefined,
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
  }
  const update = (change: Partial<AgentListParams>) => {
    const next = { ...current, page: 1, ...change }
    const search = new URLSearchParams()
    if (next.q) search.set('q', next.q)
    if (next.status) search.set('status', next.status)
    if (next.page > 1) search.set('page', String(next.page))
    setParams(search, { replace: true })
  }
  return [current, update]
}
