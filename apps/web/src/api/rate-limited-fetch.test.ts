import { ApiRequestError, createApiClient } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { RateLimitedError, rateLimitedFetch } from './rate-limited-fetch.ts'

const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}): typeof fetch =>
  async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    })

const clientAnswering = (...args: Parameters<typeof answer>) =>
  createApiClient({ fetch: rateLimitedFetch(answer(...args)) })

describe('rateLimitedFetch', () => {
  it('turns a 429 with Retry-After into a RateLimitedError with the wait and the message', async () => {
    const client = clientAnswering(429, { error: 'too many login attempts' }, { 'retry-after': '37' })
    const error = await client.auth.login({ username: 'a', password: 'b' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitedError)
    expect(error).toBeInstanceOf(ApiRequestError)
    expect(error).toMatchObject({ status: 429, retryAfterS: 37, message: 'too many login attempts' })
  })

  it('leaves a 429 without Retry-After to the client as a plain ApiRequestError', async () => {
    const client = clientAnswering(429, { error: 'slow down' })
    const error = await client.auth.login({ username: 'a', password: 'b' }).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(RateLimitedError)
    expect(error).toMatchObject({ status: 429, message: 'slow down' })
  })

  it('passes every other answer through untouched', async () => {
    const user = { id: 1, username: 'admin', role: 'admin', disabled: false }
    const times = { last_login_at: null, created_at: 1, updated_at: 1 }
    const client = clientAnswering(200, { user: { ...user, ...times } }, { 'retry-after': '5' })
    await expect(client.auth.login({ username: 'admin', password: 'x' })).resolves.toMatchObject({ user })
  })
})
