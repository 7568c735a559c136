import { describe, expect, it } from 'vitest'
import { inputFromSince, sampledLabel, sinceFromInput } from './timeline.ts'

describe('timeline', () => {
  it('turns a local date-time input into unix seconds and back', () => {
    const since = sinceFromInput('2026-05-01T14:03')
    expect(since).toBe(new Date(2026, 4, 1, 14, 3).getTime() / 1000)
    expect(inputFromSince(since)).toBe('2026-05-01T14:03')
    expect(sinceFromInput('')).toBeUndefined()
    expect(sinceFromInput('yesterday')).toBeUndefined()
    expect(inputFromSince(undefined)).toBe('')
  })

  it('says how many events a sampled row stands for', () => {
    expect(sampledLabel({ count: 1, sampled: false })).toBe('')
    expect(sampledLabel({ count: 1240, sampled: true })).toBe('×1,240, sampled')
  })
})
