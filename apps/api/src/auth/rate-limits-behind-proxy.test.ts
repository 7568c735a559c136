import { auditResponseSchema } from '@mc/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppendingProxy, requestFrom, startAppendingProxy } from '../testing/appending-proxy.ts'
import { makeApiKey } from '../testing/factories.ts'
import { useListeningApi } from '../testing/running-api.ts'

// The real api behind a real proxy that appends to X-Forwarded-For like nginx; clients on loopback
// addresses of their own (127.0.0.x) stand for different machines.
const api = useListeningApi({ TRUST_PROXY: 'true' })
let proxy: AppendingProxy

beforeAll(async () => {
  proxy = await startAppendingProxy(api.url)
})
afterAll(() => proxy?.close())

async function auditEntries(action: string) {
  const { key } = await makeApiKey(api.db, 'admin')
  const res = await requestFrom('127.0.0.1', `${api.url}/api/audit?action=${action}`, {
    headers: { 'x-api-key': key },
  })
  return auditResponseSchema.parse(res.body).entries
}

describe('TRUST_PROXY=true behind a proxy that appends to X-Forwarded-For', () => {
  it('limits failed sign-ins by the address the proxy saw, however the client forges the header', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 50; i++) {
      const res = await requestFrom('127.0.0.7', `${proxy.url}/api/auth/login`, {
        method: 'POST',
        // A different forged origin every time, sometimes posing as a whole chain of proxies.
        headers: { 'x-forwarded-for': i % 2 ? `198.51.100.${i}` : `203.0.113.${i}, 10.0.0.${i}` },
        body: { username: 'admin', password: `guess-${i}` },
      })
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(statuses.slice(10)).toEqual(Array(40).fill(429))

    // Another machine behind the same proxy is not blocked.
    const other = await requestFrom('127.0.0.8', `${proxy.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'x-forwarded-for': '127.0.0.7' },
      body: { username: 'admin', password: 'listening-api-admin' },
    })
    expect(other.status).toBe(200)

    const failures = await auditEntries('auth.login_failed')
    expect(failures).toHaveLength(10)
    expect(new Set(failures.map((entry) => entry.ip))).toEqual(new Set(['127.0.0.7']))
    expect((await auditEntries('auth.login')).map((entry) => entry.ip)).toEqual(['127.0.0.8'])
  })

  it('limits failed API key checks the same way', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const res = await requestFrom('127.0.0.9', `${proxy.url}/api/auth/me`, {
        headers: { 'x-forwarded-for': `192.0.2.${i}`, 'x-api-key': `mc_guess-${i}` },
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([...Array(30).fill(401), 429])
    const rejected = await auditEntries('auth.api_key_rejected')
    expect(new Set(rejected.map((entry) => entry.ip))).toEqual(new Set(['127.0.0.9']))
  })
})
