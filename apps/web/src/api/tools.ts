import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { TOOL_WINDOWS, windowSince } from '../lib/insight-windows.ts'
import { api } from './client.ts'
import { queryKeys, type ToolListKey } from './queries.ts'

/** Tool calls are rolled up by the hour and no event announces them: the views ask again this often. */
export const TOOLS_REFETCH_MS = 60_000

/** `GET /api/tools` (viewer): one row per gateway × tool over the window. */
export function useTools(query: ToolListKey) {
  return useQuery({
    queryKey: queryKeys.toolList(query),
    queryFn: ({ signal }) =>
      api.tools.list({ gateway_id: query.gateway_id, ...windowSince(TOOL_WINDOWS, query.window) }, signal),
    refetchInterval: TOOLS_REFETCH_MS,
    placeholderData: keepPreviousData,
  })
}

/** `GET /api/tools/:name` (viewer): the hourly series, baseline and latest failures of one tool. */
export function useTool(name: string, query: ToolListKey) {
  return useQuery({
    queryKey: queryKeys.toolDetail(name, query),
    queryFn: ({ signal }) =>
      api.tools.get(
        name,
        { gateway_id: query.gateway_id, ...windowSince(TOOL_WINDOWS, query.window) },
        signal,
      ),
    refetchInterval: TOOLS_REFETCH_MS,
    placeholderData: keepPreviousData,
  })
}
