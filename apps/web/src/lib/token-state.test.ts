import { ApiRequestError } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { mismatchesText, rotationFailure, rotationSchedule, tokenAge } from './token-state.ts'

describe('tokenAge', () => {
  it('says just now within the minute, then ages like the rest of the app', () => {
    expect(tokenAge(1000, 1000)).toBe('just now')
    expect(tokenAge(1000, 1059)).toBe('just now')
    expect(tokenAge(1000, 1060)).toBe('1 min ago')
    expect(tokenAge(0, 12 * 86_400 + 5)).toBe('12 d ago')
  })
})

describe('rotationSchedule', () => {
  it('says how often, or null when there is no schedule', () => {
    expect(rotationSchedule({ rotate_every_days: null })).toBeNull()
    expect(rotationSchedule({ rotate_every_days: 1 })).toBe('every day')
    expect(rotationSchedule({ rotate_every_days: 30 })).toBe('every 30 days')
  })
})

describe('mismatchesText', () => {
  it('counts refused probes', () => {
    expect(mismatchesText(1)).toBe('1 probe refused it')
    expect(mismatchesText(4)).toBe('4 probes refused it')
  })
})

describe('rotationFailure', () => {
  it('suggests manual where the gateway grants no admin scope', () => {
    const error = new ApiRequestError(409, 'no admin scope', { reason: 'no_admin_scope', suggest: 'manual' })
    expect(rotationFailure(error, error.message)).toMatchObject({
      message: 'no admin scope',
      reason: 'no_admin_scope',
      suggestManual: true,
    })
  })

  it('explains a reason without suggesting manual where manual would not help', () => {
    const error = new ApiRequestError(409, 'a rotation is running', { reason: 'busy' })
    const failure = rotationFailure(error, error.message)
    expect(failure).toMatchObject({ reason: 'busy', suggestManual: false })
    expect(failure.hint).toMatch(/Another rotation/)
  })

  it('keeps only the message when the answer has no rotation details', () => {
    expect(rotationFailure(new TypeError('fetch failed'), 'unreachable API')).toEqual({
      message: 'unreachable API',
      reason: null,
      hint: null,
      suggestManual: false,
    })
    expect(rotationFailure(new ApiRequestError(400, 'bad', { mode: 'x' }), 'bad').reason).toBeNull()
  })
})
