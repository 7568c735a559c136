import { describe, expect, it } from 'vitest'
import samples from './fixtures/audit-activity-tool-actions.json' with { type: 'json' }
import { listToolActionsSince, type ToolActionsClient } from './tool-actions.ts'

/** A ledger of `events` (newest first) paged by sequence cursor, counting the calls. */
function ledger(events: { sequence: number }[], pageSize = 2) {
  const calls: Record<string, unknown>[] = []
  const client: ToolActionsClient = {
    request: async (_method, params) => {
      const { cursor } = params as { cursor?: string }
      calls.push(params as Record<string, unknown>)
      const rest = cursor ? events.filter((event) => event.sequence < Number(cursor)) : events
      const page = rest.slice(0, pageSize)
      const more = rest.length > pageSize
      return { events: page, ...(more ? { nextCursor: String(page.at(-1)?.sequence) } : {}) }
    },
  }
  return { client, calls }
}

const events = samples.toolActions.events

describe('listToolActionsSince', () => {
  it('pairs the real ledger’s started/finished actions into calls, oldest first', async () => {
    const { client, calls } = ledger(events)
    const found = await listToolActionsSince(client, 0)
    expect(found.map((call) => [call.tool, call.ok, call.error, call.durationMs])).toEqual([
      ['read', false, 'tool_failed', 10],
      ['exec', true, null, 1991],
      ['ls', true, null, 12],
    ])
    expect(found[1]).toMatchObject({
      toolCallId: 'sha256:715038bad938b2dbe8db08c472094063399c45ecd235214dbbf08a49eeb84ecb',
      auditToolCallId: 'sha256:715038bad938b2dbe8db08c472094063399c45ecd235214dbbf08a49eeb84ecb',
      sessionKey: 'agent:main:dashboard:21ce237b-312d-4ef2-946b-ba07ce3ef82e',
      runId: '6f258773-aaab-46cc-a2b9-8b7df3202d36',
      exitCode: null,
    })
    expect(calls[0]).toEqual({ kind: 'tool_action', limit: 500 })
    expect(calls.map((call) => call.cursor)).toEqual([undefined, '670', '666'])
  })

  it('stops paging past sinceMs once every finished call found its start', async () => {
    const { client, calls } = ledger(events)
    const found = await listToolActionsSince(client, 1796001126000)
    expect(found.map((call) => call.tool)).toEqual(['exec', 'ls'])
    expect(calls).toHaveLength(2)
  })

  it('stops after maxCalls', async () => {
    const { client } = ledger(events)
    expect(await listToolActionsSince(client, 0, { maxCalls: 1 })).toHaveLength(1)
  })

  it('rejects an answer without events', async () => {
    const client: ToolActionsClient = { request: async () => ({ rows: [] }) }
    await expect(listToolActionsSince(client, 0)).rejects.toMatchObject({ kind: 'protocol' })
  })
})
