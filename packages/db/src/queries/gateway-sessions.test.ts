import { describe, expect, it } from 'vitest'
import { makeGateway, sessionRow as row } from '../../test/fixtures.ts'
import { useMigratedDatabase } from '../../test/migrated-database.ts'
import { applySessionRows, endMissingSessions, sweepSessionStates } from './gateway-sessions.ts'
import { updateGateway } from './gateways.ts'
import { countSessions, findSession, listSessions } from './session-lists.ts'

const t = useMigratedDatabase()
let seq = 0
const gateway = () => makeGateway(t.db, `sessions-${++seq}`)
const defaults = { idleS: 1800, stuckS: 900 }
const NOW = Date.now()
const minutesAgo = (minutes: number) => NOW - minutes * 60_000

describe('storing what a watcher saw', () => {
  it('stores new sessions with their state and returns only what changed', async () => {
    const gw = await gateway()
    const first = await applySessionRows(
      t.db,
      gw.id,
      [
        row('a'),
        row('b', { updatedAt: minutesAgo(45) }),
        row('c', { hasActiveRun: true, runStatus: 'running' }),
        row('d', { hasActiveRun: true, updatedAt: minutesAgo(20) }),
      ],
      defaults,
    )
    expect(Object.fromEntries(first.map((s) => [s.sessionKey, s.state]))).toEqual({
      a: 'ready',
      b: 'idle',
      c: 'active',
      d: 'stuck',
    })
    expect(first[0]?.gatewayName).toBe(gw.name)
    // The same rows again (a full load after a reconnect): nothing to announce.
    expect(
      await applySessionRows(t.db, gw.id, [row('a'), row('b', { updatedAt: minutesAgo(45) })], defaults),
    ).toEqual([])
    const changed = await applySessionRows(
      t.db,
      gw.id,
      [row('a', { hasActiveRun: true, updatedAt: Date.now(), inputTokens: 1200.4, estimatedCostUsd: 0.25 })],
      defaults,
    )
    expect(changed).toMatchObject([
      { sessionKey: 'a', state: 'active', inputTokens: 1200, estimatedCostUsd: 0.25 },
    ])
  })

  it('ignores a row older than the stored one, so a racing page cannot undo an event', async () => {
    const gw = await gateway()
    await applySessionRows(
      t.db,
      gw.id,
      [row('a', { hasActiveRun: true, updatedAt: minutesAgo(1) })],
      defaults,
    )
    expect(await applySessionRows(t.db, gw.id, [row('a', { updatedAt: minutesAgo(2) })], defaults)).toEqual(
      [],
    )
    const [stored] = (await listSessions(t.db, { gatewayId: gw.id }, { limit: 10 })).rows
    expect(stored).toMatchObject({ sessionKey: 'a', hasActiveRun: true })
  })

  it('ends the sessions a full load no longer finds, and revives one that comes back', async () => {
    const gw = await gateway()
    await applySessionRows(t.db, gw.id, [row('a'), row('b')], defaults)
    const loadStartedAt = new Date(Date.now() + 1000)
    const ended = await endMissingSessions(t.db, gw.id, ['a'], loadStartedAt)
    expect(ended).toMatchObject([{ sessionKey: 'b', state: 'ended' }])
    expect(await endMissingSessions(t.db, gw.id, ['a'], loadStartedAt)).toEqual([])
    expect(await countSessions(t.db, { gatewayId: gw.id })).toEqual({
      active: 0,
      ready: 1,
      idle: 0,
      stuck: 0,
    })
    const back = await applySessionRows(t.db, gw.id, [row('b')], defaults)
    expect(back).toMatchObject([{ sessionKey: 'b', state: 'ready', endedAt: null }])
  })

  it('keeps a session seen after the load began, though the load did not list it', async () => {
    const gw = await gateway()
    const loadStartedAt = new Date(Date.now() - 60_000)
    await applySessionRows(t.db, gw.id, [row('created-during-load')], defaults)
    expect(await endMissingSessions(t.db, gw.id, [], loadStartedAt)).toEqual([])
  })

  it('moves sessions to idle and stuck as time passes, by the gateway’s own thresholds when set', async () => {
    const gw = await gateway()
    const other = await gateway()
    await updateGateway(t.db, gw.id, { sessionIdleS: 5, sessionStuckS: 5 })
    const tenSecondsAgo = Date.now() - 10_000
    await applySessionRows(t.db, gw.id, [row('quiet', { updatedAt: tenSecondsAgo })], defaults)
    await applySessionRows(t.db, other.id, [row('quiet', { updatedAt: tenSecondsAgo })], defaults)
    const { rows } = await listSessions(t.db, { gatewayId: gw.id }, { limit: 10 })
    expect(rows).toMatchObject([{ state: 'idle' }])
    await applySessionRows(
      t.db,
      gw.id,
      [row('running', { hasActiveRun: true, updatedAt: Date.now() })],
      defaults,
    )
    // With thresholds of 5 s the sweep finds it stuck once its last update is 5 s old.
    await t.db.execute(
      `update gateway_sessions set last_activity_at = now() - interval '6 seconds' where session_key = 'running'`,
    )
    const moved = await sweepSessionStates(t.db, defaults)
    expect(moved.map((s) => [s.gatewayId, s.sessionKey, s.state])).toEqual([[gw.id, 'running', 'stuck']])
    expect(await sweepSessionStates(t.db, defaults)).toEqual([])
  })
})

describe('listing sessions', () => {
  it('pages newest activity first with a cursor, filters, searches and counts', async () => {
    const gw = await gateway()
    const rows = Array.from({ length: 7 }, (_, i) =>
      row(`s${i}`, {
        updatedAt: minutesAgo(i),
        label: i % 2 ? `odd-${i}` : `even_${i}`,
        agentId: i < 5 ? 'main' : 'helper',
      }),
    )
    await applySessionRows(t.db, gw.id, rows, defaults)
    const first = await listSessions(t.db, { gatewayId: gw.id }, { limit: 3 })
    expect(first.rows.map((s) => s.sessionKey)).toEqual(['s0', 's1', 's2'])
    const second = await listSessions(
      t.db,
      { gatewayId: gw.id },
      { limit: 3, before: first.nextBefore ?? undefined },
    )
    expect(second.rows.map((s) => s.sessionKey)).toEqual(['s3', 's4', 's5'])
    const last = await listSessions(
      t.db,
      { gatewayId: gw.id },
      { limit: 3, before: second.nextBefore ?? undefined },
    )
    expect(last).toMatchObject({ rows: [{ sessionKey: 's6' }], nextBefore: null })
    const helpers = await listSessions(t.db, { gatewayId: gw.id, agent: 'helper' }, { limit: 10 })
    expect(helpers.rows.map((s) => s.sessionKey)).toEqual(['s5', 's6'])
    // `_` is a literal underscore, not a LIKE wildcard.
    const search = await listSessions(t.db, { gatewayId: gw.id, q: 'EVEN_' }, { limit: 10 })
    expect(search.rows.map((s) => s.sessionKey)).toEqual(['s0', 's2', 's4', 's6'])
    expect(await countSessions(t.db, { gatewayId: gw.id, agent: 'helper' })).toEqual({
      active: 0,
      ready: 2,
      idle: 0,
      stuck: 0,
    })
    const one = first.rows[0]
    expect(one && (await findSession(t.db, one.id))).toMatchObject({ sessionKey: 's0', gatewayName: gw.name })
  })
})
