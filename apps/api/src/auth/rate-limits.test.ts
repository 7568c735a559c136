import { describe, expect, it } from 'vitest'
import { makeApiKey, makeUser, TEST_PASSWORD } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()

const fromAddress = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } })

describe('brute-force protection', () => {
  it('answers the 11th failed sign-in from one address within a minute with 429 and Retry-After', async () => {
    const user = await makeUser(t.deps.db)
    const attempt = (password: string, ip = '198.51.100.7') =>
      t.app.request(
        '/api/auth/login',
        { method: 'POST', body: JSON.stringify({ username: user.username, password }) },
        fromAddress(ip),
      )
    for (let i = 1; i <= 10; i++) expect((await attempt(`guess-${i}`)).status).toBe(401)
    const eleventh = await attempt('guess-11')
    expect(eleventh.status).toBe(429)
    const retryAfter = Number(eleventh.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await eleventh.json()).toEqual({ error: `too many failed sign-ins; try again in ${retryAfter} s` })
    // Blocked means blocked, even with the right password; another address is unaffected.
    expect((await attempt(TEST_PASSWORD)).status).toBe(429)
    expect((await attempt(TEST_PASSWORD, '198.51.100.8')).status).toBe(200)
  })

  it('limits failed API key checks per address, but a valid key keeps working even from there', async () => {
    const { key } = await makeApiKey(t.deps.db, 'viewer')
    const probe = (apiKey: string, ip = '203.0.113.9') =>
      t.app.request('/api/auth/me', { headers: { 'x-api-key': apiKey } }, fromAddress(ip))
    for (let i = 0; i < 30; i++) expect((await probe(`mc_guess${i}`)).status).toBe(401)
    expect((await probe('mc_guess-31')).status).toBe(429)
    // A valid key is not a guess: a tool behind the same address as the guesser is not locked out.
    expect((await probe(key)).status).toBe(200)
    expect((await probe('mc_guess-32')).status).toBe(429)
  })
})
