import { createAlertChannel, createAlertRule, createGateway, listIncidents } from '@mc/db'
import { startHttpRecorder } from '@mc/testing/http-recorder'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertTick } from '../jobs/alert-tick.ts'
import { useAlertDeliveryRunner } from '../testing/alert-delivery-runner.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const receiver = await startHttpRecorder()
const ctx = useWorkerContext({ ALERT_GROUP_WAIT_S: '0', ALERT_RETRY_BASE_MS: '50' })

afterAll(() => receiver.close())

const hookBodies = () => receiver.requests.map((r) => JSON.parse(r.body ?? '{}'))

/**
 * Counts `count` more failed handshakes from `address` in the minute the test began (still the
 * current or the latest complete one while it runs), as the worker does from a gateway's log, and
 * tells the evaluator.
 */
async function failedHandshakes(gatewayId: number, address: string, count: number) {
  await ctx.db.execute(sql`
    insert into gateway_auth_failures (gateway_id, minute, address, reason, count, last_at)
    values (${gatewayId}, ${testMinute}, ${address}, 'token_mismatch', ${count}, now())
    on conflict (gateway_id, minute, address, reason)
    do update set count = gateway_auth_failures.count + excluded.count, last_at = excluded.last_at`)
  await ctx.alertEvaluator.afterAuthFailures([gatewayId])
}

let testMinute: string

describe('authentication anomaly alerts, delivered to a real receiver', () => {
  useAlertDeliveryRunner(ctx)

  beforeAll(async () => {
    const [row] = await ctx.db.execute<{ minute: string }>(
      sql`select date_trunc('minute', now())::text as minute`,
    )
    testMinute = row?.minute ?? ''
  })

  it('opens at the threshold of failures per minute over every address, and resolves once a minute passes under it', async () => {
    const hook = await createAlertChannel(ctx.db, {
      name: 'hook',
      type: 'webhook',
      enabled: true,
      config: { url: receiver.url('/auth') },
      secret: null,
    })
    const gateway = await createGateway(ctx.db, {
      name: 'gw-guessed',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    const quiet = await createGateway(ctx.db, {
      name: 'gw-quiet',
      host: '127.0.0.1',
      port: 2,
      token: null,
      isPrimary: false,
    })
    await createAlertRule(ctx.db, {
      name: 'token guessing',
      kind: 'gateway_auth_anomaly',
      params: { per_minute: 10 },
      scopeGatewayIds: [],
      scopeAgentNames: [],
      channelIds: [hook.id],
      repeatEveryS: null,
      enabled: true,
    })

    await failedHandshakes(gateway.id, '203.0.113.7', 6)
    await failedHandshakes(gateway.id, '198.51.100.2', 3)
    await failedHandshakes(quiet.id, '203.0.113.7', 9)
    expect((await listIncidents(ctx.db, { kind: 'gateway_auth_anomaly', limit: 10 })).rows).toEqual([])

    await failedHandshakes(gateway.id, '203.0.113.7', 1)
    await receiver.waitFor(1)
    expect(hookBodies()[0]).toMatchObject({
      event: 'incident.opened',
      incidents: [
        {
          kind: 'gateway_auth_anomaly',
          severity: 'critical',
          subject: { type: 'gateway', id: gateway.id, name: 'gw-guessed' },
          summary: 'gw-guessed refused 10 connection attempts in a minute (failed authentication)',
        },
      ],
    })

    // Time is moved, not waited for. The minute before this one still counts (the latest complete one)…
    await ctx.db.execute(sql`update gateway_auth_failures set minute = date_trunc('minute', now()) - interval '1 minute'
      where gateway_id = ${gateway.id}`)
    await alertTick(ctx).process({} as Job<Record<string, never>>)
    expect((await listIncidents(ctx.db, { kind: 'gateway_auth_anomaly', limit: 10 })).rows).toEqual([
      expect.objectContaining({ status: 'open' }),
    ])
    // …the one before that does not: a whole minute has passed under the threshold.
    await ctx.db.execute(sql`update gateway_auth_failures set minute = date_trunc('minute', now()) - interval '2 minutes'
      where gateway_id = ${gateway.id}`)
    await alertTick(ctx).process({} as Job<Record<string, never>>)
    await receiver.waitFor(2)
    expect(hookBodies()[1]).toMatchObject({
      event: 'incident.resolved',
      incidents: [{ kind: 'gateway_auth_anomaly', subject: { type: 'gateway', id: gateway.id } }],
    })
  })
})
