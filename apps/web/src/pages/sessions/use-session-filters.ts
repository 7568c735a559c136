import { useSearchParams } from 'react-router'
import type { SessionFilters } from '../../api/queries.ts'
import { sessionFiltersFrom, sessionFiltersSearch } from '../../lib/session-filters.ts'

/** The Sessions page's filters, kept in the URL so a filtered view can be linked and survives a reload. */
export function useSessionFilters(): [SessionFilters, (change: Partial<SessionFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = sessionFiltersFrom(params)
  // From the URL as it is when the change applies: two changes in one render both count.
  const update = (change: Partial<SessionFilters>) =>
    setParams((current) => sessionFiltersSearch({ ...sessionFiltersFrom(current), ...change }), {
      replace: true,
    })
  return [filters, update]
}
