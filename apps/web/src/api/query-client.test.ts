import { ApiRequestError } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { createQueryClient } from './query-client.ts'

const retry = createQueryClient().getDefaultOptions().queries?.retry as (
  count: number,
  error: unknown,
) => boolean

describe('query retries', () => {
  it('retries a server or network failure once', () => {
    expect(retry(0, new ApiRequestError(503, 'down'))).toBe(true)
    expect(retry(0, new TypeError('Failed to fetch'))).toBe(true)
    expect(retry(1, new TypeError('Failed to fetch'))).toBe(false)
  })

  it('does not retry client errors', () => {
    expect(retry(0, new ApiRequestError(401, 'unauthenticated'))).toBe(false)
    expect(retry(0, new ApiRequestError(404, 'not found'))).toBe(false)
  })
})
