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
  createAlertChannelRequestSchema,
  updateAlertChannelRequestSchema,
} from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { describeChannelChange } from '../../audit/channel-change.ts'
import { requestAudit } from '../../audit/request-audit.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseBody, parseBodyField, parseId } from '../../http/validation.ts'
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
      handler: async (c) => {
        const [rows, last] = await Promise.all([listAlertChannels(db), lastDeliveryPerChannel(db)])
        return c.json({ channels: rows.map((row) => presentAlertChannel(row, last.get(row.id))) })
      },
    },
    {
      method: 'POST',
      path: '/alerts/channels',
      access: 'admin',
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
