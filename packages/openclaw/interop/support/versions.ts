/** What the interop suite runs against; bump together with gateway-protocol.md. */
export const INTEROP_VERSIONS = {
  // openclaw needs Node >= 24.16; the npm package `node` ships such a binary through the registry.
  node: '24.21.0',
  openclaw: '2026.9.6',
  gatewayProtocol: '2026.9.1',
} as const
