import type {
  AlertChannel,
  AlertChannelType,
  CreateAlertChannelRequest,
  UpdateAlertChannelRequest,
} from '@mc/shared'

/** What the channel dialog holds, as typed; only the fields of the chosen type are sent. */
export interface ChannelFormValues {
  name: string
  type: AlertChannelType
  enabled: boolean
  /** webhook, ntfy: the receiver's URL; slack, discord: the incoming-webhook URL (a secret). */
  url: string
  /** webhook: the signing secret; empty keeps the stored one (edit) or sets none (add). */
  secret: string
  /** email: one address or several, comma-separated. */
  to: string
  /** ntfy: empty for the server's default. */
  priority: string
}

/** The request fields the dialog shows, for the API's 400 details. */
export const CHANNEL_FORM_FIELDS = [
  'name',
  'type',
  'enabled',
  'config.url',
  'config.secret',
  'config.to',
  'config.priority',
] as const

/** Types whose URL is itself the secret (it lets anyone post): never shown, only replaced. */
export const isSecretUrl = (type: AlertChannelType) => type === 'slack' || type === 'discord'

export const EMPTY_CHANNEL_FORM: ChannelFormValues = {
  name: '',
  type: 'webhook',
  enabled: true,
  url: '',
  secret: '',
  to: '',
  priority: '',
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** The edit dialog starts from the channel's public config; secret fields start empty ("keep"). */
export function channelFormValues(channel: AlertChannel): ChannelFormValues {
  const { config } = channel
  return {
    ...EMPTY_CHANNEL_FORM,
    name: channel.name,
    type: channel.type,
    enabled: channel.enabled,
    url: isSecretUrl(channel.type) ? '' : text(config.url),
    to: Array.isArray(config.to) ? config.to.join(', ') : text(config.to),
    priority: text(config.priority),
  }
}

/** The config of `values.type`, with only what was typed: an empty optional field is left out. */
function configOf(values: ChannelFormValues): Record<string, unknown> {
  const url = values.url.trim()
  switch (values.type) {
    case 'webhook':
      return { url, ...(values.secret === '' ? {} : { secret: values.secret }) }
    case 'slack':
    case 'discord':
      return { url }
    case 'email':
      return { to: values.to }
    case 'ntfy':
      return { url, ...(values.priority === '' ? {} : { priority: values.priority }) }
  }
}

export function createChannelBody(values: ChannelFormValues): CreateAlertChannelRequest {
  // The API checks the config against the type; the form only builds it.
  return {
    name: values.name.trim(),
    type: values.type,
    config: configOf(values),
    enabled: values.enabled,
  } as CreateAlertChannelRequest
}

/**
 * Only what changed: the name, enabled, and the config fields that differ from the stored public
 * config. A secret (webhook secret, Slack or Discord URL) left empty is kept; `clearSecret` removes
 * a webhook's secret. Null when there is nothing to send.
 */
export function updateChannelBody(
  channel: AlertChannel,
  values: ChannelFormValues,
  clearSecret: boolean,
): UpdateAlertChannelRequest | null {
  const body: UpdateAlertChannelRequest = {}
  const before = channelFormValues(channel)
  if (values.name.trim() !== channel.name) body.name = values.name.trim()
  if (values.enabled !== channel.enabled) body.enabled = values.enabled
  const wanted = configOf(values)
  const stored = configOf(before)
  const config: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(wanted)) {
    // Secrets are compared with nothing (they are never shown): typed means replace.
    const isSecret = (key === 'url' && isSecretUrl(values.type)) || key === 'secret'
    if (isSecret ? value !== '' : value !== stored[key]) config[key] = value
  }
  if (values.type === 'webhook' && clearSecret) config.secret = null
  if (Object.keys(config).length > 0) body.config = config
  return Object.keys(body).length > 0 ? body : null
}

/** The channel's target as the list shows it: its URL, Slack/Discord host, or addresses. */
export function channelTarget(channel: AlertChannel): string {
  const { config } = channel
  if (Array.isArray(config.to)) return config.to.join(', ')
  return text(config.url) || text(config.host) || text(config.to) || '—'
}
