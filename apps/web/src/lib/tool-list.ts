import { idTextSchema, type ToolSummary } from '@mc/shared'
import { DEFAULT_TOOL_WINDOW, TOOL_WINDOWS, type ToolWindow, windowKey } from './insight-windows.ts'

export const TOOL_SORTS = [
  { key: 'p95', label: 'Slowest (p95)' },
  { key: 'failure_rate', label: 'Failure rate' },
  { key: 'calls', label: 'Most calls' },
  { key: 'name', label: 'Name' },
] as const
export type ToolSort = (typeof TOOL_SORTS)[number]['key']

/** The Tools page's view, as its URL holds it (`?gateway_id=&window=&sort=`). */
export interface ToolFilters {
  gateway_id?: number
  window: ToolWindow
  sort: ToolSort
}

export function toolFiltersFrom(params: URLSearchParams): ToolFilters {
  const gatewayId = idTextSchema.safeParse(params.get('gateway_id'))
  const sort = TOOL_SORTS.find((option) => option.key === params.get('sort'))?.key ?? 'p95'
  return {
    gateway_id: gatewayId.success ? gatewayId.data : undefined,
    window: windowKey(TOOL_WINDOWS, params.get('window'), DEFAULT_TOOL_WINDOW),
    sort,
  }
}

/** The URL query of `filters`: only what differs from the defaults, in a fixed order. */
export function toolFiltersSearch(filters: ToolFilters): URLSearchParams {
  const search = new URLSearchParams()
  if (filters.gateway_id !== undefined) search.set('gateway_id', String(filters.gateway_id))
  if (filters.window !== DEFAULT_TOOL_WINDOW) search.set('window', filters.window)
  if (filters.sort !== 'p95') search.set('sort', filters.sort)
  return search
}

/** A tool's page, on one gateway, over the same window as the list it was opened from. */
export function toolPath(name: string, gatewayId: number | undefined, window: ToolWindow): string {
  const search = new URLSearchParams()
  if (gatewayId !== undefined) search.set('gateway_id', String(gatewayId))
  if (window !== DEFAULT_TOOL_WINDOW) search.set('window', window)
  const query = search.toString()
  return `/tools/${encodeURIComponent(name)}${query ? `?${query}` : ''}`
}

/** Failed calls as a share of all, 0–100; null without calls. */
export const failureRate = (tool: Pick<ToolSummary, 'calls' | 'failures'>) =>
  tool.calls === 0 ? null : (tool.failures / tool.calls) * 100

/** "12.5 %", "0 %"; "—" without calls. */
export function formatFailureRate(rate: number | null): string {
  if (rate === null) return '—'
  return `${rate === 0 || rate >= 10 ? Math.round(rate) : rate.toFixed(1)} %`
}

/** "850 ms", "2.4 s"; "—" for no calls. */
export function formatMs(ms: number | null): string {
  if (ms === null) return '—'
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}

const byName = (a: ToolSummary, b: ToolSummary) =>
  a.name.localeCompare(b.name) || a.gateway_name.localeCompare(b.gateway_name)
const descending = (a: number | null, b: number | null) => (b ?? -1) - (a ?? -1)

/** The rows in the chosen order, degrading tools first whatever it is (they need a look). */
export function sortTools(tools: readonly ToolSummary[], sort: ToolSort): ToolSummary[] {
  const compare: Record<ToolSort, (a: ToolSummary, b: ToolSummary) => number> = {
    p95: (a, b) => descending(a.p95_ms, b.p95_ms),
    failure_rate: (a, b) => descending(failureRate(a), failureRate(b)),
    calls: (a, b) => b.calls - a.calls,
    name: () => 0,
  }
  return [...tools].sort(
    (a, b) => Number(b.degrading) - Number(a.degrading) || compare[sort](a, b) || byName(a, b),
  )
}
