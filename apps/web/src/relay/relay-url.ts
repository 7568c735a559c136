import { liveGatewayPath } from '@mc/shared'

/** The relay socket's URL on the page's own origin: `ws:` under `http:`, `wss:` under `https:`. */
export function relaySocketUrl(location: Pick<Location, 'protocol' | 'host'>, gatewayId: number): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${location.host}${liveGatewayPath(gatewayId)}`
}
