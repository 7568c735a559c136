import { useSearchParams } from 'react-router'
import { type ToolFilters, toolFiltersFrom, toolFiltersSearch } from '../../lib/tool-list.ts'

/** The Tools page's gateway, window and order, kept in the URL so a view can be linked. */
export function useToolFilters(): [ToolFilters, (change: Partial<ToolFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const update = (change: Partial<ToolFilters>) =>
    setParams((current) => toolFiltersSearch({ ...toolFiltersFrom(current), ...change }), { replace: true })
  return [toolFiltersFrom(params), update]
}
