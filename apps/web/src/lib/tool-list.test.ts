import type { ToolSummary } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import {
  failureRate,
  formatFailureRate,
  formatMs,
  sortTools,
  toolFiltersFrom,
  toolFiltersSearch,
  toolPath,
} from './tool-list.ts'

const tool = (name: string, fields: Partial<ToolSummary> = {}): ToolSummary => ({
  gateway_id: 1,
  gateway_name: 'alpha',
  name,
  calls: 10,
  failures: 0,
  p50_ms: 10,
  p95_ms: 20,
  max_ms: 30,
  degrading: false,
  ...fields,
})

describe('tool list', () => {
  it('reads and writes its filters, defaults left out of the URL', () => {
    const filters = toolFiltersFrom(new URLSearchParams('gateway_id=3&window=7d&sort=calls'))
    expect(filters).toEqual({ gateway_id: 3, window: '7d', sort: 'calls' })
    expect(toolFiltersSearch(filters).toString()).toBe('gateway_id=3&window=7d&sort=calls')
    const defaults = toolFiltersFrom(new URLSearchParams('gateway_id=x&window=2y&sort=color'))
    expect(defaults).toEqual({ gateway_id: undefined, window: '24h', sort: 'p95' })
    expect(toolFiltersSearch(defaults).toString()).toBe('')
  })

  it('links a tool with its gateway and window, its name escaped', () => {
    expect(toolPath('web search', 4, '1h')).toBe('/tools/web%20search?gateway_id=4&window=1h')
    expect(toolPath('exec', undefined, '24h')).toBe('/tools/exec')
  })

  it('formats failure rates and durations', () => {
    expect(failureRate({ calls: 0, failures: 0 })).toBeNull()
    expect(formatFailureRate(failureRate({ calls: 8, failures: 1 }))).toBe('13 %')
    expect(formatFailureRate(failureRate({ calls: 400, failures: 1 }))).toBe('0.3 %')
    expect(formatFailureRate(0)).toBe('0 %')
    expect(formatMs(850)).toBe('850 ms')
    expect(formatMs(2400)).toBe('2.4 s')
    expect(formatMs(null)).toBe('—')
  })

  it('sorts degrading tools first, then by the chosen figure, then by name', () => {
    const rows = [
      tool('read', { p95_ms: 50, calls: 5 }),
      tool('exec', { p95_ms: 900, calls: 2, failures: 1 }),
      tool('fetch', { p95_ms: 10, degrading: true }),
      tool('idle', { p95_ms: null, calls: 0 }),
    ]
    expect(sortTools(rows, 'p95').map((row) => row.name)).toEqual(['fetch', 'exec', 'read', 'idle'])
    expect(sortTools(rows, 'calls').map((row) => row.name)).toEqual(['fetch', 'read', 'exec', 'idle'])
    expect(sortTools(rows, 'failure_rate').map((row) => row.name)).toEqual(['fetch', 'exec', 'read', 'idle'])
    expect(sortTools(rows, 'name').map((row) => row.name)).toEqual(['fetch', 'exec', 'idle', 'read'])
  })
})
