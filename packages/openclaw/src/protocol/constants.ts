/** The protocol version this package speaks (openclaw 2026.9.x). */
export const PROTOCOL_VERSION = 4

/** `client.id` values the gateway accepts in `connect` (its schema is an enum). */
export const CLIENT_IDS = [
  'webchat-ui',
  'openclaw-control-ui',
  'openclaw-browser-copilot',
  'openclaw-tui',
  'webchat',
  'cli',
  'gateway-client',
  'openclaw-macos',
  'openclaw-linux',
  'openclaw-ios',
  'openclaw-watchos',
  'openclaw-android',
  'node-host',
  'openclaw-worker',
  'test',
  'fingerprint',
  'openclaw-probe',
] as const

/** `client.mode` values the gateway accepts in `connect`. */
export const CLIENT_MODES = ['webchat', 'cli', 'ui', 'backend', 'node', 'worker', 'probe', 'test'] as const

export const OPERATOR_SCOPES = ['operator.read', 'operator.write', 'operator.admin'] as const
