import { countUsers } from '@mc/db'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'
import { ensureInitialAdmin } from './initial-admin.ts'

describe('the first admin', () => {
  const generated = useTestApp()
  const configured = useTestApp()

  it('is created once with a generated password that is printed once and works', async () => {
    const lines: string[] = []
    await Promise.all(
      [1, 2, 3].map(() => ensureInitialAdmin(generated.deps.db, undefined, (l) => lines.push(l))),
    )
    expect(await countUsers(generated.deps.db)).toBe(1)
    expect(lines).toHaveLength(1)
    const password = lines[0]?.match(/with password (\S+) /)?.[1] ?? ''
    expect(password.length).toBeGreaterThanOrEqual(20)
    const login = await generated.app.request('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'admin', password }),
    })
    expect(login.status).toBe(200)
    expect(await login.json()).toMatchObject({ user: { username: 'admin', role: 'admin' } })
  })

  it('uses MC_ADMIN_PASSWORD without printing it, and leaves an existing user base alone', async () => {
    const lines: string[] = []
    await ensureInitialAdmin(configured.deps.db, 'configured-secret-1', (l) => lines.push(l))
    expect(lines.join('')).not.toContain('configured-secret-1')
    await ensureInitialAdmin(configured.deps.db, 'another-password-2', (l) => lines.push(l))
    expect(lines).toHaveLength(1)
    const login = (password: string) =>
      configured.app.request('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ username: 'admin', password }),
      })
    expect((await login('configured-secret-1')).status).toBe(200)
    expect((await login('another-password-2')).status).toBe(401)
  })
})
