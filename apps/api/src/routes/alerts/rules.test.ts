import { findIncident, findIncidents, schema } from '@mc/db'
import { makeGateway } from '@mc/db/testing'
import { alertRuleResponseSchema, alertRulesResponseSchema } from '@mc/shared'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole, makeIncident } from '../../testing/alert-factories.ts'
import { makeSession } from '../../testing/session-factories.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()
let admin: Call
let channelId: number

beforeAll(async () => {
  admin = await callerWithRole(t, 'admin')
  const res = await admin('POST', '/api/alerts/channels', {
    name: 'ops',
    type: 'email',
    config: { to: 'ops@example.com' },
  })
  channelId = (res.body as { channel: { id: number } }).channel.id
})

async function createRule(body: Record<string, unknown>) {
  const res = await admin('POST', '/api/alerts/rules', body)
  expect(res.status, res.text).toBe(201)
  return alertRuleResponseSchema.parse(res.body).rule
}

describe('alert rules', () => {
  it('fills in the kind’s defaults and stores them', async () => {
    const rule = await createRule({ name: 'down', kind: 'gateway_down', channel_ids: [channelId] })
    expect(rule).toMatchObject({
      kind: 'gateway_down',
      severity: 'critical',
      params: { after_failures: 2 },
      scope: { gateway_ids: [], agent_names: [] },
      repeat_every_s: null,
      enabled: true,
    })
    const flapping = await createRule({
      name: 'flaps',
      kind: 'gateway_flapping',
      params: { flips: 6 },
      channel_ids: [],
    })
    expect(flapping.params).toEqual({ flips: 6, window_s: 900 })
    const { rules } = alertRulesResponseSchema.parse((await admin('GET', '/api/alerts/rules')).body)
    expect(rules.find((r) => r.id === flapping.id)?.params).toEqual({ flips: 6, window_s: 900 })
  })

  it('refuses an unknown kind, bad params and unknown channels with a 400 naming them', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'x', kind: 'gateway_exploded', channel_ids: [] }, 'kind', /gateway_down/],
      [
        { name: 'x', kind: 'gateway_down', params: { after_failures: 0 }, channel_ids: [] },
        'params.after_failures',
        /from 1 to 1000/,
      ],
      [
        { name: 'x', kind: 'gateway_down', params: { after: 3 }, channel_ids: [] },
        'params.after',
        /unknown field/,
      ],
      [{ name: 'x', kind: 'token_budget', channel_ids: [] }, 'params.tokens', /tokens, cost_usd or both/],
      [
        { name: 'x', kind: 'token_budget', params: { cost_usd: -1 }, channel_ids: [] },
        'params.cost_usd',
        /more than 0/,
      ],
      [
        { name: 'x', kind: 'tool_failing', params: { failures: 0 }, channel_ids: [] },
        'params.failures',
        /from 1/,
      ],
      [
        { name: 'x', kind: 'gateway_auth_anomaly', params: { per_minute: 'many' }, channel_ids: [] },
        'params.per_minute',
        /whole number/,
      ],
      [
        { name: 'x', kind: 'gateway_down', channel_ids: [channelId, 987_654, 987_655] },
        'channel_ids',
        /unknown channel ids: 987654, 987655/,
      ],
      [{ name: 'x', kind: 'gateway_down', channel_ids: [], repeat_every_s: 5 }, 'repeat_every_s', /from 60/],
    ]
    for (const [body, path, message] of cases) {
      const res = await admin('POST', '/api/alerts/rules', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const details = (res.body as { details: { path: string; message: string }[] }).details
      expect(details.find((d) => d.path === path)?.message, res.text).toMatch(message)
    }
  })

  it('patches a rule (params checked against its kind) and is for admins only', async () => {
    const rule = await createRule({ name: 'patchable', kind: 'gateway_down', channel_ids: [] })
    const res = await admin('PATCH', `/api/alerts/rules/${rule.id}`, {
      params: { after_s: 60 },
      enabled: false,
    })
    expect(alertRuleResponseSchema.parse(res.body).rule).toMatchObject({
      params: { after_failures: 2, after_s: 60 },
      enabled: false,
    })
    const bad = await admin('PATCH', `/api/alerts/rules/${rule.id}`, { params: { flips: 3 } })
    expect(bad.status).toBe(400)
    expect((await admin('PATCH', `/api/alerts/rules/${rule.id}`, { kind: 'agent_lost' })).status).toBe(400)
    expect((await admin('PATCH', `/api/alerts/rules/${rule.id}`, { channel_ids: [999_999] })).status).toBe(
      400,
    )
    expect((await admin('PATCH', '/api/alerts/rules/999999', { enabled: true })).status).toBe(404)
    const operator = await callerWithRole(t, 'operator')
    expect((await operator('GET', '/api/alerts/rules')).status).toBe(403)
    expect((await operator('DELETE', `/api/alerts/rules/${rule.id}`)).status).toBe(403)
  })

  it('resolves the open incidents of a deleted rule, by whoever deleted it', async () => {
    const rule = await createRule({ name: 'doomed', kind: 'gateway_down', channel_ids: [] })
    const open = await makeIncident(t.deps.db, { ruleId: rule.id })
    const acked = await makeIncident(t.deps.db, { ruleId: rule.id, status: 'acknowledged' })
    const res = await admin('DELETE', `/api/alerts/rules/${rule.id}`)
    expect(res.body).toEqual({ deleted: true, id: rule.id })
    for (const incident of [open, acked]) {
      expect(await findIncident(t.deps.db, incident.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: expect.stringMatching(/^user:/),
        ruleId: null,
      })
    }
    expect((await admin('DELETE', `/api/alerts/rules/${rule.id}`)).status).toBe(404)
  })

  it('opens incidents for the sessions already stuck when a session rule is created or enabled', async () => {
    const gw = await makeGateway(t.deps.db, 'rules-stuck-sessions')
    const stuck = await makeSession(t.deps.db, gw.id, {
      hasActiveRun: true,
      updatedAt: Date.now() - 3_600_000,
    })
    const running = await makeSession(t.deps.db, gw.id, { hasActiveRun: true })
    expect([stuck.state, running.state]).toEqual(['stuck', 'active'])
    const rule = await createRule({
      name: 'stuck runs',
      kind: 'session_stuck',
      channel_ids: [],
      enabled: false,
    })
    const openFor = async () =>
      (
        await t.deps.db.execute<{ id: number }>(
          `select id from incidents where rule_id = ${rule.id} and status <> 'resolved'`,
        )
      ).map((row) => row.id)
    expect(await openFor()).toEqual([])
    const res = await admin('PATCH', `/api/alerts/rules/${rule.id}`, { enabled: true })
    expect(res.status, res.text).toBe(200)
    const [incident] = await findIncidents(t.deps.db, await openFor())
    expect(incident).toMatchObject({ subjectType: 'session', subjectId: stuck.id, kind: 'session_stuck' })
    expect(await openFor()).toHaveLength(1)
  })

  it('opens incidents for the tools already failing and the gateways already refusing handshakes', async () => {
    const gw = await makeGateway(t.deps.db, 'rules-catch-up')
    const [tool] = await t.deps.db
      .insert(schema.gatewayTools)
      .values({ gatewayId: gw.id, name: 'read' })
      .returning()
    if (!tool) throw new Error('the tool was not stored')
    const failed = (n: number) => ({
      toolId: tool.id,
      gatewayId: gw.id,
      toolCallId: `catch-up-${n}`,
      startedAt: new Date(Date.now() - 2000),
      endedAt: new Date(Date.now() - 1000),
      durationMs: 1000,
      ok: false,
      source: 'event',
    })
    await t.deps.db.insert(schema.gatewayToolCalls).values([failed(1), failed(2)])
    await t.deps.db.execute(sql`insert into gateway_auth_failures (gateway_id, minute, address, reason, count, last_at)
      values (${gw.id}, date_trunc('minute', now()), '203.0.113.9', 'token_mismatch', 50, now())`)

    const failing = await createRule({
      name: 'failing tools',
      kind: 'tool_failing',
      params: { failures: 2 },
      channel_ids: [],
    })
    const guessing = await createRule({ name: 'guessing', kind: 'gateway_auth_anomaly', channel_ids: [] })
    const rows = await t.deps.db.execute<{
      rule_id: number
      subject_type: string
      subject_id: number
      subject_name: string
    }>(
      sql`select rule_id, subject_type, subject_id, subject_name from incidents
        where rule_id in (${failing.id}, ${guessing.id}) and status = 'open' order by rule_id`,
    )
    expect(rows).toEqual([
      {
        rule_id: failing.id,
        subject_type: 'tool',
        subject_id: tool.id,
        subject_name: 'rules-catch-up: read',
      },
      { rule_id: guessing.id, subject_type: 'gateway', subject_id: gw.id, subject_name: 'rules-catch-up' },
    ])
  })
})
