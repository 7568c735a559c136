import { useSearchParams } from 'react-router'
import { type UsageParams, usageParamsFrom, usageParamsSearch } from '../../lib/usage-series.ts'

/** The Usage page's grouping, window and measure, kept in the URL so a view can be linked. */
export function useUsageParams(): [UsageParams, (change: Partial<UsageParams>) => void] {
  const [params, setParams] = useSearchParams()
  const update = (change: Partial<UsageParams>) =>
    setParams((current) => usageParamsSearch({ ...usageParamsFrom(current), ...change }), { replace: true })
  return [usageParamsFrom(params), update]
}
