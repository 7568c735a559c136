import { MAX_TOOL_ERROR_LENGTH } from '@mc/shared'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { finishedToolCall, makeGateway } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { deleteGateway } from './gateways.ts'
import { recordToolCalls, type ToolCallInput } from './tool-call-writes.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `tool-calls-${++seq}`)
const NOW = Date.now()

const toolCall = (id: string, fields: Partial<ToolCallInput> = {}) =>
  finishedToolCall(id, {
    sessionKey: 'agent:main:main',
    agentId: 'main',
    runId: 'run-1',
    endedAt: NOW - 1000,
    durationMs: 500,
    exitCode: 0,
    ...fields,
  })

const storedCalls = (gatewayId: number) =>
  t.db.execute<Record<string, unknown>>(sql`
    select c.tool_call_id, t.name, c.duration_ms, c.ok, c.error, c.exit_code, c.source, c.session_key, c.agent
    from gateway_tool_calls c join gateway_tools t on t.id = c.tool_id
    where c.gateway_id = ${gatewayId} order by c.tool_call_id`)

describe('storing finished tool calls', () => {
  it('stores each call once with its tool, duration and outcome, bounding the error', async () => {
    const gw = await gateway()
    const first = await recordToolCalls(
      t.db,
      gw.id,
      [toolCall('a'), toolCall('b', { tool: 'read', ok: false, error: 'x'.repeat(2000), exitCode: null })],
      'event',
    )
    expect(first.inserted).toBe(2)
    expect(first.toolIds).toHaveLength(2)
    // The same call again, live or from the audit ledger: nothing new, no tool reported.
    expect(await recordToolCalls(t.db, gw.id, [toolCall('a'), toolCall('a')], 'audit')).toEqual({
      inserted: 0,
      toolIds: [],
    })
    const rows = await storedCalls(gw.id)
    expect(rows).toMatchObject([
      {
        tool_call_id: 'a',
        name: 'exec',
        duration_ms: 500,
        ok: true,
        error: null,
        exit_code: 0,
        source: 'event',
      },
      { tool_call_id: 'b', name: 'read', ok: false, exit_code: null, source: 'event' },
    ])
    expect(String(rows[1]?.error)).toHaveLength(MAX_TOOL_ERROR_LENGTH)
  })

  it('keeps one tool per gateway and name, with its latest call', async () => {
    const gw = await gateway()
    const a = await recordToolCalls(t.db, gw.id, [toolCall('a', { endedAt: NOW - 5000 })], 'event')
    const b = await recordToolCalls(t.db, gw.id, [toolCall('b', { endedAt: NOW - 9000 })], 'audit')
    expect(b.toolIds).toEqual(a.toolIds)
    const [tool] = await t.db.execute<{ last_call_at: Date }>(
      sql`select last_call_at from gateway_tools where gateway_id = ${gw.id}`,
    )
    expect(new Date(tool?.last_call_at ?? 0).getTime()).toBe(NOW - 5000)
  })

  it('stores nothing for a deleted gateway', async () => {
    const gw = await gateway()
    await deleteGateway(t.db, gw.id)
    expect(await recordToolCalls(t.db, gw.id, [toolCall('a')], 'event')).toEqual({ inserted: 0, toolIds: [] })
  })
})
