import { describe, expect, it } from 'vitest'
import { TOOL_WINDOWS, USAGE_WINDOWS, windowKey, windowSince } from './insight-windows.ts'

describe('insight windows', () => {
  it('reads a known window from the URL and falls back on anything else', () => {
    expect(windowKey(TOOL_WINDOWS, '7d', '24h')).toBe('7d')
    expect(windowKey(TOOL_WINDOWS, '30d', '24h')).toBe('24h')
    expect(windowKey(USAGE_WINDOWS, null, '30d')).toBe('30d')
  })

  it('starts a window its length before now, in whole seconds', () => {
    expect(windowSince(TOOL_WINDOWS, '1h', 10_000_500)).toEqual({ since: 10_000 - 3600 })
    expect(windowSince(USAGE_WINDOWS, '7d', 1_000_000_000)).toEqual({ since: 1_000_000 - 7 * 86_400 })
  })
})
