import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

describe('MC_API_KEY', () => {
  const withEnvKey = useTestApp({ MC_API_KEY: 'automation-key-0123456789abcdef' })

  it('acts as admin through either header, and a near miss is rejected', async () => {
    const me = await withEnvKey.app.request('/api/auth/me', {
      headers: { authorization: 'Bearer automation-key-0123456789abcdef' },
    })
    expect(await me.json()).toEqual({
      principal: { kind: 'env_key', id: null, name: 'MC_API_KEY', role: 'admin' },
      user: null,
    })
    const users = await withEnvKey.app.request('/api/users', {
      headers: { 'x-api-key': 'automation-key-0123456789abcdef' },
    })
    expect(users.status).toBe(200)
    const wrong = await withEnvKey.app.request('/api/users', {
      headers: { 'x-api-key': 'automation-key-0123456789abcdeF' },
    })
    expect(wrong.status).toBe(401)
  })
})
