import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { TrustedProxies } from './trusted-proxies.ts'

function socketPeer(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // app.request() in tests has no socket
    return 'unknown'
  }
}

/** Whether the request reached us through one of our proxies, so its X-Forwarded-* headers count. */
export function fromTrustedProxy(c: Context, proxies: TrustedProxies): boolean {
  return proxies.trusts(socketPeer(c), 0)
}

/**
 * The caller's address. Each proxy appends the address it received the request from to
 * X-Forwarded-For, so only entries our proxies added are facts (whatever the client sent comes
 * first, on the left): walk from the right past our proxies, and the first other hop is the client.
 */
export function clientIp(c: Context, proxies: TrustedProxies): string {
  const peer = socketPeer(c)
  if (!proxies.trusts(peer, 0)) return peer
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .reverse()
  const client = forwarded.find((address, index) => !proxies.trusts(address, index + 1))
  // Every hop is a proxy of ours (a shorter chain than configured): the farthest one is all we know.
  return client ?? forwarded.at(-1) ?? peer
}

export function isHttps(c: Context, proxies: TrustedProxies): boolean {
  if (fromTrustedProxy(c, proxies) && c.req.header('x-forwarded-proto') === 'https') return true
  return new URL(c.req.url).protocol === 'https:'
}
