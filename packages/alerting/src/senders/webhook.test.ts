import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sendAlert } from './send-alert.ts'
import { manyDown, messageOf, noticeOf, SEND_OPTIONS } from './test-messages.ts'
import type { WebhookPayload } from './webhook.ts'
import { verifyWebhookSignature, webhookSignature } from './webhook-signature.ts'

const SECRET = 'a-webhook-secret-of-some-length'

let receiver: HttpRecorder
beforeEach(async () => {
  receiver = await startHttpRecorder()
})
afterEach(() => receiver.close())

describe('webhook channel', () => {
  it('POSTs the versioned JSON document with its headers and a signature the secret verifies', async () => {
    const openedAt = new Date('2026-05-01T10:00:00Z')
    const resolvedAt = new Date('2026-05-01T10:12:00Z')
    const message = messageOf(
      [
        noticeOf('gw-a', {
          event: 'incident.resolved',
          openedAt,
          resolvedAt,
          url: 'https://mc.example/incidents/1',
        }),
      ],
      {
        dashboardUrl: 'https://mc.example/',
      },
    )
    const target = {
      type: 'webhook',
      name: 'hook',
      config: { url: receiver.url('/hook'), secret: SECRET },
    } as const

    const result = await sendAlert(target, message, SEND_OPTIONS)

    expect(result).toMatchObject({ ok: true, statusCode: 200, reply: 'ok', error: null })
    const [request] = await receiver.waitFor(1)
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/hook')
    const headers = request?.headers ?? {}
    expect(headers['content-type']).toBe('application/json')
    expect(headers['user-agent']).toBe('MissionControl-Alerts')
    expect(headers['x-mc-event']).toBe('incident.resolved')
    expect(headers['x-mc-delivery']).toBe(message.deliveryId)
    const timestamp = String(headers['x-mc-timestamp'])
    const body = request?.body ?? ''
    expect(verifyWebhookSignature(SECRET, timestamp, body, String(headers['x-mc-signature']))).toBe(true)
    const payload = JSON.parse(body) as WebhookPayload
    expect(payload).toEqual({
      version: 1,
      event: 'incident.resolved',
      delivery_id: message.deliveryId,
      sent_at: Number(timestamp),
      dashboard_url: 'https://mc.example/',
      incidents: [
        {
          id: 1,
          event: 'incident.resolved',
          kind: 'gateway_down',
          rule: 'Gateway down',
          severity: 'critical',
          subject: { type: 'gateway', id: 1, name: 'gw-a' },
          summary: 'gw-a is offline: connect ECONNREFUSED 127.0.0.1:18789',
          opened_at: openedAt.getTime() / 1000,
          resolved_at: resolvedAt.getTime() / 1000,
          url: 'https://mc.example/incidents/1',
        },
      ],
    })
  })

  it('sends no signature header when the channel has no secret', async () => {
    await sendAlert(
      { type: 'webhook', name: 'hook', config: { url: receiver.url() } },
      manyDown(1),
      SEND_OPTIONS,
    )
    const [request] = await receiver.waitFor(1)
    expect(request?.headers['x-mc-signature']).toBeUndefined()
  })

  it('lists all 300 incidents of one message', async () => {
    await sendAlert(
      { type: 'webhook', name: 'hook', config: { url: receiver.url() } },
      manyDown(300),
      SEND_OPTIONS,
    )
    const [request] = await receiver.waitFor(1)
    const payload = JSON.parse(request?.body ?? '') as WebhookPayload
    expect(payload.incidents).toHaveLength(300)
    expect(payload.incidents.at(-1)?.subject.name).toBe('gw-300')
  })
})

describe('verifyWebhookSignature', () => {
  const body = '{"version":1}'
  const now = () => Math.floor(Date.now() / 1000)

  it('accepts a fresh, untouched request', () => {
    const timestamp = now()
    expect(verifyWebhookSignature(SECRET, timestamp, body, webhookSignature(SECRET, timestamp, body))).toBe(
      true,
    )
  })

  it('rejects a tampered body, another secret, a missing header', () => {
    const timestamp = now()
    const signature = webhookSignature(SECRET, timestamp, body)
    expect(verifyWebhookSignature(SECRET, timestamp, '{"version":2}', signature)).toBe(false)
    expect(verifyWebhookSignature('another-secret-entirely', timestamp, body, signature)).toBe(false)
    expect(verifyWebhookSignature(SECRET, timestamp, body, undefined)).toBe(false)
  })

  it('rejects a replay: a stale timestamp, even correctly signed, or a timestamp changed after signing', () => {
    const stale = now() - 301
    expect(verifyWebhookSignature(SECRET, stale, body, webhookSignature(SECRET, stale, body))).toBe(false)
    expect(verifyWebhookSignature(SECRET, now(), body, webhookSignature(SECRET, stale, body))).toBe(false)
  })
})
