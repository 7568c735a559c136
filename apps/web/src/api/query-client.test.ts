import { ApiRequestError } from '@mc/shared'
import { describe, expect, it, vi } from 'vitest'
import { createQueryClient, HANDLES_UNAUTHENTICATED } from './query-client.ts'

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

describe('the 401 rule', () => {
  const failWith = (error: Error) => () => Promise.reject(error)

  it('reports a query answered 401, and nothing else', async () => {
    const onUnauthenticated = vi.fn()
    const client = createQueryClient({ onUnauthenticated })
    await client.prefetchQuery({ queryKey: ['a'], queryFn: failWith(new ApiRequestError(403, 'admin only')) })
    await client.prefetchQuery({ queryKey: ['b'], queryFn: failWith(new TypeError('Failed to fetch')) })
    expect(onUnauthenticated).not.toHaveBeenCalled()

    await client.prefetchQuery({ queryKey: ['c'], queryFn: failWith(new ApiRequestError(401, 'sign in')) })
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })

  it('reports a mutation answered 401 unless the mutation handles 401 itself', async () => {
    const onUnauthenticated = vi.fn()
    const client = createQueryClient({ onUnauthenticated })
    const run = (meta?: Record<string, unknown>) =>
      client
        .getMutationCache()
        .build(client, { mutationFn: failWith(new ApiRequestError(401, 'invalid password')), meta })
        .execute(undefined)
        .catch(() => undefined)

    await run(HANDLES_UNAUTHENTICATED)
    expect(onUnauthenticated).not.toHaveBeenCalled()
    await run()
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
  })
})
