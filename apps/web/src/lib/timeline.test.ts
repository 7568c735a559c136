import { describe, expect, it } from 'vitest'
import { sampledLabel, sinceForWindow } from './timeline.ts'

describe('timeline', () => {
  it('starts a window that many seconds before now, or nowhere for any time', () => {
    expect(sinceForWindow(3600, 1_800_000_000_500)).toBe(1_800_000_000 - 3600)
    expect(sinceForWindow(undefined)).toBeUndefined()
  })

  it('says how many events a sampled row stands for', () => {
    expect(sampledLabel({ count: 1, sampled: false })).toBe('')
    expect(sampledLabel({ count: 1240, sampled: true })).toBe('×1,240, sampled')
  })
})
