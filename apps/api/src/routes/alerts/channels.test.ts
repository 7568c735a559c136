import { verifyWebhookSignature } from '@mc/alerting'
import { findAlertChannel } from '@mc/db'
import {
  alertChannelResponseSchema,
  alertChannelsResponseSchema,
  alertChannelTestResponseSchema,
  alertDeliveriesResponseSchema,
  alertRuleResponseSchema,
} from '@mc/shared'
import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import { type SmtpRecorder, startSmtpRecorder } from '@mc/testing/smtp-recorder'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole } from '../../testing/alert-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const SMTP_PASSWORD = 'smtp-password-never-shown'
const WEBHOOK_SECRET = 'webhook-secret-never-shown-1234'
const SLACK_URL = 'https://hooks.slack.example/services/T000/B000/never-shown-slack'

let recorder: HttpRecorder
let mail: SmtpRecorder
let smtpPort = ''

// Registered before the app's own setup: the app's SMTP_URL needs the recorder's port.
beforeAll(async () => {
  recorder = await startHttpRecorder()
  mail = await startSmtpRecorder()
  smtpPort = new URL(mail.url).port
})

const t = useTestApp({
  get SMTP_URL() {
    return `smtp://mc:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`
  },
  SMTP_FROM: 'Mission Control <alerts@mc.test>',
  PUBLIC_URL: 'https://mc.example',
})
let admin: Call
let viewer: Call

beforeAll(async () => {
  ;[admin, viewer] = await Promise.all([callerWithRole(t, 'admin'), callerWithRole(t, 'viewer')])
})

afterAll(async () => {
  await recorder?.close()
  await mail?.close()
})

async function createChannel(body: Record<string, unknown>) {
  const res = await admin('POST', '/api/alerts/channels', body)
  expect(res.status, res.text).toBe(201)
  return alertChannelResponseSchema.parse(res.body).channel
}

describe('alert channels', () => {
  it('refuses bad channels with a 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'x', type: 'pager', config: {} }, 'type', /type must be one of webhook, slack/],
      [
        { name: 'x', type: 'webhook', config: { url: 'ftp://hooks.example/x' } },
        'config.url',
        /http:\/\/ or https:\/\//,
      ],
      [
        { name: 'x', type: 'ntfy', config: { url: 'https://user:pw@ntfy.example/t' } },
        'config.url',
        /without a user name or password/,
      ],
      [
        { name: 'x', type: 'webhook', config: { url: 'https://h.example', secret: 'short' } },
        'config.secret',
        /at least 16/,
      ],
      [
        { name: 'x', type: 'email', config: { to: 'ops@example.com, not-an-address' } },
        'config.to.1',
        /email address/,
      ],
      [
        { name: 'x', type: 'slack', config: { url: SLACK_URL, channel: '#ops' } },
        'config.channel',
        /unknown field/,
      ],
      [{ name: '', type: 'email', config: { to: 'ops@example.com' } }, 'name', /required/],
    ]
    for (const [body, path, message] of cases) {
      const res = await admin('POST', '/api/alerts/channels', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body).toMatchObject({ error: 'invalid request body' })
      const details = (res.body as { details: { path: string; message: string }[] }).details
      expect(details.find((d) => d.path === path)?.message, JSON.stringify(details)).toMatch(message)
    }
  })

  it('is for admins only', async () => {
    const body = { name: 'ops', type: 'email', config: { to: 'ops@example.com' } }
    expect((await viewer('POST', '/api/alerts/channels', body)).status).toBe(403)
    expect((await viewer('GET', '/api/alerts/channels')).status).toBe(403)
    const operator = await callerWithRole(t, 'operator')
    expect((await operator('POST', '/api/alerts/channels', body)).status).toBe(403)
  })

  it('stores secrets encrypted and never shows or audits them', async () => {
    const hook = await createChannel({
      name: 'hook',
      type: 'webhook',
      config: { url: 'https://hooks.example/mc', secret: WEBHOOK_SECRET },
    })
    expect(hook).toMatchObject({
      config: { url: 'https://hooks.example/mc' },
      secret_set: true,
      enabled: true,
    })
    const slack = await createChannel({ name: 'slack', type: 'slack', config: { url: SLACK_URL } })
    expect(slack).toMatchObject({ config: { host: 'hooks.slack.example' }, secret_set: true })
    const stored = await findAlertChannel(t.deps.db, slack.id)
    expect(stored?.secret).toMatch(/^v1:/)
    expect(JSON.stringify(stored)).not.toContain('never-shown')

    const renamed = await admin('PATCH', `/api/alerts/channels/${hook.id}`, {
      name: 'hook-2',
      config: { url: 'https://hooks.example/v2' },
    })
    const changedSecret = await admin('PATCH', `/api/alerts/channels/${slack.id}`, {
      config: { url: `${SLACK_URL}-rotated` },
    })
    const listing = await admin('GET', '/api/alerts/channels')
    const audit = await admin('GET', '/api/audit?limit=200')
    for (const res of [renamed, changedSecret, listing, audit]) {
      expect(res.status, res.text).toBe(200)
      expect(res.text).not.toContain('never-shown')
    }
    expect(audit.text).toContain('alert_channel.create')
    expect(audit.body).toMatchObject({
      entries: expect.arrayContaining([
        expect.objectContaining({
          action: 'alert_channel.update',
          detail: expect.objectContaining({ secret: 'changed' }),
        }),
      ]),
    })
    expect(t.logs.join('\n')).not.toContain('never-shown')
    expect(t.logs.join('\n')).not.toContain(SMTP_PASSWORD)
  })

  it('keeps a secret a patch leaves out, and removes a webhook secret set to null', async () => {
    const hook = await createChannel({
      name: 'kept',
      type: 'webhook',
      config: { url: 'https://hooks.example/a', secret: WEBHOOK_SECRET },
    })
    const moved = await admin('PATCH', `/api/alerts/channels/${hook.id}`, {
      config: { url: 'https://hooks.example/b' },
    })
    expect(alertChannelResponseSchema.parse(moved.body).channel).toMatchObject({
      config: { url: 'https://hooks.example/b' },
      secret_set: true,
    })
    const cleared = await admin('PATCH', `/api/alerts/channels/${hook.id}`, { config: { secret: null } })
    expect(alertChannelResponseSchema.parse(cleared.body).channel.secret_set).toBe(false)

    // The type is fixed: a patch is checked against the channel's own type.
    const wrongField = await admin('PATCH', `/api/alerts/channels/${hook.id}`, {
      config: { to: 'a@b.example' },
    })
    expect(wrongField.status).toBe(400)
    expect(wrongField.body).toMatchObject({ details: [{ path: 'config.to', message: 'unknown field' }] })
    const typeChange = await admin('PATCH', `/api/alerts/channels/${hook.id}`, { type: 'slack' })
    expect(typeChange.status).toBe(400)
    expect((await admin('PATCH', '/api/alerts/channels/999999', { name: 'x' })).status).toBe(404)
  })

  it('deletes a channel and takes it out of every rule', async () => {
    const [a, b] = [
      await createChannel({ name: 'a', type: 'email', config: { to: 'a@example.com' } }),
      await createChannel({ name: 'b', type: 'email', config: { to: ['b@example.com'] } }),
    ]
    const created = await admin('POST', '/api/alerts/rules', {
      name: 'down',
      kind: 'gateway_down',
      channel_ids: [a.id, b.id],
    })
    const { rule } = alertRuleResponseSchema.parse(created.body)
    expect((await admin('DELETE', `/api/alerts/channels/${a.id}`)).body).toEqual({ deleted: true, id: a.id })
    const rules = (await admin('GET', '/api/alerts/rules')).body as {
      rules: { id: number; channel_ids: number[] }[]
    }
    expect(rules.rules.find((r) => r.id === rule.id)?.channel_ids).toEqual([b.id])
    expect((await admin('DELETE', `/api/alerts/channels/${a.id}`)).status).toBe(404)
  })
})

describe('test sends', () => {
  it('signs a webhook test with the channel secret, logs the delivery and shows it on the channel', async () => {
    const hook = await createChannel({
      name: 'signed',
      type: 'webhook',
      config: { url: recorder.url('/hook'), secret: WEBHOOK_SECRET },
    })
    const res = await admin('POST', `/api/alerts/channels/${hook.id}/test`)
    expect(res.status, res.text).toBe(200)
    const { delivery } = alertChannelTestResponseSchema.parse(res.body)
    expect(delivery).toMatchObject({
      channel_id: hook.id,
      event: 'test',
      attempt: 1,
      ok: true,
      status_code: 200,
      incident_ids: [],
    })
    const [request] = recorder.requests.filter((r) => r.path === '/hook')
    expect(request?.headers['x-mc-event']).toBe('test')
    const { 'x-mc-timestamp': timestamp, 'x-mc-signature': signature } = request?.headers ?? {}
    expect(
      verifyWebhookSignature(WEBHOOK_SECRET, String(timestamp), request?.body ?? '', String(signature)),
    ).toBe(true)

    const listing = alertChannelsResponseSchema.parse((await admin('GET', '/api/alerts/channels')).body)
    expect(listing.channels.find((c) => c.id === hook.id)).toMatchObject({
      last_delivery: { id: delivery.id },
      failing: false,
    })
    const log = alertDeliveriesResponseSchema.parse(
      (await admin('GET', `/api/alerts/deliveries?channel_id=${hook.id}`)).body,
    )
    expect(log.deliveries.map((d) => d.id)).toEqual([delivery.id])
  })

  it('answers 200 with ok: false when the receiver fails, and the channel shows as failing', async () => {
    recorder.respondWith([500])
    const hook = await createChannel({
      name: 'broken',
      type: 'discord',
      config: { url: recorder.url('/broken') },
    })
    const res = await admin('POST', `/api/alerts/channels/${hook.id}/test`)
    expect(res.status).toBe(200)
    expect(alertChannelTestResponseSchema.parse(res.body).delivery).toMatchObject({
      ok: false,
      status_code: 500,
    })
    const listing = alertChannelsResponseSchema.parse((await admin('GET', '/api/alerts/channels')).body)
    expect(listing.channels.find((c) => c.id === hook.id)?.failing).toBe(true)
    expect((await admin('POST', '/api/alerts/channels/999999/test')).status).toBe(404)
  })

  it('mails a test through SMTP_URL without ever showing its password', async () => {
    const channel = await createChannel({ name: 'mail', type: 'email', config: { to: 'oncall@example.com' } })
    const res = await admin('POST', `/api/alerts/channels/${channel.id}/test`)
    expect(res.status, res.text).toBe(200)
    expect(alertChannelTestResponseSchema.parse(res.body).delivery).toMatchObject({
      ok: true,
      status_code: 250,
    })
    const [sent] = await mail.waitFor(1)
    expect(sent).toMatchObject({ to: ['oncall@example.com'] })
    expect(res.text).not.toContain(SMTP_PASSWORD)
    expect(t.logs.join('\n')).not.toContain(SMTP_PASSWORD)
  })
})
