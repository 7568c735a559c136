import { gatewayUrl } from '@mc/shared'

const URL_HOST = /^wss?:\/\//i

/**
 * Where a gateway is, as its card shows it: `host:port` as in the seed (IPv6 in brackets), or the
 * full `ws(s)://host:port/path` when the host was registered as a URL.
 */
export function gatewayAddress(host: string, port: number): string {
  if (URL_HOST.test(host)) return gatewayUrl(host, port)
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `${bracketed}:${port}`
}

/** A wss:// host: the only kind for which "allow a self-signed certificate" means anything. */
export function isSecureUrlHost(host: string): boolean {
  return /^wss:\/\//i.test(host.trim())
}
