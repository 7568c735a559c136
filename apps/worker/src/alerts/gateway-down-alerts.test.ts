import { createAlertEvaluator, sealChannelConfig, verifyWebhookSignature } from '@mc/alerting'
import {
  acknowledgeIncident,
  closeDb,
  createAlertChannel,
  createAlertRule,
  createDb,
  createGateway,
  createMaintenanceWindow,
  endMaintenanceWindow,
  listAlertDeliveries,
  listIncidents,
  listIncidentTimeline,
} from '@mc/db'
import { startFakeGateway } from '@mc/openclaw/fake'
import type { CreateAlertChannelRequest } from '@mc/shared'
import { eventually } from '@mc/testing'
import { startHttpRecorder } from '@mc/testing/http-recorder'
import { startSmtpRecorder } from '@mc/testing/smtp-recorder'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { alertTick } from '../jobs/alert-tick.ts'
import { probeGatewayJob } from '../jobs/probe-gateway.ts'
import { useAlertDeliveryRunner } from '../testing/alert-delivery-runner.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const receivers = { http: await startHttpRecorder(), smtp: await startSmtpRecorder() }
const WEBHOOK_SECRET = 'a-webhook-secret-of-some-length'

// No group wait: the delivery job of a channel is what groups, and it runs when the test lets it.
const ctx = useWorkerContext({
  PROBE_TIMEOUT_MS: '4000',
  ALERT_GROUP_WAIT_S: '0',
  ALERT_RETRY_BASE_MS: '50',
  SMTP_URL: receivers.smtp.url,
  SMTP_FROM: 'Mission Control <alerts@mc.test>',
})

afterAll(async () => {
  await receivers.http.close()
  await receivers.smtp.close()
})

async function channel(request: CreateAlertChannelRequest) {
  const sealed = sealChannelConfig(request.type, request.config as Record<string, unknown>, ctx.tokenCipher)
  return createAlertChannel(ctx.db, { name: request.name, type: request.type, enabled: true, ...sealed })
}

/** A gateway_down rule for these gateways only (each test has its own). */
const rule = (gatewayIds: number[], channelIds: number[], repeatEveryS: number | null = null) =>
  createAlertRule(ctx.db, {
    name: 'down',
    kind: 'gateway_down',
    params: { after_failures: 2 },
    scopeGatewayIds: gatewayIds,
    scopeAgentNames: [],
    channelIds,
    repeatEveryS,
    enabled: true,
  })

/** Probes the gateways once, as a scheduled sweep would, and waits for their alert evaluation. */
async function probe(ids: number[]) {
  await probeGatewayJob(ctx).process({ data: { gateway_ids: ids, reason: 'scheduled' } } as Job)
}

const deliveriesOf = async (channelId: number) =>
  (await listAlertDeliveries(ctx.db, { channelId, limit: 100 })).rows.reverse()

describe('gateway_down alerts, delivered to real receivers', () => {
  const deliveries = useAlertDeliveryRunner(ctx)

  it('a gateway that stops opens one incident and tells each channel once; back online, once more', async () => {
    const fake = await startFakeGateway({ token: 't' })
    const channels = {
      webhook: await channel({
        name: 'hook',
        type: 'webhook',
        config: { url: receivers.http.url('/hook'), secret: WEBHOOK_SECRET },
      }),
      slack: await channel({ name: 'slack', type: 'slack', config: { url: receivers.http.url('/slack') } }),
      discord: await channel({
        name: 'discord',
        type: 'discord',
        config: { url: receivers.http.url('/discord') },
      }),
      ntfy: await channel({ name: 'ntfy', type: 'ntfy', config: { url: receivers.http.url('/ntfy') } }),
      email: await channel({ name: 'mail', type: 'email', config: { to: 'ops@mc.test' } }),
    }
    const gateway = await createGateway(ctx.db, {
      name: 'gw-stops',
      host: '127.0.0.1',
      port: fake.port,
      token: ctx.tokenCipher.encrypt('t'),
      isPrimary: false,
    })
    await rule(
      [gateway.id],
      Object.values(channels).map((c) => c.id),
    )
    try {
      await probe([gateway.id])
      fake.setMode('close-mid-handshake')
      await probe([gateway.id])
      // One failure is below after_failures: nothing opens.
      expect((await listIncidents(ctx.db, { limit: 10 })).rows).toEqual([])
      await probe([gateway.id])
      const opened = await eventually(async () => {
        const { rows } = await listIncidents(ctx.db, { limit: 10 })
        expect(rows).toHaveLength(1)
        return rows[0]
      })
      expect(opened).toMatchObject({ kind: 'gateway_down', subjectName: 'gw-stops', status: 'open' })
      const firstRequests = await receivers.http.waitFor(4)
      await receivers.smtp.waitFor(1)

      const hook = firstRequests.find((r) => r.path === '/hook')
      expect(hook?.headers['x-mc-event']).toBe('incident.opened')
      const signature = hook?.headers['x-mc-signature']
      expect(
        verifyWebhookSignature(
          WEBHOOK_SECRET,
          String(hook?.headers['x-mc-timestamp']),
          hook?.body ?? '',
          String(signature),
        ),
      ).toBe(true)
      expect(JSON.parse(hook?.body ?? '{}').incidents).toMatchObject([
        { id: opened?.id, subject: { name: 'gw-stops' } },
      ])
      expect(firstRequests.map((r) => r.path).sort()).toEqual(['/discord', '/hook', '/ntfy', '/slack'])
      expect(receivers.smtp.mails[0]?.subject).toContain('gw-stops')

      for (let n = 0; n < 10; n++) await probe([gateway.id])
      fake.setMode('normal')
      await probe([gateway.id])
      // Notices of a channel go out in order: had the ten probes sent anything, it would come first.
      const all = await receivers.http.waitFor(8)
      await receivers.smtp.waitFor(2)
      expect(all).toHaveLength(8)
      expect(receivers.smtp.mails).toHaveLength(2)
      expect(all.slice(4).find((r) => r.path === '/hook')?.headers['x-mc-event']).toBe('incident.resolved')
      expect(receivers.smtp.mails[1]?.text).toMatch(/resolved after/)
      const [incident] = (await listIncidents(ctx.db, { limit: 10 })).rows
      expect(incident).toMatchObject({ id: opened?.id, status: 'resolved', resolvedBy: null })
      // Each attempt is logged once its receiver has answered.
      for (const c of Object.values(channels))
        await eventually(async () =>
          expect((await deliveriesOf(c.id)).map((d) => [d.event, d.ok])).toEqual([
            ['incident.opened', true],
            ['incident.resolved', true],
          ]),
        )
    } finally {
      await fake.stop()
    }
  })

  it('300 gateways going down together make one message per channel, listing all 300', async () => {
    const hook = await channel({
      name: 'fleet-hook',
      type: 'webhook',
      config: { url: receivers.http.url('/fleet') },
    })
    const mail = await channel({ name: 'fleet-mail', type: 'email', config: { to: 'fleet@mc.test' } })
    // A port nothing listens on: every probe is refused at once.
    const ids: number[] = []
    for (let n = 0; n < 300; n++)
      ids.push(
        (
          await createGateway(ctx.db, {
            name: `fleet-${n}`,
            host: '127.0.0.1',
            port: 1,
            token: null,
            isPrimary: false,
          })
        ).id,
      )
    await rule(ids, [hook.id, mail.id])
    // The delivery jobs wait until every incident is queued: the channel's one job then carries them all.
    const queue = deliveries.queue()
    await queue.pause()
    try {
      for (let start = 0; start < ids.length; start += 25) await probe(ids.slice(start, start + 25))
      for (let start = 0; start < ids.length; start += 25) await probe(ids.slice(start, start + 25))
      await eventually(async () =>
        expect(
          (await listIncidents(ctx.db, { kind: 'gateway_down', status: 'open', limit: 500 })).rows,
        ).toHaveLength(300),
      )
    } finally {
      await queue.resume()
    }
    const before = receivers.http.requests.filter((r) => r.path === '/fleet').length
    await eventually(async () => expect(await deliveriesOf(hook.id)).toHaveLength(1))
    await eventually(async () => expect(await deliveriesOf(mail.id)).toHaveLength(1))
    const messages = receivers.http.requests.filter((r) => r.path === '/fleet')
    expect(messages).toHaveLength(before + 1)
    const names = JSON.parse(messages.at(-1)?.body ?? '{}').incidents.map(
      (i: { subject: { name: string } }) => i.subject.name,
    )
    expect(names.sort()).toEqual(ids.map((_, n) => `fleet-${n}`).sort())
    const fleetMail = await eventually(() => {
      const found = receivers.smtp.mails.find((m) => m.to.includes('fleet@mc.test'))
      expect(found).toBeDefined()
      return found
    })
    for (let n = 0; n < 300; n++) expect(fleetMail?.text).toContain(`fleet-${n}`)
  })

  it('a receiver that answers 500 twice gets the message on the third attempt, and the log shows all three', async () => {
    let calls = 0
    receivers.http.respondWith((request) => (request.path === '/flaky' && ++calls <= 2 ? 500 : 200))
    const flaky = await channel({
      name: 'flaky',
      type: 'webhook',
      config: { url: receivers.http.url('/flaky') },
    })
    const gateway = await createGateway(ctx.db, {
      name: 'gw-flaky',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    await rule([gateway.id], [flaky.id])
    await probe([gateway.id])
    await probe([gateway.id])
    const attempts = await eventually(async () => {
      const log = await deliveriesOf(flaky.id)
      expect(log).toHaveLength(3)
      return log
    })
    expect(attempts.map((d) => [d.attempt, d.ok, d.statusCode])).toEqual([
      [1, false, 500],
      [2, false, 500],
      [3, true, 200],
    ])
    const [incident] = (await listIncidents(ctx.db, { gatewayId: gateway.id, limit: 1 })).rows
    // The timeline entry follows the attempt's log row.
    await eventually(async () => {
      const timeline = await listIncidentTimeline(ctx.db, incident?.id ?? 0)
      expect(timeline.map((entry) => entry.type)).toEqual([
        'opened',
        'delivery_failed',
        'delivery_failed',
        'notified',
      ])
    })
    receivers.http.respondWith(() => 200)
  })

  it('a maintenance window holds notices until it ends; acknowledging stops reminders', async () => {
    const quiet = await channel({
      name: 'quiet',
      type: 'webhook',
      config: { url: receivers.http.url('/quiet') },
    })
    const gateway = await createGateway(ctx.db, {
      name: 'gw-maint',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    await rule([gateway.id], [quiet.id], 60)
    const window = await createMaintenanceWindow(ctx.db, {
      gatewayIds: [gateway.id],
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 3_600_000),
      reason: 'upgrade',
      createdBy: 'test',
    })
    await probe([gateway.id])
    await probe([gateway.id])
    const incident = await eventually(async () => {
      const [row] = (await listIncidents(ctx.db, { gatewayId: gateway.id, limit: 1 })).rows
      expect(row).toMatchObject({ status: 'open', inMaintenance: true })
      return row
    })
    const tick = alertTick(ctx)
    await tick.process({} as Job<Record<string, never>>)
    expect(await deliveriesOf(quiet.id)).toEqual([])

    await endMaintenanceWindow(ctx.db, window.id)
    expect(await tick.process({} as Job<Record<string, never>>)).toMatchObject({ released: 1 })
    await eventually(async () => expect(await deliveriesOf(quiet.id)).toHaveLength(1))

    // A minute later, still open and unacknowledged: a reminder. Time is moved, not waited for.
    const lastNotifiedMinuteAgo = sql`update incidents set last_notified_at = now() - interval '61 seconds' where id = ${incident?.id}`
    await ctx.db.execute(lastNotifiedMinuteAgo)
    expect(await tick.process({} as Job<Record<string, never>>)).toMatchObject({ reminders: 1 })
    await eventually(async () =>
      expect((await deliveriesOf(quiet.id)).map((d) => d.event)).toEqual([
        'incident.opened',
        'incident.reminder',
      ]),
    )

    await acknowledgeIncident(ctx.db, incident?.id ?? 0, 'alice')
    await ctx.db.execute(lastNotifiedMinuteAgo)
    expect(await tick.process({} as Job<Record<string, never>>)).toMatchObject({ reminders: 0 })
  })

  it('two workers evaluating the same flip at once open one incident and tell each channel once', async () => {
    const twice = await channel({
      name: 'twice',
      type: 'webhook',
      config: { url: receivers.http.url('/twice') },
    })
    const gateway = await createGateway(ctx.db, {
      name: 'gw-race',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    await rule([gateway.id], [twice.id])
    // As two probe writes left it: down twice in a row.
    await ctx.db.execute(
      sql`update gateways set status = 'offline', consecutive_failures = 2 where id = ${gateway.id}`,
    )
    const otherPool = createDb(ctx.config.DATABASE_URL, { max: 2 })
    const errors: unknown[] = []
    const otherWorker = createAlertEvaluator({ ...ctx.alerts, db: otherPool }, (error) => errors.push(error))
    const thisWorker = createAlertEvaluator(ctx.alerts, (error) => errors.push(error))
    try {
      const probed = [{ gatewayId: gateway.id, previousVersion: null }]
      for (let round = 0; round < 5; round++)
        await Promise.all([thisWorker.afterProbes(probed), otherWorker.afterProbes(probed)])
    } finally {
      await closeDb(otherPool)
    }
    expect(errors).toEqual([])
    expect((await listIncidents(ctx.db, { gatewayId: gateway.id, limit: 10 })).rows).toHaveLength(1)
    await eventually(async () => expect(await deliveriesOf(twice.id)).toHaveLength(1))
    expect(receivers.http.requests.filter((r) => r.path === '/twice')).toHaveLength(1)
  })
})
