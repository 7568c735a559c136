import { describe, expect, it } from 'vitest'
import { setupApp } from './harness/setup-app.ts'

const app = setupApp()

/** The API allows 10 failed sign-ins per minute from one address, then answers 429 with Retry-After. */
const FAILURES_ALLOWED = 10

describe('login rate limit', () => {
  it('after too many failures the form says how long to wait and will not submit until then', async () => {
    for (let i = 0; i < FAILURES_ALLOWED; i++) {
      const res = await fetch(app.url('/api/auth/login'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: `wrong-${i}` }),
      })
      expect(res.status).toBe(401)
    }

    const { page } = app
    await page.goto(app.url('/login'))
    await page.getByLabel('Username').fill(app.stack.admin.username)
    await page.getByLabel('Password').fill(app.stack.admin.password)
    await page.getByRole('button', { name: 'Sign in' }).click()

    const notice = page.getByText(/^Too many attempts, try again in \d+ s\.$/)
    await notice.waitFor()
    const seconds = Number((await notice.textContent())?.match(/\d+/)?.[0])
    expect(seconds).toBeGreaterThan(0)
    expect(seconds).toBeLessThanOrEqual(60)
    expect(await page.getByRole('button', { name: 'Sign in' }).isDisabled()).toBe(true)
    expect(new URL(page.url()).pathname).toBe('/login')
  })
})
