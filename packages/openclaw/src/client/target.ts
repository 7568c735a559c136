import { gatewayUrl } from '@mc/shared'

/** Where a gateway is and how to log in: what the registry stores for each gateway. */
export interface GatewayTarget {
  /** A hostname, an IPv4/IPv6 address, or a ws:// / wss:// URL without port. */
  host: string
  port: number
  /** The gateway's shared token; null when none is set (then only HTTP liveness can be probed). */
  token: string | null
  /** Accept a self-signed or otherwise untrusted certificate on wss:// (the per-gateway option). */
  tlsInsecure?: boolean
}

export function targetUrl(target: GatewayTarget): string {
  return gatewayUrl(target.host, target.port)
}

/** The plain-HTTP liveness URL beside the WebSocket: ws → http, wss → https, path + `/health`. */
export function healthUrl(target: GatewayTarget): URL {
  const url = new URL(targetUrl(target))
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  url.pathname = `${url.pathname.replace(/\/$/, '')}/health`
  url.search = ''
  return url
}

/** Replaces every occurrence of the token, so a gateway echoing it back cannot leak it. */
export function tokenRedactor(token: string | null): (text: string) => string {
  if (!token) return (text) => text
  return (text) => text.split(token).join('[redacted]')
}
