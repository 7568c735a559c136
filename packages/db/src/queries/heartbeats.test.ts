import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { agents } from '../schema/agents.ts'
import { tokenUsage } from '../schema/token-usage.ts'
import { disconnectConnection, recordHeartbeats } from './direct-connections.ts'

const t = useMigratedDatabase()

async function open(agentName: string, toolName = 'codex') {
  const { agent, connection } = await openConnection(t.db, agentName, toolName)
  return { agentId: agent.id, connectionId: connection.connectionId }
}

describe('recordHeartbeats (a coalesced batch)', () => {
  it('answers each heartbeat of a mixed batch in order, like one heartbeat at a time would', async () => {
    const a = await open('batch-a')
    const b = await open('batch-b')
    const closed = await open('batch-c')
    await disconnectConnection(t.db, closed.connectionId, 'disconnected')
    const outcomes = await recordHeartbeats(
      t.db,
      [
        {
          agent: a.agentId,
          connectionId: a.connectionId,
          tokens: { model: 'm1', input: 10, output: 5 },
        },
        { agent: 'batch-b', connectionId: b.connectionId, tokens: null },
        { agent: a.agentId, connectionId: b.connectionId, tokens: null },
        { agent: closed.agentId, connectionId: closed.connectionId, tokens: null },
        { agent: 'nobody', connectionId: 'conn-unknown', tokens: null },
        {
          agent: a.agentId,
          connectionId: a.connectionId,
          tokens: { model: 'm1', input: 1, output: 1 },
        },
      ],
      60,
    )
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'not_found', 'disconnected', 'not_found', 'ok'])
    expect(outcomes[0]).toMatchObject({ kind: 'ok', agentId: a.agentId, tokenRecorded: true })
    expect(outcomes[1]).toMatchObject({ kind: 'ok', agentId: b.agentId, tokenRecorded: false })
    expect(outcomes[3]).toEqual({ kind: 'disconnected', reason: 'disconnected' })
    const usage = await t.db.select().from(tokenUsage).where(eq(tokenUsage.agentId, a.agentId))
    expect(usage.map((u) => u.inputTokens).sort()).toEqual([1, 10])
    const [agentB] = await t.db.select().from(agents).where(eq(agents.id, b.agentId))
    expect(agentB?.lastSeen).toBeInstanceOf(Date)
    expect(await recordHeartbeats(t.db, [], 60)).toEqual([])
  })
})
