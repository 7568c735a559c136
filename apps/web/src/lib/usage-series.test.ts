import type { UsageDay, UsageGroupRow } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import {
  CHART_GROUPS,
  chartKeys,
  formatUsd,
  OTHER_KEY,
  usageChartRows,
  usageParamsFrom,
  usageParamsSearch,
  utcDays,
} from './usage-series.ts'

const numbers = (tokens: number, cost = 0) => ({ input_tokens: tokens, output_tokens: 0, cost_usd: cost })
const group = (key: string, tokens: number, cost = 0): UsageGroupRow => ({ key, ...numbers(tokens, cost) })
const day = (date: string, key: string, tokens: number, cost = 0): UsageDay => ({
  date,
  key,
  ...numbers(tokens, cost),
})

describe('usage series', () => {
  it('reads and writes the page parameters, defaults left out', () => {
    const params = usageParamsFrom(new URLSearchParams('group_by=model&window=90d&measure=cost'))
    expect(params).toEqual({ group_by: 'model', window: '90d', measure: 'cost' })
    expect(usageParamsSearch(params).toString()).toBe('group_by=model&window=90d&measure=cost')
    const defaults = usageParamsFrom(new URLSearchParams('group_by=team&window=1y&measure=x'))
    expect(defaults).toEqual({ group_by: 'gateway', window: '30d', measure: 'tokens' })
    expect(usageParamsSearch(defaults).toString()).toBe('')
  })

  it('draws the biggest groups by the chosen measure and sums the rest as Other', () => {
    const groups = Array.from({ length: CHART_GROUPS + 2 }, (_, i) => group(`g${i}`, i * 10, 100 - i))
    const byTokens = chartKeys(groups, 'tokens')
    expect(byTokens[0]).toBe(`g${CHART_GROUPS + 1}`)
    expect(byTokens.at(-1)).toBe(OTHER_KEY)
    expect(chartKeys(groups, 'cost')[0]).toBe('g0')
    expect(chartKeys([group('a', 1)], 'tokens')).toEqual(['a'])
  })

  it('makes one row per day, oldest first, with zeros for silent groups', () => {
    const series = [
      day('2026-05-02', 'a', 5, 0.5),
      day('2026-05-01', 'a', 3),
      day('2026-05-01', 'b', 2),
      day('2026-05-01', 'c', 7),
    ]
    expect(usageChartRows(series, ['a', 'b', OTHER_KEY], 'tokens')).toEqual([
      { date: '2026-05-01', a: 3, b: 2, [OTHER_KEY]: 7 },
      { date: '2026-05-02', a: 5, b: 0, [OTHER_KEY]: 0 },
    ])
    expect(usageChartRows(series, ['a'], 'cost')[1]).toEqual({ date: '2026-05-02', a: 0.5 })
  })

  it("keeps the window's quiet days as rows of zeros", () => {
    const days = utcDays(3, Date.UTC(2026, 4, 2, 23, 59))
    expect(days).toEqual(['2026-04-30', '2026-05-01', '2026-05-02'])
    expect(usageChartRows([day('2026-05-01', 'a', 3)], ['a'], 'tokens', days)).toEqual([
      { date: '2026-04-30', a: 0 },
      { date: '2026-05-01', a: 3 },
      { date: '2026-05-02', a: 0 },
    ])
  })

  it('formats dollars, tiny costs honestly', () => {
    expect(formatUsd(12.345)).toBe('$12.35')
    expect(formatUsd(0.004)).toBe('<$0.01')
    expect(formatUsd(0)).toBe('$0.00')
  })
})
