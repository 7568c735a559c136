import { GATEWAY_STATUSES } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { TONE_LOOK } from '../components/StatusIcon.tsx'
import {
  countStatuses,
  GATEWAY_STATUS_ORDER,
  GATEWAY_STATUS_TONE,
  summarizeStatuses,
} from './gateway-status.ts'

describe('gateway statuses', () => {
  it('orders every status exactly once', () => {
    expect([...GATEWAY_STATUS_ORDER].sort()).toEqual([...GATEWAY_STATUSES].sort())
  })

  it('gives every status its own colour and its own shape, so colour is never the only cue', () => {
    const looks = GATEWAY_STATUS_ORDER.map((status) => TONE_LOOK[GATEWAY_STATUS_TONE[status]])
    expect(new Set(looks.map((look) => look.icon)).size).toBe(looks.length)
    expect(new Set(looks.map((look) => look.shape)).size).toBe(looks.length)
  })

  it('counts statuses, zero for the missing ones', () => {
    expect(countStatuses(['online', 'online', 'error'])).toEqual({
      online: 2,
      offline: 0,
      timeout: 0,
      error: 1,
      unknown: 0,
    })
  })

  it('summarizes the statuses that occur, healthy first', () => {
    expect(summarizeStatuses(['offline', 'online', 'online', 'timeout'])).toBe(
      '2 online · 1 offline · 1 timeout',
    )
    expect(summarizeStatuses([])).toBe('nothing')
  })
})
