import { describe, expect, it } from 'vitest'
import { formatAge, formatClock, formatDate, formatDateTime, formatDuration } from './time.ts'

describe('formatAge', () => {
  it('says never when there is no timestamp', () => {
    expect(formatAge(null)).toBe('never')
  })

  it.each([
    [0, '0 s ago'],
    [3.9, '3 s ago'],
    [59, '59 s ago'],
    [60, '1 min ago'],
    [3599, '59 min ago'],
    [3600, '1 h ago'],
    [86_399, '23 h ago'],
    [86_400 * 3, '3 d ago'],
    [-2, '0 s ago'],
  ])('%s s → %s', (age, expected) => {
    expect(formatAge(age)).toBe(expected)
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [60, '1 min'],
    [725, '12 min 5 s'],
    [3 * 3600 + 12 * 60 + 9, '3 h 12 min'],
    [2 * 86_400 + 4 * 3600, '2 d 4 h'],
    [86_400, '1 d'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected)
  })
})

describe('formatDate and formatDateTime', () => {
  // Built from local parts, so the expectation holds in every time zone.
  const at = new Date(2026, 4, 1, 9, 3, 7).getTime() / 1000

  it('shows the local date', () => {
    expect(formatDate(at)).toBe('2026-05-01')
  })

  it('shows the local date and time, zero-padded', () => {
    expect(formatDateTime(at)).toBe('2026-05-01 09:03:07')
  })

  it('shows the local time of day for chart axes', () => {
    expect(formatClock(at)).toBe('09:03')
  })
})
