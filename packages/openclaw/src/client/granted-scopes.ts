import type { GatewayClient } from './gateway-client.ts'

/**
 * The scopes the gateway granted this connection (hello-ok `auth.scopes`), which can be fewer than
 * asked for: a device-less client gets `operator.admin` only over direct loopback. Empty when the
 * gateway did not say.
 */
export function grantedScopes(client: Pick<GatewayClient, 'hello'>): readonly string[] {
  return client.hello.auth?.scopes ?? []
}
