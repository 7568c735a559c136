import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './retry-after.ts'

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('42')).toBe(42)
    expect(parseRetryAfter(' 0 ')).toBe(0)
  })

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-01-01T12:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30)
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:59:00 GMT', now)).toBe(0)
  })

  it('is null without a usable value', () => {
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('')).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
    expect(parseRetryAfter('-5')).toBeNull()
  })
})
