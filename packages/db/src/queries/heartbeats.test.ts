import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { agents } from '../schema/agents.ts'
import { tokenUsage } from '../schema/token-usage.ts'
import { disconnectConnection } from './direct-connections.ts'
import { type HeartbeatInput, type HeartbeatSettlement, recordHeartbeats } from './heartbeats.ts'
import { postgresError } from './postgres-errors.ts'

const t = useMigratedDatabase()

async function open(agentName: string, toolName = 'codex') {
  const { agent, connection } = await openConnection(t.db, agentName, toolName)
  return { agentId: agent.id, connectionId: connection.connectionId }
}

const record = (inputs: HeartbeatInput[]) => recordHeartbeats(t.db, inputs, 60)
const outcomeOf = (settled: HeartbeatSettlement | undefined) =>
  settled?.status === 'fulfilled' ? settled.value : settled?.reason
const inputTokensOf = async (agentId: number) =>
  (await t.db.select().from(tokenUsage).where(eq(tokenUsage.agentId, agentId)))
    .map((u) => u.inputTokens)
    .sort((x, y) => x - y)

describe('recordHeartbeats (a coalesced batch)', () => {
  it('answers each heartbeat of a mixed batch in order, like one heartbeat at a time would', async () => {
    const a = await open('batch-a')
    const b = await open('batch-b')
    const closed = await open('batch-c')
    await disconnectConnection(t.db, closed.connectionId, 'disconnected')
    const outcomes = (
      await record([
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
      ])
    ).map(outcomeOf)
    expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'ok', 'not_found', 'disconnected', 'not_found', 'ok'])
    expect(outcomes[0]).toMatchObject({ kind: 'ok', agentId: a.agentId, tokenRecorded: true })
    expect(outcomes[1]).toMatchObject({ kind: 'ok', agentId: b.agentId, tokenRecorded: false })
    expect(outcomes[3]).toEqual({ kind: 'disconnected', reason: 'disconnected' })
    expect(await inputTokensOf(a.agentId)).toEqual([1, 10])
    const [agentB] = await t.db.select().from(agents).where(eq(agents.id, b.agentId))
    expect(agentB?.lastSeen).toBeInstanceOf(Date)
    expect(await record([])).toEqual([])
  })

  it('refuses what Postgres would refuse before the batch is written, and records the rest', async () => {
    const a = await open('refusals')
    const tokens = (input: number, model = 'm') => ({ model, input, output: 0 })
    const good = (input: number) => ({
      agent: a.agentId,
      connectionId: a.connectionId,
      tokens: tokens(input),
    })
    const outcomes = (
      await record([
        good(1),
        { agent: 2 ** 31, connectionId: a.connectionId, tokens: null },
        { agent: 'nul\u0000name', connectionId: a.connectionId, tokens: null },
        { agent: a.agentId, connectionId: 'conn-\u0000', tokens: null },
        { agent: a.agentId, connectionId: a.connectionId, tokens: tokens(3, 'half \ud800 pair') },
        { agent: a.agentId, connectionId: a.connectionId, tokens: tokens(2 ** 31) },
        good(2),
      ])
    ).map(outcomeOf)
    expect(outcomes.map((o) => o.kind)).toEqual([
      'ok',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'ok',
    ])
    expect(outcomes[1]).toEqual({ kind: 'invalid', message: `agent id ${2 ** 31} is out of range` })
    expect(outcomes[4]).toEqual({ kind: 'invalid', message: 'the model contains NUL or a lone surrogate' })
    expect(await inputTokensOf(a.agentId)).toEqual([1, 2])
  })

  it('settles the heartbeats of a statement Postgres refused one by one: only the guilty one fails', async () => {
    const a = await open('isolated-a')
    const b = await open('isolated-b')
    // Failures no check in the api can foresee: a data exception (class 22) and an internal error.
    await t.db.execute(sql`
      create function refuse_test_models() returns trigger language plpgsql as $$
      begin
        if new.model = 'refused' then raise exception 'model refused' using errcode = '22023'; end if;
        if new.model = 'broken' then raise exception 'broken on purpose'; end if;
        if new.model = 'overloaded' then raise exception 'too slow' using errcode = '57014'; end if;
        return new;
      end $$`)
    await t.db.execute(sql`
      create trigger refuse_test_models before insert on token_usage
      for each row execute function refuse_test_models()`)
    try {
      const heartbeat = (input: number, model = 'm') => ({
        agent: a.agentId,
        connectionId: a.connectionId,
        tokens: { model, input, output: 0 },
      })
      const settled = await record([
        heartbeat(1),
        heartbeat(2, 'refused'),
        heartbeat(3, 'broken'),
        { agent: 'isolated-b', connectionId: b.connectionId, tokens: null },
        heartbeat(4),
      ])
      const outcomes = settled.map(outcomeOf)
      expect(outcomes.map((o) => o.kind)).toEqual(['ok', 'invalid', undefined, 'ok', 'ok'])
      expect(outcomes[1]).toEqual({ kind: 'invalid', message: 'model refused' })
      expect(settled[2]?.status).toBe('rejected')
      expect(postgresError(settled[2]?.status === 'rejected' && settled[2].reason)?.code).toBe('P0001')
      // The failed batch left nothing behind; each good heartbeat counts once.
      expect(await inputTokensOf(a.agentId)).toEqual([1, 4])

      // Trouble with the database itself fails the batch at once rather than multiplying its load.
      const troubled = await record([heartbeat(5), heartbeat(6, 'overloaded')])
      expect(troubled.map((s) => s.status)).toEqual(['rejected', 'rejected'])
      expect(await inputTokensOf(a.agentId)).toEqual([1, 4])
    } finally {
      await t.db.execute(sql`drop function refuse_test_models() cascade`)
    }
  })
})
