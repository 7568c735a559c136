import { describe, expect, it } from 'vitest'
import { loginPath, safeNextPath } from './login-path.ts'

describe('safeNextPath', () => {
  it.each(['/settings/users', '/gateways?x=1', '/settings#top'])('keeps the in-app path %s', (path) => {
    expect(safeNextPath(path)).toBe(path)
  })

  it.each([
    null,
    undefined,
    '',
    'settings',
    '//evil.example/path',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/login',
    '/login?next=/x',
    '/login/',
  ])('falls back for %s', (next) => {
    expect(safeNextPath(next)).toBe('/')
    expect(safeNextPath(next, '/gateways')).toBe('/gateways')
  })
})

describe('loginPath', () => {
  it('remembers where the person was', () => {
    expect(loginPath('/settings/api-keys')).toBe('/login?next=%2Fsettings%2Fapi-keys')
    expect(loginPath('/settings/audit?actor=admin')).toBe('/login?next=%2Fsettings%2Faudit%3Factor%3Dadmin')
  })

  it('is plain /login for the home page and for the login page itself', () => {
    expect(loginPath('/')).toBe('/login')
    expect(loginPath('/login?next=%2Fx')).toBe('/login')
  })
})
