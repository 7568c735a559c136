import { ApiRequestError, healthResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { errorMessage } from './error-message.ts'

describe('errorMessage', () => {
  it("shows the API's own message", () => {
    expect(errorMessage(new ApiRequestError(403, 'operator role required'))).toBe('operator role required')
  })

  it('explains a network failure', () => {
    expect(errorMessage(new TypeError('Failed to fetch'))).toMatch(/could not be reached/)
  })

  it('does not dump schema validation details on people', () => {
    const parsed = healthResponseSchema.safeParse({ status: 'weird' })
    expect(parsed.success).toBe(false)
    expect(errorMessage(parsed.error)).toBe('The API sent a response this app does not understand.')
  })
})
