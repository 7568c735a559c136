import { expireConnections, listIncidents, upsertModelPrice } from '@mc/db'
import { connectResponseSchema } from '@mc/shared'
import { eventually } from '@mc/testing'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Call, callerWithRole, makeAlertRule } from '../testing/alert-factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let operator: Call

beforeAll(async () => {
  operator = await callerWithRole(t, 'operator')
})

const incidentsOf = async (kind: string, agentId: number) =>
  (await listIncidents(t.deps.db, { kind, agentId, limit: 10 })).rows

async function connect(agentName: string) {
  const res = await operator('POST', '/api/connect', { agent_name: agentName, tool_name: 'claude-code' })
  expect(res.status).toBe(200)
  return connectResponseSchema.parse(res.body)
}

describe('agent rules, evaluated where the agent facts are written', () => {
  it('an agent whose heartbeats stop is lost until it connects again', async () => {
    await makeAlertRule(t.deps.db, { kind: 'agent_lost', params: {}, scopeAgentNames: ['lost-agent'] })
    const first = await connect('lost-agent')
    // Its heartbeats stopped: the expiry sweep takes its connection, as the worker's job does.
    await t.deps.db.execute(
      sql`update direct_connections set expires_at = now() - interval '1 second' where connection_id = ${first.connection_id}`,
    )
    const expired = await expireConnections(t.deps.db)
    await t.deps.alerts.evaluator.afterExpiry(expired.agents.map((agent) => agent.id))
    expect(await incidentsOf('agent_lost', first.agent_id)).toMatchObject([
      { status: 'open', subjectName: 'lost-agent', severity: 'critical' },
    ])

    await connect('lost-agent')
    await eventually(async () =>
      expect(await incidentsOf('agent_lost', first.agent_id)).toMatchObject([{ status: 'resolved' }]),
    )
  })

  it('an agent that reports more tokens than its daily budget opens a token_budget incident', async () => {
    await makeAlertRule(t.deps.db, {
      kind: 'token_budget',
      params: { tokens: 1000, window: 'day' },
      scopeAgentNames: ['spender'],
    })
    const { agent_id, connection_id } = await connect('spender')
    const beat = (input: number) =>
      operator('POST', `/api/agents/${agent_id}/heartbeat`, {
        connection_id,
        tokens: { model: 'claude-sonnet', input, output: 100 },
      })
    expect((await beat(400)).status).toBe(200)
    expect(await incidentsOf('token_budget', agent_id)).toEqual([])
    expect((await beat(600)).status).toBe(200)
    const [incident] = await eventually(async () => {
      const rows = await incidentsOf('token_budget', agent_id)
      expect(rows).toHaveLength(1)
      return rows
    })
    expect(incident?.summary).toBe('agent spender used 1200 tokens this day (budget 1000)')
  })

  it('a cost budget prices the usage as GET /api/usage does, by the model price table', async () => {
    await makeAlertRule(t.deps.db, {
      kind: 'token_budget',
      params: { cost_usd: 1, window: 'day' },
      scopeAgentNames: ['cost-spender'],
    })
    await upsertModelPrice(t.deps.db, 'budget-model', { inputUsdPerMtok: 2, outputUsdPerMtok: 10 })
    const { agent_id, connection_id } = await connect('cost-spender')
    const beat = (model: string, input: number, output: number) =>
      operator('POST', `/api/agents/${agent_id}/heartbeat`, {
        connection_id,
        tokens: { model, input, output },
      })
    // Millions of tokens of a model the table does not price cost nothing; $0.80 of a priced one.
    expect((await beat('unpriced-model', 5_000_000, 0)).status).toBe(200)
    expect((await beat('budget-model', 300_000, 20_000)).status).toBe(200)
    expect(await incidentsOf('token_budget', agent_id)).toEqual([])
    // $0.40 more: $1.20 in all.
    expect((await beat('budget-model', 0, 40_000)).status).toBe(200)
    const [incident] = await eventually(async () => {
      const rows = await incidentsOf('token_budget', agent_id)
      expect(rows).toHaveLength(1)
      return rows
    })
    expect(incident?.summary).toBe('agent cost-spender used $1.20 this day (budget $1)')
  })
})
