import { createAlertChannel, createAlertRule, createGateway, listIncidents, schema } from '@mc/db'
import { type AlertRuleKind, alertRuleKinds } from '@mc/shared'
import { startHttpRecorder } from '@mc/testing/http-recorder'
import type { Job } from 'bullmq'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { alertTick } from '../jobs/alert-tick.ts'
import { useAlertDeliveryRunner } from '../testing/alert-delivery-runner.ts'
import { useWorkerContext } from '../testing/worker-context.ts'

const receiver = await startHttpRecorder()
const ctx = useWorkerContext({ ALERT_GROUP_WAIT_S: '0', ALERT_RETRY_BASE_MS: '50' })

afterAll(() => receiver.close())

const hookBodies = (path: string) =>
  receiver.requests.filter((r) => r.path === path).map((r) => JSON.parse(r.body ?? '{}'))

let calls = 0

/**
 * A gateway with one tool, and a rule of `kind` telling a webhook at `path`, scoped to that gateway
 * unless `scope` says otherwise.
 */
async function toolWithRule(
  name: string,
  kind: AlertRuleKind,
  params: Record<string, unknown>,
  path: string,
  scope = (gatewayId: number) => [gatewayId],
) {
  const hook = await createAlertChannel(ctx.db, {
    name: `hook-${name}`,
    type: 'webhook',
    enabled: true,
    config: { url: receiver.url(path) },
    secret: null,
  })
  const gateway = await createGateway(ctx.db, {
    name,
    host: '127.0.0.1',
    port: 1,
    token: null,
    isPrimary: false,
  })
  const [tool] = await ctx.db
    .insert(schema.gatewayTools)
    .values({ gatewayId: gateway.id, name: 'exec' })
    .returning()
  if (!tool) throw new Error('the tool was not stored')
  await createAlertRule(ctx.db, {
    name: `${kind} on ${name}`,
    kind,
    params: alertRuleKinds[kind].params.parse(params),
    scopeGatewayIds: scope(gateway.id),
    scopeAgentNames: [],
    channelIds: [hook.id],
    repeatEveryS: null,
    enabled: true,
  })
  /** Stores `count` finished calls of the tool that ended `agoS` seconds ago, as a watcher would. */
  const storeCalls = async (count: number, call: { ok: boolean; durationMs: number; agoS: number }) => {
    const endedAt = new Date(Date.now() - call.agoS * 1000)
    await ctx.db.insert(schema.gatewayToolCalls).values(
      Array.from({ length: count }, () => ({
        toolId: tool.id,
        gatewayId: gateway.id,
        toolCallId: `call-${++calls}`,
        startedAt: new Date(endedAt.getTime() - call.durationMs),
        endedAt,
        durationMs: call.durationMs,
        ok: call.ok,
        error: call.ok ? null : 'exit code 1',
        source: 'event',
      })),
    )
    await ctx.alertEvaluator.afterToolCalls([tool.id])
  }
  return { gateway, tool, storeCalls }
}

const runTick = () => alertTick(ctx).process({} as Job<Record<string, never>>)

describe('tool alerts, delivered to a real receiver', () => {
  useAlertDeliveryRunner(ctx)

  it('a tool with enough failed calls in the window is failing; once they age out, the tick resolves it', async () => {
    const { tool, storeCalls } = await toolWithRule('gw-failing', 'tool_failing', { failures: 3 }, '/failing')
    // Failures older than the window (600 s by default) and successes do not count.
    await storeCalls(5, { ok: false, durationMs: 50, agoS: 900 })
    await storeCalls(10, { ok: true, durationMs: 50, agoS: 10 })
    await storeCalls(2, { ok: false, durationMs: 50, agoS: 10 })
    expect((await listIncidents(ctx.db, { kind: 'tool_failing', limit: 10 })).rows).toEqual([])

    await storeCalls(1, { ok: false, durationMs: 50, agoS: 5 })
    await receiver.waitFor(1)
    expect(hookBodies('/failing')[0]).toMatchObject({
      event: 'incident.opened',
      incidents: [
        {
          kind: 'tool_failing',
          severity: 'warning',
          subject: { type: 'tool', id: tool.id, name: 'gw-failing: exec' },
          summary: 'gw-failing: exec is failing: 3 failed calls in 10 min',
        },
      ],
    })

    // Time is moved, not waited for: the failures are now older than the window.
    await ctx.db.execute(
      sql`update gateway_tool_calls set ended_at = ended_at - interval '20 minutes' where tool_id = ${tool.id}`,
    )
    await runTick()
    await receiver.waitFor(2)
    expect(hookBodies('/failing')[1]).toMatchObject({
      event: 'incident.resolved',
      incidents: [{ kind: 'tool_failing', subject: { type: 'tool', id: tool.id } }],
    })
  })

  it('a tool whose last hour is twice as slow as its week is degrading, until the slow calls age out', async () => {
    const { tool, storeCalls } = await toolWithRule('gw-slow', 'tool_degraded', {}, '/degraded')
    const sent = receiver.requests.length
    await storeCalls(100, { ok: true, durationMs: 100, agoS: 2 * 86_400 })
    // A fast last hour: nothing.
    await storeCalls(3, { ok: true, durationMs: 120, agoS: 60 })
    expect((await listIncidents(ctx.db, { kind: 'tool_degraded', limit: 10 })).rows).toEqual([])

    await storeCalls(3, { ok: true, durationMs: 900, agoS: 30 })
    await receiver.waitFor(sent + 1)
    const [opened] = hookBodies('/degraded')
    expect(opened).toMatchObject({
      event: 'incident.opened',
      incidents: [{ kind: 'tool_degraded', subject: { type: 'tool', id: tool.id, name: 'gw-slow: exec' } }],
    })
    expect(opened.incidents[0].summary).toBe(
      'gw-slow: exec is degrading: p95 900 ms over the last hour (6 calls), 100 ms over the 7 days before',
    )

    await ctx.db.execute(
      sql`update gateway_tool_calls set ended_at = ended_at - interval '2 hours'
        where tool_id = ${tool.id} and duration_ms > 100`,
    )
    await runTick()
    await receiver.waitFor(sent + 2)
    expect(hookBodies('/degraded')[1]).toMatchObject({
      event: 'incident.resolved',
      incidents: [{ kind: 'tool_degraded', subject: { type: 'tool', id: tool.id } }],
    })
  })

  it('a rule scoped to other gateways leaves this gateway’s tools alone', async () => {
    const elsewhere = (gatewayId: number) => [gatewayId + 1000]
    const { storeCalls } = await toolWithRule(
      'gw-scoped',
      'tool_failing',
      { failures: 1 },
      '/scoped',
      elsewhere,
    )
    await storeCalls(5, { ok: false, durationMs: 10, agoS: 1 })
    const incidents = (await listIncidents(ctx.db, { kind: 'tool_failing', limit: 50 })).rows
    expect(incidents.filter((incident) => incident.subjectName.startsWith('gw-scoped'))).toEqual([])
  })
})
