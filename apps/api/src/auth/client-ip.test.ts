import { loadConfig } from '@mc/runtime'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { clientIp, isHttps } from './client-ip.ts'
import { trustProxySchema } from './trusted-proxies.ts'

/** What the api makes of a request from socket peer `peer` carrying `headers`, with TRUST_PROXY=`setting`. */
async function seen(setting: string, peer: string, headers: Record<string, string> = {}) {
  const proxies = trustProxySchema.parse(setting)
  const app = new Hono().get('/', (c) => c.json({ ip: clientIp(c, proxies), https: isHttps(c, proxies) }))
  const res = await app.request('/', { headers }, { incoming: { socket: { remoteAddress: peer } } })
  return (await res.json()) as { ip: string; https: boolean }
}

// What nginx's `$proxy_add_x_forwarded_for` makes of a client that sent its own X-Forwarded-For.
const forgedThenAppended = { 'x-forwarded-for': '6.6.6.6, 203.0.113.5', 'x-forwarded-proto': 'https' }

describe('the client address behind proxies (TRUST_PROXY)', () => {
  it('ignores forwarded headers unless told to trust a proxy', async () => {
    for (const setting of ['', 'false', '0', 'off']) {
      expect(await seen(setting, '198.51.100.9', forgedThenAppended)).toEqual({
        ip: '198.51.100.9',
        https: false,
      })
    }
  })

  it('true (or 1): takes what the one proxy appended, never what the client sent', async () => {
    for (const setting of ['true', '1', 'yes']) {
      expect(await seen(setting, '127.0.0.1', forgedThenAppended)).toEqual({ ip: '203.0.113.5', https: true })
    }
    expect((await seen('true', '127.0.0.1', { 'x-forwarded-for': '203.0.113.5' })).ip).toBe('203.0.113.5')
    // Headers repeated or with empty entries are one list; no header at all leaves the socket's peer.
    expect((await seen('true', '127.0.0.1', { 'x-forwarded-for': '6.6.6.6,, 203.0.113.5 ,' })).ip).toBe(
      '203.0.113.5',
    )
    expect((await seen('true', '127.0.0.1')).ip).toBe('127.0.0.1')
  })

  it('a number of proxies: takes what the farthest of them appended', async () => {
    const chain = { 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' }
    expect((await seen('2', '10.0.0.3', chain)).ip).toBe('203.0.113.5')
    expect((await seen('3', '10.0.0.3', chain)).ip).toBe('6.6.6.6')
    // A shorter chain than configured: the farthest address known.
    expect((await seen('2', '10.0.0.3', { 'x-forwarded-for': '203.0.113.5' })).ip).toBe('203.0.113.5')
  })

  it('proxy addresses: walks back past every trusted address, and trusts nothing from anyone else', async () => {
    const setting = '10.0.0.0/8, 127.0.0.1, fd00::/8'
    const chain = { 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.1.2.3', 'x-forwarded-proto': 'https' }
    expect(await seen(setting, '127.0.0.1', chain)).toEqual({ ip: '203.0.113.5', https: true })
    expect((await seen(setting, '::ffff:127.0.0.1', chain)).ip).toBe('203.0.113.5')
    expect((await seen(setting, 'fd12::1', chain)).ip).toBe('203.0.113.5')
    expect((await seen(setting, '127.0.0.1', { 'x-forwarded-for': '6.6.6.6, 2001:db8::5' })).ip).toBe(
      '2001:db8::5',
    )
    // Straight from a client, bypassing the proxies: its headers are its own claims.
    expect(await seen(setting, '198.51.100.9', chain)).toEqual({ ip: '198.51.100.9', https: false })
  })

  it('refuses a setting it cannot read at start, naming the variable', () => {
    const schema = z.object({ TRUST_PROXY: trustProxySchema })
    for (const bad of [
      'maybe',
      '11',
      '-1',
      '10.0.0.0/33',
      '::1/129',
      '10.0.0.0/8,nope',
      '10.0.0.1/8/2',
      ',',
    ]) {
      expect(() => loadConfig(schema, { TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: expected false, true/)
    }
    for (const good of ['', 'on', '10', '10.0.0.0/8', '::1, 192.168.0.0/16']) {
      expect(() => loadConfig(schema, { TRUST_PROXY: good }), good).not.toThrow()
    }
  })
})
