import { z } from 'zod'

const SECRET_PARAM = /token|key|secret|auth|pass/i

/**
 * Why `host` is not a usable gateway address, or undefined when it is one: a hostname, an IPv4 or
 * IPv6 address, or a ws:// / wss:// URL without credentials, secret-looking query or port.
 */
export function gatewayHostProblem(host: string): string | undefined {
  const value = host.trim()
  if (value !== host || value === '') return 'must not be empty or have surrounding spaces'
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return urlProblem(value)
  const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value
  if (z.ipv4().safeParse(bare).success || z.ipv6().safeParse(bare).success) return undefined
  if (value.length <= 253 && z.hostname().safeParse(value).success && !value.includes(':')) return undefined
  return 'must be a hostname, an IPv4 or IPv6 address, or a ws:// or wss:// URL'
}

function urlProblem(value: string): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'is not a valid URL'
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return 'URLs must start with ws:// or wss://'
  if (url.username || url.password) return 'must not contain credentials: put the token in the token field'
  if ([...url.searchParams.keys()].some((name) => SECRET_PARAM.test(name))) {
    return 'must not carry a token in the query: put it in the token field'
  }
  if (url.port) return 'must not contain a port: use the port field'
  if (url.hash) return 'must not contain a #fragment'
  return undefined
}

export const gatewayHostSchema = z
  .string()
  .max(500, 'at most 500 characters')
  .superRefine((host, ctx) => {
    const problem = gatewayHostProblem(host)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** The WebSocket URL of a gateway, as the seed's UI shows it (`ws://host:port`). */
export function gatewayUrl(host: string, port: number): string {
  if (/^wss?:\/\//i.test(host)) {
    const url = new URL(host)
    url.port = String(port)
    return url.toString().replace(/\/$/, '')
  }
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `ws://${bracketed}:${port}`
}
