import type { TokenTotals } from '@mc/shared'

export const TOKEN_PERIODS = [
  { key: '24h', label: '24 hours' },
  { key: '7d', label: '7 days' },
  { key: 'all', label: 'All time' },
] as const
export type TokenPeriod = (typeof TOKEN_PERIODS)[number]['key']

export interface TokenRow extends TokenTotals {
  total: number
}

/** One row per model, the busiest first (then by name), with its total. */
export function tokenRows(totals: readonly TokenTotals[]): TokenRow[] {
  return totals
    .map((row) => ({ ...row, total: row.input + row.output }))
    .sort((a, b) => b.total - a.total || a.model.localeCompare(b.model))
}

/** Input, output and total over every model. */
export function sumTokens(rows: readonly TokenRow[]): Omit<TokenRow, 'model'> {
  return rows.reduce(
    (sum, row) => ({
      input: sum.input + row.input,
      output: sum.output + row.output,
      total: sum.total + row.total,
    }),
    { input: 0, output: 0, total: 0 },
  )
}

const whole = new Intl.NumberFormat('en')
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

/** "1,500" in tables. */
export const formatTokens = (n: number) => whole.format(n)
/** "1.5K" on chart axes. */
export const formatTokensShort = (n: number) => compact.format(n)
