import { randomUUID } from 'node:crypto'
import { type AlertMessage, channelTarget, logDeliveryAttempt, sendAlert, sendOptions } from '@mc/alerting'
import { findAlertChannel } from '@mc/db'
import { alertChannelTestResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../../app-deps.ts'
import { requestAudit } from '../../../audit/request-audit.ts'
import { HttpError } from '../../../http/http-error.ts'
import type { RouteDef } from '../../../http/route.ts'
import { idParamsSchema, parseId } from '../../../http/validation.ts'
import { presentAlertDelivery } from '../../../presenters/alert-deliveries.ts'

/** A test waits at most this long for the receiver, so the request answers in time. */
const TEST_SEND_TIMEOUT_MS = 10_000

/**
 * `POST /api/alerts/channels/:id/test`: sends a test message (event `test`, no notices) to the
 * channel now, even a disabled one, logs it as attempt 1, and answers with how it went: 200 also
 * when the receiver failed (the delivery says `ok: false` and why).
 */
export function alertChannelTestRoutes({
  db,
  config,
  tokenCipher,
}: Pick<RouteDeps, 'db' | 'config' | 'tokenCipher'>): RouteDef[] {
  const audit = requestAudit(db, config)
  return [
    {
      method: 'POST',
      path: '/alerts/channels/:id/test',
      access: 'admin',
      doc: {
        summary: 'Send a test alert',
        description:
          'Sends a test message (event `test`) to the channel now, even a disabled one, waiting up ' +
          'to 10 s for the receiver, and logs it as a delivery. Answers 200 with the delivery also ' +
          'when the receiver failed: then `ok` is false and `error` says why. Audited.',
        params: idParamsSchema,
        responses: { 200: alertChannelTestResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const channel = await findAlertChannel(db, id)
        if (!channel) throw new HttpError(404, `no alert channel with id ${id}`)
        const message: AlertMessage = {
          event: 'test',
          deliveryId: randomUUID(),
          notices: [],
          dashboardUrl: config.PUBLIC_URL ?? null,
        }
        const result = await sendAlert(
          channelTarget(channel, tokenCipher),
          message,
          sendOptions(config, TEST_SEND_TIMEOUT_MS),
        )
        const delivery = await logDeliveryAttempt(db, {
          channel,
          message,
          incidentIds: [],
          attempt: 1,
          result,
        })
        await audit(c, 'alert_channel.test', `alert_channel:${channel.name}#${channel.id}`, {
          ok: result.ok,
          status_code: result.statusCode,
        })
        return c.json({ delivery: presentAlertDelivery(delivery) })
      },
    },
  ]
}
