import type { AlertChannelRow } from '@mc/db'
import type { TokenCipher } from '@mc/runtime'
import { type AlertChannelType, alertChannelConfigSchemas } from '@mc/shared'
import type { ChannelTarget } from './alert-message.ts'

type Config = Record<string, unknown>

/** The config fields that are secrets: a webhook's signing key, and the whole Slack or Discord URL. */
const SECRET_FIELDS: Record<AlertChannelType, readonly string[]> = {
  webhook: ['secret'],
  slack: ['url'],
  discord: ['url'],
  email: [],
  ntfy: [],
}

/** Shown in place of a secret URL: the receiver's host only. */
const HOST_SHOWN: ReadonlySet<AlertChannelType> = new Set(['slack', 'discord'])

const without = (config: Config, fields: readonly string[]) =>
  Object.fromEntries(Object.entries(config).filter(([field]) => !fields.includes(field)))

/** What is stored for a validated config: the public part, and the secret part encrypted (null for none). */
export function sealChannelConfig(
  type: AlertChannelType,
  config: Config,
  cipher: TokenCipher,
): { config: Config; secret: string | null } {
  const fields = SECRET_FIELDS[type]
  const secrets = Object.fromEntries(
    Object.entries(config).filter(([field, value]) => fields.includes(field) && value != null),
  )
  const shown = without(config, fields)
  if (HOST_SHOWN.has(type) && typeof config.url === 'string') shown.host = new URL(config.url).host
  const secret = Object.keys(secrets).length > 0 ? cipher.encrypt(JSON.stringify(secrets)) : null
  return { config: shown, secret }
}

type StoredChannel = Pick<AlertChannelRow, 'type' | 'config' | 'secret'>

/** The stored config with its secrets decrypted, as it was given (the shown host left out). */
export function openChannelConfig(row: StoredChannel, cipher: TokenCipher): Config {
  const shown = HOST_SHOWN.has(row.type) ? without(row.config, ['host']) : row.config
  const secrets = row.secret === null ? {} : (JSON.parse(cipher.decrypt(row.secret)) as Config)
  return { ...shown, ...secrets }
}

/**
 * A PATCH's config (already checked against the type's patch schema) over the stored one: a field
 * left out keeps its stored value, secrets included; `secret: null` removes a webhook's secret.
 * The result still has to pass the type's full schema.
 */
export function mergeChannelConfig(row: StoredChannel, patch: Config, cipher: TokenCipher): Config {
  return { ...openChannelConfig(row, cipher), ...patch }
}

/** Whether a config (or a patch of one) of this type names a secret field. */
export function touchesChannelSecret(type: AlertChannelType, config: Config): boolean {
  return SECRET_FIELDS[type].some((field) => field in config)
}

/** A stored channel, secrets decrypted, ready to send to. */
export function channelTarget(
  row: Pick<AlertChannelRow, 'name' | 'type' | 'config' | 'secret'>,
  cipher: TokenCipher,
): ChannelTarget {
  const config = alertChannelConfigSchemas[row.type].parse(openChannelConfig(row, cipher))
  // The schema of `row.type` parsed it, so type and config agree; TypeScript cannot follow that.
  return { type: row.type, name: row.name, config } as ChannelTarget
}
