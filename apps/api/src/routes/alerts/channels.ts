import { mergeChannelConfig, sealChannelConfig, touchesChannelSecret } from '@mc/alerting'
import {
  type AlertChannelRow,
  createAlertChannel,
  deleteAlertChannel,
  findAlertChannel,
  lastDeliveryPerChannel,
  listAlertChannels,
  updateAlertChannel,
} from '@mc/db'
import {
  alertChannelConfigPatchSchemas,
  alertChannelConfigSchemas,
  alertChannelResponseSchema,
  alertChannelsResponseSchema,
  createAlertChannelRequestSchema,
  deletedByIdResponseSchema,
  updateAlertChannelRequestSchema,
} from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { describeChannelChange } from '../../audit/channel-change.ts'
import { requestAudit } from '../../audit/request-audit.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idParamsSchema, parseBody, parseBodyField, parseId } from '../../http/validation.ts'
import { presentAlertChannel } from '../../presenters/alert-channels.ts'

type Config = Record<string, unknown>

const targetOf = (row: AlertChannelRow) => `alert_channel:${row.name}#${row.id}`

/** Alert channels (admin): where incidents are announced. Secrets go in, never out. */
export function alertChannelRoutes({
  db,
  config,
  tokenCipher,
}: Pick<RouteDeps, 'db' | 'config' | 'tokenCipher'>): RouteDef[] {
  const audit = requestAudit(db, config)

  /** A channel as answered: with its last delivery, read now. */
  const present = async (row: AlertChannelRow) =>
    presentAlertChannel(row, (await lastDeliveryPerChannel(db, [row.id])).get(row.id))

  return [
    {
      method: 'GET',
      path: '/alerts/channels',
      access: 'admin',
      doc: {
        summary: 'List alert channels',
        description:
          'Every channel with its last delivery. Configs come without their secrets: `secret_set` ' +
          'says whether there is one.',
        responses: { 200: alertChannelsResponseSchema },
      },
      handler: async (c) => {
        const [rows, last] = await Promise.all([listAlertChannels(db), lastDeliveryPerChannel(db)])
        return c.json({ channels: rows.map((row) => presentAlertChannel(row, last.get(row.id))) })
      },
    },
    {
      method: 'POST',
      path: '/alerts/channels',
      access: 'admin',
      doc: {
        summary: 'Create an alert channel',
        description:
          'A webhook, Slack, Discord, email or ntfy channel; `config` is checked against its ' +
          '`type`. Secrets (a webhook secret, Slack and Discord URLs) are stored encrypted and ' +
          'never answered. Audited.',
        body: createAlertChannelRequestSchema,
        responses: { 201: alertChannelResponseSchema },
      },
      handler: async (c) => {
        const body = await parseBody(c, createAlertChannelRequestSchema)
        const sealed = sealChannelConfig(body.type, body.config, tokenCipher)
        const row = await createAlertChannel(db, {
          name: body.name,
          type: body.type,
          enabled: body.enabled,
          ...sealed,
        })
        await audit(c, 'alert_channel.create', targetOf(row), {
          type: row.type,
          enabled: row.enabled,
          config: row.config,
          secret_set: row.secret !== null,
        })
        return c.json({ channel: presentAlertChannel(row, undefined) }, 201)
      },
    },
    {
      method: 'PATCH',
      path: '/alerts/channels/:id',
      access: 'admin',
      doc: {
        summary: 'Update an alert channel',
        description:
          'Renames, enables or disables a channel, or changes its config, checked against its type ' +
          '(which never changes). A secret left out of `config` is kept; `secret: null` removes a ' +
          "webhook's secret. Audited.",
        params: idParamsSchema,
        body: updateAlertChannelRequestSchema,
        responses: { 200: alertChannelResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const body = await parseBody(c, updateAlertChannelRequestSchema)
        const current = await findAlertChannel(db, id)
        if (!current) throw new HttpError(404, `no alert channel with id ${id}`)
        let sealed: { config: Config; secret: string | null } | undefined
        if (body.config !== undefined) {
          // The patch's own fields first (right names and values for the type), then the whole.
          const patch = parseBodyField<Config>(
            alertChannelConfigPatchSchemas[current.type],
            body.config,
            'config',
          )
          const merged = mergeChannelConfig(current, patch, tokenCipher)
          const config = parseBodyField<Config>(alertChannelConfigSchemas[current.type], merged, 'config')
          sealed = sealChannelConfig(current.type, config, tokenCipher)
        }
        const result = await updateAlertChannel(db, id, { name: body.name, enabled: body.enabled, ...sealed })
        if (!result) throw new HttpError(404, `no alert channel with id ${id}`)
        const secretTouched = body.config !== undefined && touchesChannelSecret(current.type, body.config)
        const detail = describeChannelChange(result.before, result.after, secretTouched)
        if (Object.keys(detail.changes).length > 0 || 'secret' in detail) {
          await audit(c, 'alert_channel.update', targetOf(result.after), detail)
        }
        return c.json({ channel: await present(result.after) })
      },
    },
    {
      method: 'DELETE',
      path: '/alerts/channels/:id',
      access: 'admin',
      doc: {
        summary: 'Delete an alert channel',
        description: 'Rules stop naming it; its deliveries stay in the log, without a channel id. Audited.',
        params: idParamsSchema,
        responses: { 200: deletedByIdResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const row = await deleteAlertChannel(db, id)
        if (!row) throw new HttpError(404, `no alert channel with id ${id}`)
        await audit(c, 'alert_channel.delete', targetOf(row), { type: row.type })
        return c.json({ deleted: true as const, id })
      },
    },
  ]
}
