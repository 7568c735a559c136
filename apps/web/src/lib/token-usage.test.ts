import { describe, expect, it } from 'vitest'
import { formatTokens, formatTokensShort, sumTokens, tokenRows } from './token-usage.ts'

describe('tokenRows', () => {
  it('adds totals and puts the busiest model first, ties by name', () => {
    const rows = tokenRows([
      { model: 'b', input: 10, output: 0 },
      { model: 'c', input: 1500, output: 800 },
      { model: 'a', input: 5, output: 5 },
    ])
    expect(rows.map((row) => [row.model, row.total])).toEqual([
      ['c', 2300],
      ['a', 10],
      ['b', 10],
    ])
    expect(sumTokens(rows)).toEqual({ input: 1515, output: 805, total: 2320 })
  })
  it('sums nothing to zeros', () => {
    expect(sumTokens(tokenRows([]))).toEqual({ input: 0, output: 0, total: 0 })
  })
})

describe('formatTokens', () => {
  it('groups thousands in tables and abbreviates on axes', () => {
    expect(formatTokens(1500)).toBe('1,500')
    expect(formatTokensShort(1500)).toBe('1.5K')
    expect(formatTokensShort(2_000_000)).toBe('2M')
  })
})
