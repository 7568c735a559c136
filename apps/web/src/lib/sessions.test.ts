import { describe, expect, it } from 'vitest'
import { formatCost, formatSessionTokens, sessionTitle } from './sessions.ts'

describe('session cells', () => {
  it('names a session by its label, else by its key', () => {
    expect(sessionTitle({ label: 'Nightly build', key: 'agent:main:cron:1' })).toBe('Nightly build')
    expect(sessionTitle({ label: null, key: 'agent:main:cron:1' })).toBe('agent:main:cron:1')
    expect(sessionTitle({ label: '  ', key: 'agent:main:cron:1' })).toBe('agent:main:cron:1')
  })

  it('shows input and output tokens, a dash for what the gateway did not report', () => {
    expect(formatSessionTokens({ input_tokens: 12_000, output_tokens: 340 })).toBe('12,000 / 340')
    expect(formatSessionTokens({ input_tokens: 5, output_tokens: null })).toBe('5 / —')
    expect(formatSessionTokens({ input_tokens: null, output_tokens: null })).toBe('—')
  })

  it('shows the estimated cost in dollars, small amounts to the hundredth of a cent', () => {
    expect(formatCost(0.02134)).toBe('$0.0213')
    expect(formatCost(12.5)).toBe('$12.50')
    expect(formatCost(0)).toBe('$0.00')
    expect(formatCost(null)).toBe('—')
  })
})
