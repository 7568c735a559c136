import { describe, expect, it } from 'vitest'
import { formatMs, formatUptime, uptimeClass } from './uptime-format.ts'

describe('formatUptime', () => {
  it.each([
    [null, '—'],
    [100, '100%'],
    [0, '0%'],
    [99.999, '99.99%'],
    [97.5, '97.50%'],
  ])('%s → %s', (percent, expected) => {
    expect(formatUptime(percent)).toBe(expected)
  })
})

describe('uptimeClass', () => {
  it('is green, amber or red by how much was missed', () => {
    expect(uptimeClass(99.5)).toBe('text-green-400')
    expect(uptimeClass(96)).toBe('text-amber-400')
    expect(uptimeClass(50)).toBe('text-red-400')
    expect(uptimeClass(null)).toBe('text-muted-foreground')
  })
})

describe('formatMs', () => {
  it('rounds to whole milliseconds', () => {
    expect(formatMs(12.6)).toBe('13 ms')
    expect(formatMs(null)).toBe('—')
  })
})
