import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { recordGatewayUsage, type SessionUsageInput } from './gateway-usage-writes.ts'

const t = useMigratedDatabase()

const usage = (sessionKey: string, inputTokens: number, costUsd: number): SessionUsageInput => ({
  sessionKey,
  agentId: 'main',
  model: 'gpt-4.1',
  provider: 'openai',
  inputTokens,
  outputTokens: inputTokens / 2,
  costUsd,
})

describe('storing gateway usage', () => {
  it('replaces each session’s row of the day, so readings can repeat', async () => {
    const gw = await makeGateway(t.db, 'usage')
    expect(
      await recordGatewayUsage(t.db, gw.id, '2026-11-29', [usage('a', 100, 0.5), usage('b', 10, 0.1)]),
    ).toBe(2)
    expect(
      await recordGatewayUsage(t.db, gw.id, '2026-11-29', [usage('a', 150, 0.75), usage('a', 300, 1)]),
    ).toBe(1)
    await recordGatewayUsage(t.db, gw.id, '2026-11-30', [usage('a', 20, 0.1)])
    const rows = await t.db.execute<Record<string, unknown>>(sql`
      select day::text, session_key, input_tokens, output_tokens, cost_usd from gateway_usage
      where gateway_id = ${gw.id} order by day, session_key`)
    expect(rows).toEqual([
      { day: '2026-11-29', session_key: 'a', input_tokens: '300', output_tokens: '150', cost_usd: 1 },
      { day: '2026-11-29', session_key: 'b', input_tokens: '10', output_tokens: '5', cost_usd: 0.1 },
      { day: '2026-11-30', session_key: 'a', input_tokens: '20', output_tokens: '10', cost_usd: 0.1 },
    ])
  })
})
