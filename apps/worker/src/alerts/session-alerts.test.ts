import {
  applySessionRows,
  createAlertChannel,
  createAlertRule,
  createGateway,
  deleteGateway,
  listIncidents,
  sweepSessionStates,
} from '@mc/db'
import { startHttpRecorder } from '@mc/testing/http-recorder'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { alertTick } from '../jobs/alert-tick.ts'
import { useAlertDeliveryRunner } from '../testing/alert-delivery-runner.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const receiver = await startHttpRecorder()
const ctx = useWorkerContext({ ALERT_GROUP_WAIT_S: '0', ALERT_RETRY_BASE_MS: '50' })
const defaults = { idleS: 1800, stuckS: 900 }

afterAll(() => receiver.close())

const hookBodies = () =>
  receiver.requests.filter((r) => r.path === '/sessions').map((r) => JSON.parse(r.body ?? '{}'))

describe('session alerts, delivered to a real receiver', () => {
  useAlertDeliveryRunner(ctx)

  it('a run that goes stuck is told once; its gateway deleted, the tick resolves it and tells again', async () => {
    const hook = await createAlertChannel(ctx.db, {
      name: 'hook',
      type: 'webhook',
      enabled: true,
      config: { url: receiver.url('/sessions') },
      secret: null,
    })
    const gateway = await createGateway(ctx.db, {
      name: 'gw-runs',
      host: '127.0.0.1',
      port: 1,
      token: null,
      isPrimary: false,
    })
    await createAlertRule(ctx.db, {
      name: 'stuck runs',
      kind: 'session_stuck',
      params: {},
      scopeGatewayIds: [gateway.id],
      scopeAgentNames: [],
      channelIds: [hook.id],
      repeatEveryS: null,
      enabled: true,
    })
    const [session] = await applySessionRows(
      ctx.db,
      gateway.id,
      [
        {
          key: 'agent:main:feas-001',
          agentId: 'main',
          label: 'feas-001',
          kind: 'direct',
          model: 'echo-1',
          modelProvider: 'mock',
          createdAt: Date.now(),
          updatedAt: Date.now(),
          lastInteractionAt: null,
          hasActiveRun: true,
          runStatus: 'running',
          startedAt: Date.now(),
          endedAt: null,
          inputTokens: null,
          outputTokens: null,
          estimatedCostUsd: null,
          archived: false,
        },
      ],
      defaults,
    )
    if (!session) throw new Error('the session was not stored')
    await ctx.alertEvaluator.afterSessionChanges([session.id])
    expect((await listIncidents(ctx.db, { kind: 'session_stuck', limit: 10 })).rows).toEqual([])

    // Time is moved, not waited for: the run's last update is now past the stuck threshold.
    await ctx.db.execute(
      sql`update gateway_sessions set last_activity_at = now() - interval '20 minutes' where id = ${session.id}`,
    )
    const moved = await sweepSessionStates(ctx.db, defaults)
    await ctx.alertEvaluator.afterSessionChanges(moved.map((s) => s.id))
    await receiver.waitFor(1)
    expect(hookBodies()[0]).toMatchObject({
      event: 'incident.opened',
      incidents: [
        {
          kind: 'session_stuck',
          severity: 'critical',
          subject: { type: 'session', id: session.id, name: 'gw-runs / feas-001' },
        },
      ],
    })
    expect(hookBodies()[0].incidents[0].summary).toMatch(/^session feas-001 on gw-runs is stuck/)

    await deleteGateway(ctx.db, gateway.id)
    await alertTick(ctx).process({} as Job<Record<string, never>>)
    await receiver.waitFor(2)
    expect(hookBodies()[1]).toMatchObject({
      event: 'incident.resolved',
      incidents: [{ kind: 'session_stuck', subject: { type: 'session', id: session.id } }],
    })
    const [incident] = (await listIncidents(ctx.db, { kind: 'session_stuck', limit: 10 })).rows
    expect(incident).toMatchObject({ status: 'resolved', resolvedBy: null })
  })
})
