import { z } from 'zod'
import { idTextSchema } from './ids.ts'
import { queryInt } from './query-params.ts'
import { unixSecondsSchema } from './time.ts'

export const ALERT_CHANNEL_TYPES = ['webhook', 'slack', 'discord', 'email', 'ntfy'] as const
export const alertChannelTypeSchema = z.enum(ALERT_CHANNEL_TYPES)
export type AlertChannelType = z.infer<typeof alertChannelTypeSchema>

export const NTFY_PRIORITIES = ['min', 'low', 'default', 'high', 'urgent'] as const

const URL_RULE = 'must be an http:// or https:// URL without a user name or password'

/** A receiver's URL: http(s) only, and no credentials in it (they would be shown and logged). */
export const receiverUrlSchema = z
  .string()
  .trim()
  .max(2000, 'at most 2000 characters')
  .refine((text) => {
    if (!URL.canParse(text)) return false
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  }, URL_RULE)

const emailAddressSchema = z.email('must be an email address').max(320)
/** One address or several, comma-separated or as a list. */
const emailToSchema = z
  .union([z.string(), z.array(z.string())], { error: 'must be an email address or a list of them' })
  .transform((to) =>
    (Array.isArray(to) ? to : to.split(','))
      .map((address) => address.trim())
      .filter((address) => address.length > 0),
  )
  .pipe(z.array(emailAddressSchema).min(1, 'needs at least one address').max(20, 'at most 20 addresses'))

const webhookSecretSchema = z.string().min(16, 'at least 16 characters').max(256, 'at most 256 characters')

/** What each channel type needs; secrets (webhook secret, Slack and Discord URLs) are stored encrypted. */
export const alertChannelConfigSchemas = {
  webhook: z.strictObject({ url: receiverUrlSchema, secret: webhookSecretSchema.nullable().optional() }),
  slack: z.strictObject({ url: receiverUrlSchema }),
  discord: z.strictObject({ url: receiverUrlSchema }),
  email: z.strictObject({ to: emailToSchema }),
  ntfy: z.strictObject({ url: receiverUrlSchema, priority: z.enum(NTFY_PRIORITIES).optional() }),
} as const

const nameSchema = z.string().trim().min(1, 'required').max(100, 'at most 100 characters')

const createChannelOf = <T extends AlertChannelType>(type: T) =>
  z.strictObject({
    name: nameSchema,
    type: z.literal(type),
    config: alertChannelConfigSchemas[type],
    enabled: z.boolean().default(true),
  })

export const createAlertChannelRequestSchema = z.discriminatedUnion(
  'type',
  [
    createChannelOf('webhook'),
    createChannelOf('slack'),
    createChannelOf('discord'),
    createChannelOf('email'),
    createChannelOf('ntfy'),
  ],
  { error: `type must be one of ${ALERT_CHANNEL_TYPES.join(', ')}` },
)
export type CreateAlertChannelRequest = z.input<typeof createAlertChannelRequestSchema>

/**
 * A channel's type never changes. `config` is checked against the channel's type by the handler;
 * a secret left out is kept (`secret: null` removes a webhook's secret).
 */
export const updateAlertChannelRequestSchema = z
  .strictObject({
    name: nameSchema.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change')
export type UpdateAlertChannelRequest = z.input<typeof updateAlertChannelRequestSchema>

/** The config parts a patch may leave out, for each type: the stored value stays. */
export const alertChannelConfigPatchSchemas = {
  webhook: alertChannelConfigSchemas.webhook.partial(),
  slack: alertChannelConfigSchemas.slack.partial(),
  discord: alertChannelConfigSchemas.discord.partial(),
  email: alertChannelConfigSchemas.email.partial(),
  ntfy: alertChannelConfigSchemas.ntfy.partial(),
} as const

/** One attempt to deliver a message to a channel. */
export const alertDeliverySchema = z.object({
  id: z.number().int(),
  channel_id: z.number().int().nullable(),
  channel_name: z.string(),
  /** `incident.opened`, `incident.resolved`, `incident.reminder` or `test`. */
  event: z.string(),
  incident_ids: z.array(z.number().int()),
  attempt: z.number().int(),
  ok: z.boolean(),
  /** The receiver's HTTP status, or the SMTP server's reply code. */
  status_code: z.number().int().nullable(),
  /** The SMTP server's reply, or the start of an HTTP receiver's answer. */
  reply: z.string().nullable(),
  duration_ms: z.number().int(),
  error: z.string().nullable(),
  at: unixSecondsSchema,
})
export type AlertDelivery = z.infer<typeof alertDeliverySchema>

/**
 * A channel as the API shows it: the config without its secrets (`secret_set` says whether there
 * is one), and how its last delivery went.
 */
export const alertChannelSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: alertChannelTypeSchema,
  enabled: z.boolean(),
  /** webhook `{ url }`, slack and discord `{ host }`, email `{ to }`, ntfy `{ url, priority }`. */
  config: z.record(z.string(), z.unknown()),
  secret_set: z.boolean(),
  last_delivery: alertDeliverySchema.nullable(),
  /** The last delivery attempt failed. */
  failing: z.boolean(),
  created_at: unixSecondsSchema,
  updated_at: unixSecondsSchema,
})
export type AlertChannel = z.infer<typeof alertChannelSchema>

export const alertChannelResponseSchema = z.object({ channel: alertChannelSchema })
export const alertChannelsResponseSchema = z.object({ channels: z.array(alertChannelSchema) })

/** `POST /api/alerts/channels/:id/test`: the delivery it made. */
export const alertChannelTestResponseSchema = z.object({ delivery: alertDeliverySchema })

export const alertDeliveriesResponseSchema = z.object({
  deliveries: z.array(alertDeliverySchema),
  next_before: z.number().int().nullable(),
})

/** `GET /api/alerts/deliveries`: newest first; pass `next_before` back as `before`. */
export const alertDeliveriesQuerySchema = z.strictObject({
  channel_id: idTextSchema.optional(),
  incident_id: idTextSchema.optional(),
  limit: queryInt(1, 500).default(100),
  before: idTextSchema.optional(),
})
export type AlertDeliveriesQuery = z.infer<typeof alertDeliveriesQuerySchema>
