import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { pollWhileStreamDown } from '../event-stream/stream-status.ts'
import { api } from './client.ts'
import { CONNECTIONS_REFETCH_MS } from './connections.ts'
import { type AgentListParams, queryKeys } from './queries.ts'

export const AGENTS_PAGE_SIZE = 50

/** `GET /api/agents` (viewer): one page of agents matching the search and status, with the total. */
export function useAgents(params: AgentListParams) {
  return useQuery({
    queryKey: queryKeys.agentList(params),
    queryFn: ({ signal }) =>
      api.agents.list(
        {
          q: params.q,
          status: params.status,
          limit: AGENTS_PAGE_SIZE,
          offset: (params.page - 1) * AGENTS_PAGE_SIZE,
        },
        signal,
      ),
    refetchInterval: pollWhileStreamDown(CONNECTIONS_REFETCH_MS),
    placeholderData: keepPreviousData,
  })
}

/** `GET /api/agents/:id` (viewer, id or name): the agent, its open connections, tokens per model. */
export function useAgentDetail(idOrName: string) {
  return useQuery({
    queryKey: queryKeys.agentDetail(idOrName),
    queryFn: ({ signal }) => api.agents.get(idOrName, signal),
    refetchInterval: pollWhileStreamDown(CONNECTIONS_REFETCH_MS),
  })
}
