import { type UsageDay, type UsageGroup, type UsageGroupRow, usageGroupSchema } from '@mc/shared'
import { DEFAULT_USAGE_WINDOW, USAGE_WINDOWS, type UsageWindow, windowKey } from './insight-windows.ts'

/** What the daily chart stacks: tokens (input + output) or estimated dollars. */
export type UsageMeasure = 'tokens' | 'cost'

/** The Usage page's view, as its URL holds it (`?group_by=&window=&measure=`). */
export interface UsageParams {
  group_by: UsageGroup
  window: UsageWindow
  measure: UsageMeasure
}

export function usageParamsFrom(params: URLSearchParams): UsageParams {
  const group = usageGroupSchema.safeParse(params.get('group_by'))
  return {
    group_by: group.success ? group.data : 'gateway',
    window: windowKey(USAGE_WINDOWS, params.get('window'), DEFAULT_USAGE_WINDOW),
    measure: params.get('measure') === 'cost' ? 'cost' : 'tokens',
  }
}

/** The URL query of `params`: only what differs from the defaults. */
export function usageParamsSearch(params: UsageParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.group_by !== 'gateway') search.set('group_by', params.group_by)
  if (params.window !== DEFAULT_USAGE_WINDOW) search.set('window', params.window)
  if (params.measure !== 'tokens') search.set('measure', params.measure)
  return search
}

/** The chart draws this many groups apart; the rest are summed as "Other" so it stays readable. */
export const CHART_GROUPS = 6
export const OTHER_KEY = 'Other'

/** One day on the chart: its date and one number per drawn group. */
export type UsageChartRow = { date: string } & Record<string, number | string>

export const measureOf = (
  row: Pick<UsageDay, 'input_tokens' | 'output_tokens' | 'cost_usd'>,
  measure: UsageMeasure,
) => (measure === 'cost' ? row.cost_usd : row.input_tokens + row.output_tokens)

/** The groups the chart draws apart, biggest first by `measure`, and whether the rest became "Other". */
export function chartKeys(groups: readonly UsageGroupRow[], measure: UsageMeasure): string[] {
  const ranked = [...groups].sort(
    (a, b) => measureOf(b, measure) - measureOf(a, measure) || a.key.localeCompare(b.key),
  )
  const keys = ranked.slice(0, CHART_GROUPS).map((group) => group.key)
  return ranked.length > CHART_GROUPS ? [...keys, OTHER_KEY] : keys
}

/** The last `count` UTC days up to the one `nowMs` falls in, oldest first: `YYYY-MM-DD`. */
export function utcDays(count: number, nowMs = Date.now()): string[] {
  const today = Math.floor(nowMs / 86_400_000)
  return Array.from({ length: count }, (_, index) =>
    new Date((today - count + 1 + index) * 86_400_000).toISOString().slice(0, 10),
  )
}

/**
 * One row per day of `days` (and any other day with usage), oldest first, with each drawn group's
 * number: 0 on a day without usage, so quiet days show as gaps rather than vanish.
 */
export function usageChartRows(
  series: readonly UsageDay[],
  keys: readonly string[],
  measure: UsageMeasure,
  days: readonly string[] = [],
): UsageChartRow[] {
  const drawn = new Set(keys)
  const byDate = new Map<string, UsageChartRow>()
  const rowOf = (date: string) => {
    let row = byDate.get(date)
    if (!row) {
      row = { date, ...Object.fromEntries(keys.map((key) => [key, 0])) } as UsageChartRow
      byDate.set(date, row)
    }
    return row
  }
  for (const date of days) rowOf(date)
  for (const day of series) {
    const row = rowOf(day.date)
    const key = drawn.has(day.key) ? day.key : OTHER_KEY
    row[key] = Number(row[key] ?? 0) + measureOf(day, measure)
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date))
}

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 2 })

/** "$12.34"; a cost under a cent shows as "<$0.01" rather than a misleading "$0.00". */
export function formatUsd(value: number): string {
  if (value > 0 && value < 0.01) return '<$0.01'
  return usd.format(value)
}
