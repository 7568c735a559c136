import type { MaintenanceWindow } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { localInputValue, sortWindows, unixSecondsOf, windowPhase } from './maintenance-windows.ts'

const NOW = 1_800_000_000

function makeWindow(id: number, overrides: Partial<MaintenanceWindow>): MaintenanceWindow {
  return {
    id,
    gateway_ids: [1],
    starts_at: NOW - 600,
    ends_at: NOW + 600,
    reason: 'upgrade',
    created_by: 'admin',
    created_at: NOW - 900,
    cancelled_at: null,
    active: false,
    ...overrides,
  }
}

describe('maintenance windows', () => {
  it('puts current windows first, then upcoming, then ended or cancelled ones, latest first', () => {
    const current = makeWindow(1, { active: true })
    const upcoming = makeWindow(2, { starts_at: NOW + 60, ends_at: NOW + 120 })
    const ended = makeWindow(3, { starts_at: NOW - 7200, ends_at: NOW - 3600 })
    const cancelled = makeWindow(4, { starts_at: NOW + 60, cancelled_at: NOW - 60 })
    expect(windowPhase(cancelled, NOW)).toBe('recent')
    expect(sortWindows([ended, cancelled, upcoming, current], NOW).map((w) => w.id)).toEqual([1, 2, 4, 3])
  })

  it('turns a datetime-local value into unix seconds and back, an empty one into NaN', () => {
    expect(unixSecondsOf(localInputValue(NOW))).toBe(NOW - (NOW % 60))
    expect(unixSecondsOf('')).toBeNaN()
  })
})
